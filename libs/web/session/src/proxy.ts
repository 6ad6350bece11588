import { NextResponse, type NextRequest } from 'next/server';
import { cookieOptions, SESSION_MAX_AGE_S } from './cookies';
import { seal, unseal } from './seal';
import {
  apiBaseUrl,
  needsRefresh,
  refreshSession,
  SESSION_COOKIE,
  type PortalSession,
} from './tokens';

export interface SessionProxyOptions {
  /** Paths anyone may open (sign-in, password reset, invitations). */
  publicPaths: readonly string[];
  /** Where a person without a session is sent. */
  signInPath: string;
}

const isPublic = (pathname: string, publicPaths: readonly string[]) =>
  publicPaths.some((p) => pathname === p || pathname.startsWith(`${p}/`));

/**
 * The portal's Next.js proxy (runs before every page and every `/api` call): refreshes an
 * old access token (so pages and the API forwarder both see a fresh one), and sends a
 * person without a session to sign in. A failed refresh ends the session.
 */
export async function sessionProxy(
  request: NextRequest,
  options: SessionProxyOptions,
): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const session = unseal<PortalSession>(request.cookies.get(SESSION_COOKIE)?.value);
  const isApi = pathname.startsWith('/api/');

  if (!session) {
    if (isPublic(pathname, options.publicPaths) || isApi) return NextResponse.next();
    const url = request.nextUrl.clone();
    url.pathname = options.signInPath;
    url.search = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  if (!needsRefresh(session)) return NextResponse.next();

  const fresh = await refreshSession(session, request.headers.get('x-forwarded-for'));
  if (!fresh) {
    const response = isApi
      ? NextResponse.json(
          { type: 'about:blank', title: 'Unauthenticated', status: 401, code: 'unauthenticated' },
          { status: 401, headers: { 'content-type': 'application/problem+json' } },
        )
      : NextResponse.redirect(new URL(`${options.signInPath}?expired=1`, request.url));
    response.cookies.delete(SESSION_COOKIE);
    return response;
  }
  const sealed = seal(fresh);
  // The rest of this request (server components, route handlers) reads the new cookie…
  request.cookies.set(SESSION_COOKIE, sealed);
  const response = NextResponse.next({ request: { headers: request.headers } });
  // …and the browser keeps it.
  response.cookies.set(SESSION_COOKIE, sealed, cookieOptions(SESSION_MAX_AGE_S));
  return response;
}

/** API paths that hand out tokens: the session library calls them, the browser never does. */
const TOKEN_PATHS = [
  '/api/v1/auth/login',
  '/api/v1/auth/login/mfa',
  '/api/v1/auth/refresh',
  '/api/v1/auth/logout',
  '/api/v1/auth/switch-tenant',
  '/api/v1/auth/invitations/accept',
  '/api/v1/auth/oidc/callback',
];
/**
 * `x-forwarded-for` is the browser's address as the portal's server (`server.mjs`) vouched
 * for it; the API believes it from this hop only (NEXO_TRUSTED_PROXIES, loopback by default).
 */
const FORWARDED_REQUEST_HEADERS = [
  'x-forwarded-for',
  'accept',
  'accept-language',
  'content-type',
  'if-match',
  'if-none-match',
  'idempotency-key',
  'user-agent',
];
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'content-disposition',
  'etag',
  'location',
  'retry-after',
  'x-request-id',
];

function problem(status: number, code: string, title: string): Response {
  return Response.json(
    { type: 'about:blank', title, status, code },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
}

/**
 * The browser's way to the API: `/api/v1/…` on the portal is forwarded to the API with the
 * session's bearer token added, so client components use the same typed client as the
 * server. Refused: paths that hand out tokens, and any change that does not come from a
 * page of this portal (the Origin check against cross-site requests).
 */
export async function forwardToApi(request: NextRequest): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  if (!pathname.startsWith('/api/v1/') || TOKEN_PATHS.includes(pathname))
    return problem(404, 'route_not_found', 'Not Found');
  if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
    const origin = request.headers.get('origin');
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
    if (!origin || new URL(origin).host !== host)
      return problem(403, 'forbidden', 'Cross-site request refused');
  }
  const session = unseal<PortalSession>(request.cookies.get(SESSION_COOKIE)?.value);
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  if (session) headers.set('authorization', `Bearer ${session.accessToken}`);
  const hasBody = !['GET', 'HEAD'].includes(request.method);
  let upstream: Response;
  try {
    upstream = await fetch(`${apiBaseUrl()}${pathname}${search}`, {
      method: request.method,
      headers,
      ...(hasBody ? { body: await request.arrayBuffer() } : {}),
      cache: 'no-store',
      redirect: 'manual',
    });
  } catch {
    return problem(503, 'service_unavailable', 'The API does not answer');
  }
  const out = new Headers();
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) out.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers: out });
}
