import { requireCan } from '../../../../../lib/server';
import { OpportunityDetail } from './opportunity-detail';

export default async function OpportunityPage(props: { params: Promise<{ id: string }> }) {
  await requireCan('read', 'crm.opportunity');
  const { id } = await props.params;
  return <OpportunityDetail id={id} />;
}
