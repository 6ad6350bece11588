import { requireCan } from '../../../../../lib/server';
import { ProfitAndLoss } from './profit-and-loss';

export default async function ProfitAndLossPage() {
  await requireCan('read', 'accounts.report');
  return <ProfitAndLoss />;
}
