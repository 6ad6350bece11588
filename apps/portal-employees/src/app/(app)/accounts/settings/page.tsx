import { requireCan } from '../../../../lib/server';
import { AccountingSettings } from './accounting-settings';

export default async function AccountingSettingsPage() {
  await requireCan('read', 'accounts.settings');
  return <AccountingSettings />;
}
