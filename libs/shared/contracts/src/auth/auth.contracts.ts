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
