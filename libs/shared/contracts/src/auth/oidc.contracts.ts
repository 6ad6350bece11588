import { z } from 'zod';

export const CreateOidcProviderInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /**
   * https, or http to a provider on a private network where the server allows those: the
   * server checks the addresses the host resolves to (`oidc_issuer_not_allowed`).
   */
  issuer: z.url({ protocol: /^https?$/ }).max(2000),
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
