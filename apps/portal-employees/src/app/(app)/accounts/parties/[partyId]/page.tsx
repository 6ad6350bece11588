import { requireCan } from '../../../../../lib/server';
import { CurrentAccount } from './current-account';

export default async function CurrentAccountPage(props: { params: Promise<{ partyId: string }> }) {
  await requireCan('read', 'accounts.current-account');
  const { partyId } = await props.params;
  return <CurrentAccount partyId={partyId} />;
}
