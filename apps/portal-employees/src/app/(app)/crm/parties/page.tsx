import { requireCan } from '../../../../lib/server';
import { PartyList } from './party-list';

export default async function PartiesPage() {
  await requireCan('read', 'crm.party');
  return <PartyList />;
}
