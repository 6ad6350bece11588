import { requireCan } from '../../../../lib/server';
import { EntryList } from './entry-list';

export default async function EntriesPage() {
  await requireCan('read', 'accounts.entry');
  return <EntryList />;
}
