import { z } from 'zod';

/** Accepts internationalised addresses (RFC 6531): "dueña@…" is a valid email. */
export const EmailSchema = z.email({ pattern: z.regexes.unicodeEmail }).max(254);

export const LoginInputSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1).max(1024),
  /** The company to enter; by default the first the user belongs to. */
  tenantId: z.uuid().optional(),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const MfaLoginInputSchema = z
  .strictObject({
    mfaToken: z.string().min(1).max(4096),
    code: z
      .string()
      .regex(/^\d{6}$/, 'six digits')
      .optional(),
    recoveryCode: z.string().min(6).max(64).optional(),
  })
  .refine((v) => Boolean(v.code) !== Boolean(v.recoveryCode), {
    message: 'Send either a code or a recovery code',
    path: ['code'],
  });
export type MfaLoginInput = z.infer<typeof MfaLoginInputSchema>;

export const RefreshInputSchema = z.strictObject({ refreshToken: z.string().min(20).max(200) });
export const SwitchTenantInputSchema = z.strictObject({ tenantId: z.uuid() });
export const TotpConfirmInputSchema = z.strictObject({
  code: z.string().regex(/^\d{6}$/, 'six digits'),
});

export const TokenPairSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int(),
  sessionId: z.uuid(),
  mfaEnrolmentRequired: z.boolean(),
});

export const LoginResultSchema = z.discriminatedUnion('status', [
  TokenPairSchema.extend({ status: z.literal('authenticated') }),
  z.object({ status: z.literal('mfa_required'), mfaToken: z.string() }),
]);
export type LoginResult = z.infer<typeof LoginResultSchema>;

export const ForgotPasswordInputSchema = z.strictObject({ email: EmailSchema });
export const ResetPasswordInputSchema = z.strictObject({
  token: z.string().min(20).max(200),
  password: z.string().max(1024),
});
export const VerifyEmailInputSchema = z.strictObject({ token: z.string().min(20).max(200) });

export const MEMBER_ACTORS = ['employee', 'client', 'supplier', 'professional'] as const;

export const CreateInvitationInputSchema = z.strictObject({
  email: EmailSchema,
  actor: z.enum(MEMBER_ACTORS),
  roles: z.array(z.string().min(1).max(64)).max(50).default([]),
  /** The customer or supplier a client or supplier member acts for. */
  partyId: z.uuid().optional(),
});
export type CreateInvitationInput = z.infer<typeof CreateInvitationInputSchema>;

export const AcceptInvitationInputSchema = z.strictObject({
  token: z.string().min(40).max(200),
  /** For a new user: their name and password. An existing user needs neither. */
  name: z.string().trim().min(1).max(200).optional(),
  password: z.string().max(1024).optional(),
  locale: z.enum(['es', 'en']).optional(),
});
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInputSchema>;

export const CreateApiClientInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  roles: z.array(z.string().min(1).max(64)).max(50).default([]),
});
export type CreateApiClientInput = z.infer<typeof CreateApiClientInputSchema>;

/** The form of an OAuth2 client-credentials token request. */
export const TokenRequestSchema = z.object({
  grant_type: z.literal('client_credentials'),
  client_id: z.string().max(200).optional(),
  client_secret: z.string().max(200).optional(),
  scope: z.string().max(1000).optional(),
});
