import type { RouteContract } from '../http/route-contract.js';
import type { Rule } from '../permissions/permission.contracts.js';

/**
 * The roles every company has, defined in code. A context adds its rules to the employee
 * roles it concerns; the portal and owner roles are the base's.
 */
export const SYSTEM_ROLE_KEYS = [
  'owner',
  'admin',
  'sales',
  'purchasing',
  'warehouse',
  'production',
  'accountant',
  'cashier',
  'auditor',
  'client-portal',
  'supplier-portal',
  'professional-accountant',
  'professional-contractor',
] as const;
export type SystemRoleKey = (typeof SYSTEM_ROLE_KEYS)[number];

/** A message in the two languages the portals speak; Spanish is the fallback. */
export interface Bilingual {
  es: string;
  en: string;
}

/** A status and an English title for an error code a context's services may throw. */
export interface ContextErrorCode {
  status: 400 | 403 | 404 | 409 | 412 | 422 | 423 | 429;
  title: string;
  /** What the portals show for it. */
  message: Bilingual;
}

/** One entry of the employee portal's navigation, shown to whoever may do `can`. */
export interface ContextNavEntry {
  href: string;
  /** A key of the context's `messages` (or the portal's). */
  label: string;
  can: readonly [action: string, subject: string];
  icon: string;
  /** Its place in the group when several contexts add to one (the admin's); 0 by default. */
  order?: number;
}

/** The portal's navigation groups a context adds entries to; each context may open its own. */
export interface ContextNav {
  /** The group's label, a message key (`nav.crm`, `nav.admin`). */
  group: string;
  entries: readonly ContextNavEntry[];
}

/**
 * What a context shows the rest of the house, in one file per context: its routes, the
 * permission subjects it owns (with their labels), the rules it adds to the system roles,
 * its error codes, the portal's strings and navigation. The registry (`contexts.ts`) lists
 * each context once; the route list, the system roles, the status of each error code, the
 * portals' messages and navigation are all built from it.
 */
export interface ContextContract<
  Name extends string = string,
  Subject extends string = string,
  Messages extends Record<string, Bilingual> = Record<string, Bilingual>,
  Codes extends string = string,
> {
  name: Name;
  /** Served by a server module of this name that `NEXO_MODULES` may leave out; false for the
   * base every install runs (identity, permissions, custom fields, jobs, search). */
  module: boolean;
  /** `<context>.<resource>`, each with the label the role editor and audit filter show. */
  subjects: Record<Subject, Bilingual>;
  routes: readonly RouteContract[];
  /** Rules added to a system role, after the base's: ordered as CASL reads them. */
  roleRules?: Partial<Record<SystemRoleKey, readonly Rule[]>>;
  errors?: Record<Codes, ContextErrorCode>;
  messages?: Messages;
  /** Its entries in the employee portal's navigation. */
  nav?: ContextNav;
}

/** Identity; keeps the literal names of the subjects, messages and codes for their types. */
export const defineContext = <
  const Name extends string,
  const Subject extends string,
  const Messages extends Record<string, Bilingual> = Record<never, Bilingual>,
  const Codes extends string = never,
>(
  context: ContextContract<Name, Subject, Messages, Codes>,
): ContextContract<Name, Subject, Messages, Codes> => context;
