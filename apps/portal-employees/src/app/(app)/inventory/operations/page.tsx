import { requireCan } from '../../../../lib/server';
import { OperationList } from './operation-list';

export default async function OperationsPage() {
  await requireCan('read', 'inventory.operation');
  return <OperationList />;
}
