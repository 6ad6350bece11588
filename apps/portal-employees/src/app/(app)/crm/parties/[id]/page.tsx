import { requireCan } from '../../../../../lib/server';
import { PartyDetail } from './party-detail';

export default async function PartyPage(props: { params: Promise<{ id: string }> }) {
  await requireCan('read', 'crm.party');
  const { id } = await props.params;
  return <PartyDetail id={id} />;
}
