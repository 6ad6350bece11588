import { requireCan } from '../../../../../../lib/server';
import { StatementPrint } from './statement-print';

export default async function StatementPage(props: {
  params: Promise<{ partyId: string }>;
  searchParams: Promise<{ from?: string; to?: string; print?: string }>;
}) {
  await requireCan('read', 'accounts.current-account');
  const { partyId } = await props.params;
  const { from, to, print } = await props.searchParams;
  return (
    <StatementPrint
      partyId={partyId}
      from={from ?? null}
      to={to ?? null}
      autoPrint={print === '1'}
    />
  );
}
