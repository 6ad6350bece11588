import { requireCan } from '../../../../../lib/server';
import { RoleEditor } from './role-editor';

export default async function RolePage(props: { params: Promise<{ key: string }> }) {
  const { key } = await props.params;
  await requireCan(key === 'new' ? 'create' : 'read', 'permissions.role');
  return <RoleEditor roleKey={key === 'new' ? null : key} />;
}
