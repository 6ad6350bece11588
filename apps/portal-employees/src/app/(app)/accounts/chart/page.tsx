import { requireCan } from '../../../../lib/server';
import { ChartOfAccounts } from './chart-tree';

export default async function ChartPage() {
  await requireCan('read', 'accounts.account');
  return <ChartOfAccounts />;
}
