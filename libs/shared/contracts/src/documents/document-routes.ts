import { z } from 'zod';
import { routeGroup } from '../http/route-group.js';
import { defineRoute, permission } from '../http/route-contract.js';
import {
  DeriveLinesInputSchema,
  LineProgressSchema,
  SendDocumentInputSchema,
} from './document.contracts.js';

const IdParams = z.object({ id: z.uuid() });
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export interface DocumentRouteOptions<
  T extends string,
  S extends z.ZodType,
  C extends z.ZodType,
  U extends z.ZodType,
> {
  tag: string;
  /** The collection: `/api/v1/sales/invoices`. */
  path: string;
  /** Operation id stems: `Invoice`, `Invoices`. */
  name: string;
  plural: string;
  subject: string;
  /** The document as it leaves the API (`documentSchema`). */
  schema: S;
  create: C;
  update: U;
  /** The state machine's transitions: one `POST <path>/:id/<transition>` each. */
  transitions: readonly T[];
  /** Permission action of each transition when it is not the transition's own name. */
  actions?: Partial<Record<T, string>>;
}

/**
 * The routes of a document type, written once (erp.md §3): list, CSV export, create, get,
 * change and delete a draft (`routeGroup`), one action route per transition, the progress of
 * its lines (ordered, done, remaining), lines derived from another document, its PDF and
 * sending it by email. Transitions and derivations need `If-Match`, like any change. A type
 * whose lines come from no other type leaves `derive` out of its context's route list.
 */
export function documentRoutes<
  const T extends string,
  S extends z.ZodType,
  C extends z.ZodType,
  U extends z.ZodType,
>(o: DocumentRouteOptions<T, S, C, U>) {
  const group = routeGroup({
    tag: o.tag,
    path: o.path,
    name: o.name,
    plural: o.plural,
    subject: o.subject,
    schema: o.schema,
    list: { summary: `${o.plural} with their totals` },
    export: { summary: `${o.plural} as CSV` },
    create: { body: o.create, summary: `Draft a ${o.name.toLowerCase()}` },
    get: { summary: `One ${o.name.toLowerCase()} with its lines` },
    update: { body: o.update, summary: `Change a draft ${o.name.toLowerCase()}` },
    remove: { summary: `Delete a draft ${o.name.toLowerCase()}` },
  });
  const transitions = Object.fromEntries(
    o.transitions.map((t) => [t, transitionRoute(o, t)]),
  ) as Record<T, ReturnType<typeof transitionRoute<T, S>>>;
  const progress = defineRoute({
    method: 'GET',
    path: `${o.path}/:id/progress`,
    operationId: `get${o.name}Progress`,
    summary: `Each line of a ${o.name.toLowerCase()}: quantity, done by later documents, remaining`,
    tag: o.tag,
    access: permission('read', o.subject),
    params: IdParams,
    status: 200,
    response: z.array(LineProgressSchema),
  });
  const derive = defineRoute({
    method: 'POST',
    path: `${o.path}/:id/derive`,
    operationId: `derive${o.name}Lines`,
    summary: `Add lines to a draft ${o.name.toLowerCase()} taken from an earlier document's lines`,
    tag: o.tag,
    access: permission('update', o.subject),
    params: IdParams,
    body: DeriveLinesInputSchema,
    status: 200,
    response: o.schema,
    etag: true,
    ifMatch: true,
  });
  const pdf = defineRoute({
    method: 'GET',
    path: `${o.path}/:id/pdf`,
    operationId: `get${o.name}Pdf`,
    summary: `A ${o.name.toLowerCase()} as PDF, in its party's language`,
    tag: o.tag,
    access: permission('read', o.subject),
    params: IdParams,
    status: 200,
    binaryResponse: { mediaTypes: ['application/pdf'] },
  });
  const send = defineRoute({
    method: 'POST',
    path: `${o.path}/:id/send`,
    operationId: `send${o.name}`,
    summary: `Email a ${o.name.toLowerCase()} as PDF to its contact`,
    tag: o.tag,
    access: permission('send', o.subject),
    params: IdParams,
    body: SendDocumentInputSchema,
    status: 202,
  });
  return { ...group, transitions, progress, derive, pdf, send };
}

function transitionRoute<T extends string, S extends z.ZodType>(
  o: Pick<
    DocumentRouteOptions<T, S, z.ZodType, z.ZodType>,
    'path' | 'name' | 'tag' | 'subject' | 'schema' | 'actions'
  >,
  t: T,
) {
  return defineRoute({
    method: 'POST',
    path: `${o.path}/:id/${t}`,
    operationId: `${camel(t)}${o.name}`,
    summary: `${capital(t)} a ${o.name.toLowerCase()}`,
    tag: o.tag,
    access: permission(o.actions?.[t] ?? t, o.subject),
    params: IdParams,
    status: 200,
    response: o.schema,
    etag: true,
    ifMatch: true,
  });
}
