import { requireCan } from '../../../../../lib/server';
import { CountSheet } from './count-sheet';

export default async function CountPage(props: { params: Promise<{ id: string }> }) {
  await requireCan('read', 'inventory.count');
  const { id } = await props.params;
  return <CountSheet id={id} />;
}
