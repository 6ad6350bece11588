import { AuthContext } from './auth/auth.context.js';
import { CatalogContext } from './catalog/catalog.context.js';
import type { Bilingual, ContextErrorCode } from './context/context-contract.js';
import { CrmContext } from './crm/crm.context.js';
import { CustomFieldsContext } from './custom-fields/custom-fields.context.js';
import { DocumentsContext } from './documents/documents.context.js';
import { JobsContext } from './jobs/jobs.context.js';
import { PermissionsContext } from './permissions/permissions.context.js';
import { PlatformContext } from './platform.context.js';
import { SearchContext } from './search/search.context.js';
import { InventoryContext } from './inventory/inventory.context.js';
import { AccountsContext } from './accounts/accounts.context.js';
import { TenancyContext } from './tenancy/tenancy.context.js';

/**
 * Every context, once, in the order of the API document. Adding a context is one line here
 * (and its server module's line in the API's module registry): the routes, permission
 * subjects, system-role rules, error codes, portal messages and navigation all come from its
 * `<context>.context.ts`.
 */
export const CONTEXTS = [
  PlatformContext,
  TenancyContext,
  AuthContext,
  PermissionsContext,
  CustomFieldsContext,
  JobsContext,
  SearchContext,
  CrmContext,
  CatalogContext,
  DocumentsContext,
  InventoryContext,
  AccountsContext,
] as const;

type AnyContext = (typeof CONTEXTS)[number];
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
  u: infer I,
) => void
  ? I
  : never;

/** The keys of a field of every context (distributed: `keyof` of a union keeps only shared keys). */
type KeysOf<C, Field extends string> = C extends { [K in Field]?: infer V }
  ? keyof NonNullable<V> & string
  : never;

/** A permission subject some context owns (`crm.party`), or `all`. */
export type Subject = KeysOf<AnyContext, 'subjects'> | 'all';
/** The server modules `NEXO_MODULES` may name. */
export type ContextModuleName = Extract<AnyContext, { module: true }>['name'];
/** The error codes the contexts add to the platform's (`no_price`). */
export type ContextErrorCodeName = KeysOf<AnyContext, 'errors'>;
/** The portal messages the contexts bring, by key. */
export type ContextMessages = UnionToIntersection<NonNullable<AnyContext['messages']>>;

export const CONTEXT_MODULE_NAMES = CONTEXTS.filter((c) => c.module).map(
  (c) => c.name,
) as ContextModuleName[];

/** Every subject with its label, in the contexts' order. */
export const SUBJECTS = Object.fromEntries(
  CONTEXTS.flatMap((c) => Object.entries(c.subjects as Record<string, Bilingual>)),
) as Record<Exclude<Subject, 'all'>, Bilingual>;

/** The contexts' own error codes, with their statuses and messages. */
export const CONTEXT_ERRORS = Object.fromEntries(
  CONTEXTS.flatMap((c) => Object.entries((c.errors ?? {}) as Record<string, ContextErrorCode>)),
) as Record<ContextErrorCodeName, ContextErrorCode>;
