import type { NexoClient } from '@nexo/api-client';
import { cookies, headers } from 'next/headers';
import { cookieOptions, SESSION_MAX_AGE_S } from './cookies';
import { seal, unseal } from './seal';
import {
  apiClient,
  MFA_COOKIE,
  problemOf,
  SESSION_COOKIE,
  toSession,
  type PortalSession,
  type SignInResult,
  type TokenPair,
} from './tokens';
import { toClientRules, type ClientRule, type SessionView } from './view';

export { apiBaseUrl, type PortalSession, type SignInResult } from './tokens';

/** The session of this request (the proxy has already refreshed it when it was old). */
export async function readSession(): Promise<PortalSession | null> {
  return unseal<PortalSession>((await cookies()).get(SESSION_COOKIE)?.value);
}

/** Headers the API should see from the person, not from the portal's server. */
async function forwarded(): Promise<HeadersInit> {
  const h = await headers();
  const out: Record<string, string> = {};
  const ua = h.get('user-agent');
  if (ua) out['user-agent'] = ua;
  const lang = h.get('accept-language');
  if (lang) out['accept-language'] = lang;
  // The browser's address (set by the portal's server): sign-in limits count it, not ours.
  const address = h.get('x-forwarded-for');
  if (address) out['x-forwarded-for'] = address;
  return out;
}

/** The typed API client as the signed-in person, for server components and actions. */
export async function serverApi(): Promise<NexoClient> {
  return apiClient(await readSession(), await forwarded());
}

async function keep(pair: TokenPair): Promise<PortalSession> {
  const session = toSession(pair);
  const jar = await cookies();
  jar.set(SESSION_COOKIE, seal(session), cookieOptions(SESSION_MAX_AGE_S));
  jar.delete(MFA_COOKIE);
  return session;
}

/** Server actions: sign in with email and password; an MFA step keeps its token sealed. */
export async function signIn(email: string, password: string): Promise<SignInResult> {
  const api = apiClient(null, await forwarded());
  const { data, error } = await api.POST('/api/v1/auth/login', { body: { email, password } });
  if (!data) return { status: 'error', problem: problemOf(error) };
  if (data.status === 'mfa_required') {
    (await cookies()).set(MFA_COOKIE, seal({ mfaToken: data.mfaToken }), cookieOptions(300));
    return { status: 'mfa_required', mfaToken: '' };
  }
  return {
    status: 'authenticated',
    session: await keep(data),
    mfaEnrolmentRequired: data.mfaEnrolmentRequired,
  };
}

export async function completeMfa(
  input: { code: string } | { recoveryCode: string },
): Promise<SignInResult> {
  const pending = unseal<{ mfaToken: string }>((await cookies()).get(MFA_COOKIE)?.value);
  if (!pending) return { status: 'error', problem: null };
  const api = apiClient(null, await forwarded());
  const { data, error } = await api.POST('/api/v1/auth/login/mfa', {
    body: { mfaToken: pending.mfaToken, ...input },
  });
  if (!data) return { status: 'error', problem: problemOf(error) };
  if (data.status === 'mfa_required') return { status: 'mfa_required', mfaToken: '' };
  return {
    status: 'authenticated',
    session: await keep(data),
    mfaEnrolmentRequired: data.mfaEnrolmentRequired,
  };
}

export async function hasPendingMfa(): Promise<boolean> {
  return Boolean(unseal((await cookies()).get(MFA_COOKIE)?.value));
}

/** Accept an invitation and sign the new member in. */
export async function acceptInvitation(input: {
  token: string;
  name?: string;
  password?: string;
  locale?: 'es' | 'en';
}): Promise<SignInResult> {
  const api = apiClient(null, await forwarded());
  const { data, error } = await api.POST('/api/v1/auth/invitations/accept', { body: input });
  if (!data) return { status: 'error', problem: problemOf(error) };
  return {
    status: 'authenticated',
    session: await keep(data),
    mfaEnrolmentRequired: data.mfaEnrolmentRequired,
  };
}

export async function switchTenant(tenantId: string): Promise<SignInResult> {
  const api = await serverApi();
  const { data, error } = await api.POST('/api/v1/auth/switch-tenant', { body: { tenantId } });
  if (!data) return { status: 'error', problem: problemOf(error) };
  return {
    status: 'authenticated',
    session: await keep(data),
    mfaEnrolmentRequired: data.mfaEnrolmentRequired,
  };
}

/** Ends the session at the API (its refresh token dies) and forgets the cookie. */
export async function signOut(): Promise<void> {
  const session = await readSession();
  if (session)
    await apiClient(session)
      .POST('/api/v1/auth/logout')
      .catch(() => undefined);
  const jar = await cookies();
  jar.delete(SESSION_COOKIE);
  jar.delete(MFA_COOKIE);
}

/**
 * Who is signed in and what they may do: the API's session and the rules of their roles,
 * both read fresh on every page (a role changed by an admin shows at the next navigation).
 * Null when there is no valid session.
 */
export async function loadSessionView(): Promise<SessionView | null> {
  const session = await readSession();
  if (!session) return null;
  const api = apiClient(session, await forwarded());
  const [me, perms] = await Promise.all([
    api.GET('/api/v1/auth/session'),
    api.GET('/api/v1/permissions/me'),
  ]);
  if (!me.data) return null;
  const rules: ClientRule[] = perms.data ? toClientRules(perms.data.rules) : [];
  return { ...me.data, rules };
}
