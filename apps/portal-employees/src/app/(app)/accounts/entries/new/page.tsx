import { requireCan } from '../../../../../lib/server';
import { EntryForm } from './entry-form';

export default async function NewEntryPage() {
  await requireCan('create', 'accounts.entry');
  return <EntryForm />;
}
