import { sessionProxy } from '@nexo/session/proxy';
import type { NextRequest } from 'next/server';

/** Pages anyone may open; every other page needs a session. */
export const PUBLIC_PATHS = [
  '/login',
  '/forgot-password',
  '/restablecer-clave',
  '/invitacion',
  '/verificar-email',
];

export function proxy(request: NextRequest) {
  return sessionProxy(request, { publicPaths: PUBLIC_PATHS, signInPath: '/login' });
}

export const config = {
  // Not for Next's own files and static assets.
  matcher: ['/((?!_next/|favicon.ico|icon.svg|robots.txt).*)'],
};
