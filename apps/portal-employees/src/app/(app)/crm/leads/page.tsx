import { requireCan } from '../../../../lib/server';
import { LeadList } from './lead-list';

export default async function LeadsPage() {
  await requireCan('read', 'crm.lead');
  return <LeadList />;
}
