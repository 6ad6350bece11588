import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
} from 'zod-openapi';
import { ProblemSchema } from '../errors/problem.schema.js';
import type { BinaryContent, RouteContract } from '../http/route-contract.js';

const Problem = ProblemSchema.meta({ id: 'Problem' });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

/** `/api/v1/roles/:key` → `/api/v1/roles/{key}` */
export const openApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** Files: the bytes themselves, under each media type. */
const binaryContent = (content: BinaryContent) =>
  Object.fromEntries(
    content.mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
  ) as Record<string, { schema: { type: 'string'; format: string } }>;

function accessNote(route: RouteContract): string {
  switch (route.access.kind) {
    case 'public':
      return 'Public.';
    case 'signed-in':
      return 'Any signed-in principal, on their own account.';
    case 'permission':
      return `Requires \`${route.access.action}\` on \`${route.access.subject}\`.`;
  }
}

function operation(route: RouteContract): ZodOpenApiOperationObject {
  const op: ZodOpenApiOperationObject = {
    operationId: route.operationId,
    summary: route.summary,
    description: accessNote(route),
    tags: [route.tag],
    ...(route.access.kind === 'public' ? { security: [] } : {}),
    'x-nexo-access': route.access,
    requestParams: {
      ...(route.params ? { path: route.params } : {}),
      ...(route.query ? { query: route.query } : {}),
    },
    responses: {
      [route.status]: {
        description: 'Success',
        ...(route.etag ? { headers: { ETag: { schema: { type: 'string' } } } } : {}),
        ...(route.response
          ? {
              content: {
                [route.responseType ?? 'application/json']: { schema: route.response },
              },
            }
          : {}),
        ...(route.binaryResponse ? { content: binaryContent(route.binaryResponse) } : {}),
      },
      '4XX': problem('The request cannot be served: see `code`'),
      '5XX': problem('Server error: quote `errorId`'),
    },
  };
  if (route.body) {
    op.requestBody = {
      required: true,
      content: { [route.bodyType ?? 'application/json']: { schema: route.body } },
    };
  }
  if (route.binaryBody) {
    op.requestBody = {
      required: true,
      description: `The file's bytes, at most ${route.binaryBody.maxBytes} bytes`,
      content: binaryContent(route.binaryBody),
    };
  }
  if (route.ifMatch) {
    op.parameters = [
      { in: 'header', name: 'If-Match', required: true, schema: { type: 'string' } },
    ];
  } else if (route.method === 'POST' && route.access.kind !== 'public') {
    op.parameters = [
      {
        in: 'header',
        name: 'Idempotency-Key',
        required: false,
        description: 'Replays the first response for a repeat of the same request',
        schema: { type: 'string', maxLength: 200 },
      },
    ];
  }
  return op;
}

/** The OpenAPI 3.1 document of the given routes (all of them: `API_ROUTES`). */
export function buildOpenApiDocument(routes: readonly RouteContract[], version: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route) };
  }
  return createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'NEXO API',
        version,
        description:
          'Multi-tenant CRM/ERP. Errors are RFC 9457 problem details with a stable `code`. ' +
          'Lists take filters, `sort`, `limit` (≤ 200), `cursor`, `q` and `count`.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ bearer: [] }],
      paths,
    },
    {
      // Handlers return Date objects; JSON carries them as ISO 8601 strings.
      override: ({ jsonSchema, zodSchema, io }) => {
        if (zodSchema._zod.def.type === 'date' && io === 'output') {
          jsonSchema.type = 'string';
          jsonSchema.format = 'date-time';
        }
      },
    },
  );
}
