import { requireCan } from '../../../../../lib/server';
import { BalanceSheet } from './balance-sheet';

export default async function BalanceSheetPage() {
  await requireCan('read', 'accounts.report');
  return <BalanceSheet />;
}
