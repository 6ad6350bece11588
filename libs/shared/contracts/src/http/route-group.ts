import { z } from 'zod';
import { ListQuerySchema, pageOf } from './list.contracts.js';
import { defineRoute, permission } from './route-contract.js';

const IdParams = z.object({ id: z.uuid() });

/**
 * The routes of one resource, written once: which of list, export, create, get, update and
 * delete it has, and only what differs between resources (schemas, summaries). Operation ids
 * are `list<Plural>`, `export<Plural>`, `create<Name>`, `get<Name>`, `update<Name>` and
 * `delete<Name>`; a record lives at `<path>/:id`, updates and deletes require `If-Match`.
 */
export interface RouteGroupOptions {
  tag: string;
  /** The collection, e.g. `/api/v1/catalog/units`. */
  path: string;
  /** Singular stem of the operation ids (`Unit`). */
  name: string;
  /** Plural stem of the operation ids (`Units`). */
  plural: string;
  /** The permission subject (`catalog.unit`): read, export, create, update, delete on it. */
  subject: string;
  /** The record as it leaves the API: the response of create, get and update. */
  schema: z.ZodType;
  /** `GET <path>`: a page of records; `item` when a list row is leaner than the record. */
  list?: { summary: string; item?: z.ZodType };
  /** `GET <path>/export.csv`: the list's query, all pages, as CSV (audited). */
  export?: { summary: string };
  /** `POST <path>`. */
  create?: { body: z.ZodType; summary?: string; response?: z.ZodType };
  /** `GET <path>/:id`. */
  get?: { summary?: string; response?: z.ZodType };
  /** `PATCH <path>/:id` with `If-Match`. */
  update?: { body: z.ZodType; summary?: string; response?: z.ZodType };
  /** `DELETE <path>/:id` with `If-Match`. */
  remove?: { summary?: string };
}

type Base = Pick<RouteGroupOptions, 'tag' | 'path' | 'name' | 'plural' | 'subject'>;
const label = (o: Base) => o.name.toLowerCase();

const listRoute = <S extends z.ZodType>(o: Base, item: S, summary: string) =>
  defineRoute({
    method: 'GET',
    path: o.path,
    operationId: `list${o.plural}`,
    summary,
    tag: o.tag,
    access: permission('read', o.subject),
    query: ListQuerySchema,
    status: 200,
    response: pageOf(item),
  });

const exportRoute = (o: Base, summary: string) =>
  defineRoute({
    method: 'GET',
    path: `${o.path}/export.csv`,
    operationId: `export${o.plural}`,
    summary,
    tag: o.tag,
    access: permission('export', o.subject),
    query: ListQuerySchema,
    status: 200,
    response: z.string(),
    responseType: 'text/csv',
    audited: true,
  });

const createRoute = <B extends z.ZodType, S extends z.ZodType>(
  o: Base,
  body: B,
  response: S,
  summary: string,
) =>
  defineRoute({
    method: 'POST',
    path: o.path,
    operationId: `create${o.name}`,
    summary,
    tag: o.tag,
    access: permission('create', o.subject),
    body,
    status: 201,
    response,
    etag: true,
  });

const getRoute = <S extends z.ZodType>(o: Base, response: S, summary: string) =>
  defineRoute({
    method: 'GET',
    path: `${o.path}/:id`,
    operationId: `get${o.name}`,
    summary,
    tag: o.tag,
    access: permission('read', o.subject),
    params: IdParams,
    status: 200,
    response,
    etag: true,
  });

const updateRoute = <B extends z.ZodType, S extends z.ZodType>(
  o: Base,
  body: B,
  response: S,
  summary: string,
) =>
  defineRoute({
    method: 'PATCH',
    path: `${o.path}/:id`,
    operationId: `update${o.name}`,
    summary,
    tag: o.tag,
    access: permission('update', o.subject),
    params: IdParams,
    body,
    status: 200,
    response,
    etag: true,
    ifMatch: true,
  });

const removeRoute = (o: Base, summary: string) =>
  defineRoute({
    method: 'DELETE',
    path: `${o.path}/:id`,
    operationId: `delete${o.name}`,
    summary,
    tag: o.tag,
    access: permission('delete', o.subject),
    params: IdParams,
    status: 204,
    ifMatch: true,
  });

type None = Record<never, never>;
/** The response of one operation: its own schema if given, the group's record otherwise. */
type ResponseOf<O extends RouteGroupOptions, K extends 'create' | 'get' | 'update'> = O[K] extends {
  response: infer R extends z.ZodType;
}
  ? R
  : O['schema'];
type BodyOf<O extends RouteGroupOptions, K extends 'create' | 'update'> = O[K] extends {
  body: infer B extends z.ZodType;
}
  ? B
  : never;
type ListItemOf<O extends RouteGroupOptions> = O['list'] extends { item: infer I extends z.ZodType }
  ? I
  : O['schema'];

/** The routes `routeGroup(options)` returns: one per operation the options name. */
export type RouteGroup<O extends RouteGroupOptions> = (O['list'] extends object
  ? { list: ReturnType<typeof listRoute<ListItemOf<O>>> }
  : None) &
  (O['export'] extends object ? { export: ReturnType<typeof exportRoute> } : None) &
  (O['create'] extends object
    ? { create: ReturnType<typeof createRoute<BodyOf<O, 'create'>, ResponseOf<O, 'create'>>> }
    : None) &
  (O['get'] extends object ? { get: ReturnType<typeof getRoute<ResponseOf<O, 'get'>>> } : None) &
  (O['update'] extends object
    ? { update: ReturnType<typeof updateRoute<BodyOf<O, 'update'>, ResponseOf<O, 'update'>>> }
    : None) &
  (O['remove'] extends object ? { remove: ReturnType<typeof removeRoute> } : None);

/**
 * The routes of one resource. Spread them into the context's route table under their
 * operation ids (`listUnits: units.list`), keeping a static path (`export.csv`) before
 * `:id` where order matters to a reader.
 */
export function routeGroup<const O extends RouteGroupOptions>(options: O): RouteGroup<O> {
  const o = options;
  const routes: Record<string, unknown> = {};
  if (o.list) routes['list'] = listRoute(o, o.list.item ?? o.schema, o.list.summary);
  if (o.export) routes['export'] = exportRoute(o, o.export.summary);
  if (o.create) {
    routes['create'] = createRoute(
      o,
      o.create.body,
      o.create.response ?? o.schema,
      o.create.summary ?? `Create a ${label(o)}`,
    );
  }
  if (o.get) {
    routes['get'] = getRoute(o, o.get.response ?? o.schema, o.get.summary ?? `One ${label(o)}`);
  }
  if (o.update) {
    routes['update'] = updateRoute(
      o,
      o.update.body,
      o.update.response ?? o.schema,
      o.update.summary ?? `Change a ${label(o)}`,
    );
  }
  if (o.remove) routes['remove'] = removeRoute(o, o.remove.summary ?? `Delete a ${label(o)}`);
  return routes as RouteGroup<O>;
}
