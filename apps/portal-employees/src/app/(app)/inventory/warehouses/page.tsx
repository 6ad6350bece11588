import { requireCan } from '../../../../lib/server';
import { WarehouseList } from './warehouse-list';

export default async function WarehousesPage() {
  await requireCan('read', 'inventory.warehouse');
  return <WarehouseList />;
}
