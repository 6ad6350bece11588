import { requireCan } from '../../../../lib/server';
import { MoveList } from './move-list';

export default async function MovesPage() {
  await requireCan('read', 'inventory.stock');
  return <MoveList />;
}
