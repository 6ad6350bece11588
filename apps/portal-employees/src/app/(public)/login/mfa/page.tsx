import { hasPendingMfa } from '@nexo/session/server';
import { redirect } from 'next/navigation';
import { MfaForm } from './mfa-form';

export default async function MfaPage(props: { searchParams: Promise<{ next?: string }> }) {
  if (!(await hasPendingMfa())) redirect('/login');
  const { next } = await props.searchParams;
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  return <MfaForm next={target} />;
}
