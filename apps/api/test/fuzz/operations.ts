import {
  API_ROUTES,
  API_VERSION,
  buildOpenApiDocument,
  openApiPath,
  type RouteContract,
} from '@nexo/contracts';
import type { JsonSchema } from './schema-arbitraries.js';

interface DocParameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface DocOperation {
  operationId: string;
  summary?: string;
  parameters?: DocParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}
interface Document {
  paths: Record<string, Record<string, DocOperation>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** One operation of the API, as the fuzzer attacks it. */
export interface Operation {
  id: string;
  method: RouteContract['method'];
  /** The router's path, `:name` parameters. */
  path: string;
  contract: RouteContract;
  params: { name: string; schema: JsonSchema }[];
  query: { name: string; schema: JsonSchema; required: boolean }[];
  body?: { type: 'json' | 'form'; schema: JsonSchema } | { type: 'binary'; mediaTypes: string[] };
  /** A list route (`cursor`, filters): its filterable and sortable fields. */
  list?: { filters: string[]; sorts: string[]; itemSchema?: JsonSchema };
  isPublic: boolean;
}

/**
 * The document the API serves, built from the route contracts in this process (so it is
 * never stale), and every operation in it: a module's new routes join `API_ROUTES` (the
 * route test makes sure) and so this list, with nothing to write here.
 */
export function apiOperations(): {
  operations: Operation[];
  components: Record<string, JsonSchema>;
} {
  const doc = buildOpenApiDocument(API_ROUTES, API_VERSION) as unknown as Document;
  const operations = API_ROUTES.map((contract): Operation => {
    const op = doc.paths[openApiPath(contract.path)]?.[contract.method.toLowerCase()];
    if (!op) throw new Error(`${contract.method} ${contract.path} is not in the document`);
    const parameters = op.parameters ?? [];
    const query = parameters
      .filter((p) => p.in === 'query')
      .map((p) => ({ name: p.name, schema: p.schema ?? {}, required: p.required ?? false }));
    let body: Operation['body'];
    if (contract.binaryBody)
      body = { type: 'binary', mediaTypes: [...contract.binaryBody.mediaTypes] };
    else if (contract.body) {
      const type = contract.bodyType ?? 'application/json';
      const schema = op.requestBody?.content[type]?.schema ?? {};
      body = { type: type === 'application/json' ? 'json' : 'form', schema };
    }
    const summary = op.summary ?? '';
    const names = (label: string): string[] =>
      (new RegExp(`${label}: ([^.;]+)`).exec(summary)?.[1] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => /^[A-Za-z][\w.]*$/.test(s));
    const success = op.responses[String(contract.status)]?.content?.['application/json']?.schema;
    const list = query.some((p) => p.name === 'cursor')
      ? {
          filters: names('Filters'),
          sorts: names('Sort'),
          itemSchema: success?.properties?.items?.items,
        }
      : undefined;
    return {
      id: op.operationId,
      method: contract.method,
      path: contract.path,
      contract,
      params: parameters
        .filter((p) => p.in === 'path')
        .map((p) => ({ name: p.name, schema: p.schema ?? {} })),
      query,
      ...(body ? { body } : {}),
      ...(list ? { list } : {}),
      isPublic: contract.access.kind === 'public',
    };
  });
  return { operations, components: doc.components.schemas };
}

/**
 * Operations that may end the caller's session or take things away from the company:
 * they run after every other one, so that what they delete was attacked first.
 */
export const isDestructive = (op: Operation): boolean =>
  op.method === 'DELETE' || /\/(logout|disable|rotate-secret|merge)$/.test(op.path);
