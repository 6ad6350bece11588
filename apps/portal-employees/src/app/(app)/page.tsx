import { abilityFor } from '@nexo/session';
import { redirect } from 'next/navigation';
import { requireSession } from '../../lib/server';

/** Home is the pipeline for people in sales, the parties for the others. */
export default async function Home() {
  const session = await requireSession();
  const ability = abilityFor(session.rules);
  if (ability.can('read', 'crm.opportunity')) redirect('/crm/pipeline');
  if (ability.can('read', 'crm.party')) redirect('/crm/parties');
  redirect('/account');
}
