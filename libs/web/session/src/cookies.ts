/** httpOnly, same-site, secure when the portal is served over HTTPS. */
export function cookieOptions(maxAgeSeconds: number) {
  const secure = (process.env.NEXO_PORTAL_URL ?? '').startsWith('https://');
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    path: '/',
    maxAge: maxAgeSeconds,
  };
}

/** The session cookie lives as long as the refresh token (30 days by default). */
export const SESSION_MAX_AGE_S = Number(process.env.NEXO_REFRESH_TOKEN_TTL_S ?? 2_592_000);
