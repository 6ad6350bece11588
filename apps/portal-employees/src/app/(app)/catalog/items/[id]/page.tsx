import { requireCan } from '../../../../../lib/server';
import { ItemDetail } from './item-detail';

export default async function ItemPage(props: { params: Promise<{ id: string }> }) {
  await requireCan('read', 'catalog.item');
  const { id } = await props.params;
  return <ItemDetail id={id} />;
}
