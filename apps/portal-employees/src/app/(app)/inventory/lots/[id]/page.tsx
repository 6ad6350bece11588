import { requireCan } from '../../../../../lib/server';
import { LotTrace } from './lot-trace';

export default async function LotTracePage(props: { params: Promise<{ id: string }> }) {
  await requireCan('read', 'inventory.lot');
  const { id } = await props.params;
  return <LotTrace id={id} />;
}
