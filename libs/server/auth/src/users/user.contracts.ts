import { EmailSchema } from '@nexo/contracts';
import { z } from 'zod';

export const CreateUserWithMembershipInputSchema = z.strictObject({
  email: EmailSchema,
  name: z.string().trim().min(1).max(200),
  locale: z.enum(['es', 'en']).default('es'),
  password: z.string().max(1024),
  tenantId: z.uuid(),
  actor: z.enum(['employee', 'client', 'supplier', 'professional']).default('employee'),
  roles: z.array(z.string().min(1).max(64)).max(50).default([]),
});
export type CreateUserWithMembershipInput = z.input<typeof CreateUserWithMembershipInputSchema>;
