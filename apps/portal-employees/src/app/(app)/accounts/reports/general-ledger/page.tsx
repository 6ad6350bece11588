import { requireCan } from '../../../../../lib/server';
import { GeneralLedger } from './general-ledger';

export default async function GeneralLedgerPage(props: {
  searchParams: Promise<{ accountId?: string; from?: string; to?: string }>;
}) {
  await requireCan('read', 'accounts.report');
  const { accountId, from, to } = await props.searchParams;
  return <GeneralLedger accountId={accountId ?? null} from={from ?? null} to={to ?? null} />;
}
