import { requireCan } from '../../../../lib/server';
import { Kardex } from './kardex';

export default async function KardexPage(props: {
  searchParams: Promise<{ itemId?: string; warehouseId?: string }>;
}) {
  await requireCan('read', 'inventory.stock');
  const { itemId, warehouseId } = await props.searchParams;
  return <Kardex itemId={itemId ?? null} warehouseId={warehouseId ?? null} />;
}
