import { requireCan } from '../../../../lib/server';
import { PriceLists } from './price-lists';

export default async function PriceListsPage() {
  await requireCan('read', 'catalog.price-list');
  return <PriceLists />;
}
