import { requireCan } from '../../../../lib/server';
import { UsersAdmin } from './users-admin';

export default async function UsersPage() {
  await requireCan('read', 'auth.member');
  return <UsersAdmin />;
}
