import { requireCan } from '../../../lib/server';
import { AccountsDashboard } from './dashboard';

export default async function AccountsPage() {
  await requireCan('read', 'accounts.current-account');
  return <AccountsDashboard />;
}
