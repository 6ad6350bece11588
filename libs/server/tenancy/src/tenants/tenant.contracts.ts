import { z } from 'zod';

export const CreateTenantInputSchema = z.strictObject({
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and dashes, 2 to 63 characters'),
  name: z.string().trim().min(1).max(200),
  legalName: z.string().trim().min(1).max(200).optional(),
  taxId: z.string().trim().min(1).max(40).optional(),
  /** One of the country pack's tax conditions (`responsable_inscripto`). */
  taxCondition: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default('AR'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('ARS'),
  locale: z.enum(['es', 'en']).default('es'),
  timezone: z.string().min(1).default('America/Argentina/Buenos_Aires'),
});
export type CreateTenantInput = z.input<typeof CreateTenantInputSchema>;
