import { requireCan } from '../../../../lib/server';
import { ItemList } from './item-list';

export default async function ItemsPage() {
  await requireCan('read', 'catalog.item');
  return <ItemList />;
}
