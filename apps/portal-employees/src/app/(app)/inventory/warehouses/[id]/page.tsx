import { requireCan } from '../../../../../lib/server';
import { WarehouseDetail } from './warehouse-detail';

export default async function WarehousePage(props: { params: Promise<{ id: string }> }) {
  await requireCan('read', 'inventory.warehouse');
  const { id } = await props.params;
  return <WarehouseDetail id={id} />;
}
