import type { Rule } from '../permissions/permission.contracts.js';
import type { SystemRoleKey } from './context-contract.js';

/** The system roles of people who work for the company (not its owners, clients or suppliers). */
export const EMPLOYEE_ROLES = [
  'sales',
  'purchasing',
  'warehouse',
  'production',
  'accountant',
  'cashier',
  'auditor',
  'professional-accountant',
] as const satisfies readonly SystemRoleKey[];

/** The same rules for every employee role: what everyone who works there may see. */
export const forEveryEmployee = (
  rules: readonly Rule[],
): Record<(typeof EMPLOYEE_ROLES)[number], readonly Rule[]> =>
  Object.fromEntries(EMPLOYEE_ROLES.map((role) => [role, rules])) as Record<
    (typeof EMPLOYEE_ROLES)[number],
    readonly Rule[]
  >;

/** A read rule, the commonest grant. */
export const read = (subject: string | string[], extra: Partial<Rule> = {}): Rule => ({
  action: 'read',
  subject,
  ...extra,
});
