import { requireCan } from '../../../../lib/server';
import { StockReport } from './stock-report';

export default async function StockPage(props: {
  searchParams: Promise<{ itemId?: string; warehouseId?: string; locationId?: string }>;
}) {
  await requireCan('read', 'inventory.stock');
  const { itemId, warehouseId, locationId } = await props.searchParams;
  return (
    <StockReport
      itemId={itemId ?? null}
      warehouseId={warehouseId ?? null}
      locationId={locationId ?? null}
    />
  );
}
