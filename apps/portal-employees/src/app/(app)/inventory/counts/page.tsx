import { requireCan } from '../../../../lib/server';
import { CountList } from './count-list';

export default async function CountsPage() {
  await requireCan('read', 'inventory.count');
  return <CountList />;
}
