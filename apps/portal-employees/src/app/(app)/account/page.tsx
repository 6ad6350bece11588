import { requireSession } from '../../../lib/server';
import { Account } from './account';

export default async function AccountPage() {
  await requireSession();
  return <Account />;
}
