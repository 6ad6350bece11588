import { requireCan } from '../../../../lib/server';
import { AuditLog } from './audit-log';

export default async function AuditPage() {
  await requireCan('read', 'audit.log');
  return <AuditLog />;
}
