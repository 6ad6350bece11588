import { requireCan } from '../../../../lib/server';
import { RoleList } from './role-list';

export default async function RolesPage() {
  await requireCan('read', 'permissions.role');
  return <RoleList />;
}
