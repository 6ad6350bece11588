import { z } from 'zod';

export const CreateUserWithMembershipInputSchema = z.strictObject({
  // Internationalised addresses (RFC 6531) are valid: "dueña@…" must not be refused.
  email: z.email({ pattern: z.regexes.unicodeEmail }).max(254),
  name: z.string().trim().min(1).max(200),
  locale: z.enum(['es', 'en']).default('es'),
  password: z.string().min(12).max(128),
  tenantId: z.uuid(),
  actor: z.enum(['employee', 'client', 'supplier', 'professional']).default('employee'),
  roles: z.array(z.string().min(1).max(64)).max(50).default([]),
});
export type CreateUserWithMembershipInput = z.input<typeof CreateUserWithMembershipInputSchema>;
