import { requireCan } from '../../../../../lib/server';
import { EntryDetail } from './entry-detail';

export default async function EntryPage(props: { params: Promise<{ id: string }> }) {
  await requireCan('read', 'accounts.entry');
  const { id } = await props.params;
  return <EntryDetail id={id} />;
}
