import { createNexoClient, type NexoClient, type Problem } from '@nexo/api-client';

/** What the portal's server keeps for a signed-in browser, sealed in an httpOnly cookie. */
export interface PortalSession {
  accessToken: string;
  refreshToken: string;
  /** ms since the epoch when the access token expires */
  expiresAt: number;
  sessionId: string;
}

export const SESSION_COOKIE = 'nexo_session';
export const MFA_COOKIE = 'nexo_mfa';
/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

/** Where the portal's server reaches the API (never the browser: it talks to the portal). */
export function apiBaseUrl(): string {
  return (process.env.NEXO_API_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
}

/** A typed client on the server, as the given session (or anonymous). */
export function apiClient(session?: PortalSession | null, headers?: HeadersInit): NexoClient {
  return createNexoClient({
    baseUrl: apiBaseUrl(),
    accessToken: () => session?.accessToken,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      for (const [k, v] of new Headers(headers)) request.headers.set(k, v);
      return fetch(request, { cache: 'no-store' });
    },
  });
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  sessionId: string;
}

export const toSession = (pair: TokenPair): PortalSession => ({
  accessToken: pair.accessToken,
  refreshToken: pair.refreshToken,
  expiresAt: Date.now() + pair.expiresIn * 1000,
  sessionId: pair.sessionId,
});

export const needsRefresh = (session: PortalSession): boolean =>
  session.expiresAt - Date.now() < REFRESH_MARGIN_MS;

/**
 * Refresh tokens rotate and a reused one ends the whole session, so two requests of one
 * browser that both find the token old must not both refresh: the first does, and the
 * others (for a minute) get its answer.
 */
const inFlight = new Map<string, Promise<PortalSession | null>>();

export function refreshSession(
  session: PortalSession,
  clientAddress?: string | null,
): Promise<PortalSession | null> {
  const pending = inFlight.get(session.refreshToken);
  if (pending) return pending;
  const run = (async () => {
    // The browser's address, so the API's per-address budget is the person's, not the portal's.
    const headers = clientAddress ? { 'x-forwarded-for': clientAddress } : undefined;
    const { data } = await apiClient(null, headers).POST('/api/v1/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    return data ? toSession(data) : null;
  })().catch(() => null);
  inFlight.set(session.refreshToken, run);
  setTimeout(() => inFlight.delete(session.refreshToken), 60_000).unref?.();
  return run;
}

export type SignInResult =
  | { status: 'authenticated'; session: PortalSession; mfaEnrolmentRequired: boolean }
  | { status: 'mfa_required'; mfaToken: string }
  | { status: 'error'; problem: Problem | null };

export const problemOf = (error: unknown): Problem | null =>
  error && typeof error === 'object' && 'code' in error ? (error as Problem) : null;
