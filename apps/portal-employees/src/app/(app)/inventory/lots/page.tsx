import { requireCan } from '../../../../lib/server';
import { LotList } from './lot-list';

export default async function LotsPage() {
  await requireCan('read', 'inventory.lot');
  return <LotList />;
}
