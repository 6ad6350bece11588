import { requireCan } from '../../../../lib/server';
import { CompanySettings } from './company-settings';

/** The company's settings: its record, number series, tax and exchange rates (owners and admins). */
export default async function CompanyPage() {
  const session = await requireCan('update', 'tenancy.tenant');
  return <CompanySettings tenantId={session.current.tenantId} />;
}
