'use server';
import { LOCALE_COOKIE, toLocale, type ProblemLike } from '@nexo/i18n';
import {
  acceptInvitation,
  completeMfa,
  signIn,
  signOut,
  switchTenant,
  type SignInResult,
} from '@nexo/session/server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';

/** What a sign-in form learns: where to go next, or the problem to show. */
export type SignInAnswer =
  | { next: 'app'; mfaEnrolmentRequired: boolean }
  | { next: 'mfa' }
  | { next: 'error'; problem: ProblemLike | null };

const answer = (result: SignInResult): SignInAnswer =>
  result.status === 'authenticated'
    ? { next: 'app', mfaEnrolmentRequired: result.mfaEnrolmentRequired }
    : result.status === 'mfa_required'
      ? { next: 'mfa' }
      : { next: 'error', problem: result.problem };

export async function signInAction(email: string, password: string): Promise<SignInAnswer> {
  return answer(await signIn(email, password));
}

export async function mfaAction(
  input: { code: string } | { recoveryCode: string },
): Promise<SignInAnswer> {
  return answer(await completeMfa(input));
}

export async function acceptInvitationAction(input: {
  token: string;
  name?: string;
  password?: string;
}): Promise<SignInAnswer> {
  return answer(await acceptInvitation(input));
}

export async function switchTenantAction(tenantId: string): Promise<SignInAnswer> {
  return answer(await switchTenant(tenantId));
}

export async function signOutAction(): Promise<void> {
  await signOut();
  redirect('/login');
}

export async function setLocaleAction(locale: string): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, toLocale(locale), {
    path: '/',
    sameSite: 'lax',
    maxAge: 31_536_000,
  });
}
