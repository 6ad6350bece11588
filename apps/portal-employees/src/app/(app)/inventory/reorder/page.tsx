import { requireCan } from '../../../../lib/server';
import { ReorderSuggestions } from './reorder-suggestions';

export default async function ReorderPage() {
  await requireCan('read', 'inventory.reorder-rule');
  return <ReorderSuggestions />;
}
