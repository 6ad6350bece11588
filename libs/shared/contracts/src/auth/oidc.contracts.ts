import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

/** Plain http only on this machine (a provider run by a test or a local install); https otherwise. */
export function isAllowedIssuerUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
  );
}

export const CreateOidcProviderInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  issuer: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .refine(isAllowedIssuerUrl, 'The issuer must use https'),
  clientId: z.string().min(1).max(500),
  clientSecret: z.string().min(1).max(2000),
});
export type CreateOidcProviderInput = z.infer<typeof CreateOidcProviderInputSchema>;

export const OidcAuthorizeInputSchema = z.strictObject({
  tenantId: z.uuid(),
  providerId: z.uuid(),
  /**
   * The portal page the provider sends the browser back to, registered with the provider.
   * No query or fragment: the provider appends its answer as the query.
   */
  redirectUri: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .refine((v) => !v.includes('?') && !v.includes('#'), 'No query or fragment'),
});
export type OidcAuthorizeInput = z.infer<typeof OidcAuthorizeInputSchema>;

export const OidcCallbackInputSchema = z.strictObject({
  tenantId: z.uuid(),
  /** The whole URL the provider sent the browser back to (with code, state and iss). */
  callbackUrl: z.url({ protocol: /^https?$/ }).max(8000),
});
export type OidcCallbackInput = z.infer<typeof OidcCallbackInputSchema>;
