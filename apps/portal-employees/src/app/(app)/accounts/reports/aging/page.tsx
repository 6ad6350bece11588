import { requireCan } from '../../../../../lib/server';
import { Aging } from './aging';

export default async function AgingPage(props: {
  searchParams: Promise<{ kind?: string; asOf?: string }>;
}) {
  await requireCan('read', 'accounts.current-account');
  const { kind, asOf } = await props.searchParams;
  return <Aging kind={kind === 'payable' ? 'payable' : 'receivable'} asOf={asOf ?? null} />;
}
