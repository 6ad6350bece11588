import { requireCan } from '../../../../../lib/server';
import { TrialBalance } from './trial-balance';

export default async function TrialBalancePage(props: {
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  await requireCan('read', 'accounts.report');
  const { from, to } = await props.searchParams;
  return <TrialBalance from={from ?? null} to={to ?? null} />;
}
