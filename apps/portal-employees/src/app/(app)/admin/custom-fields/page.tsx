import { requireCan } from '../../../../lib/server';
import { CustomFields } from './custom-fields';

export default async function CustomFieldsPage() {
  await requireCan('create', 'customization.field');
  return <CustomFields />;
}
