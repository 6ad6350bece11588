import { requireCan } from '../../../../../lib/server';
import { OperationDetail } from './operation-detail';

export default async function OperationPage(props: { params: Promise<{ id: string }> }) {
  await requireCan('read', 'inventory.operation');
  const { id } = await props.params;
  return <OperationDetail id={id} />;
}
