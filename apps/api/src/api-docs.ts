import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_ROUTES, API_VERSION, buildOpenApiDocument } from '@nexo/contracts';

export const API_DOCS_PATH = '/api/docs';

/**
 * The OpenAPI document at `/api/docs/json` and Swagger UI at `/api/docs`, served from this
 * process (the viewer's files come from the npm package, nothing from the network). Built
 * from the same contracts the routes serve; `docs/api/openapi.json` is its committed copy.
 */
export async function registerApiDocs(app: NestFastifyApplication): Promise<void> {
  const document = buildOpenApiDocument(API_ROUTES, API_VERSION);
  await app.register(fastifySwagger, {
    mode: 'static',
    specification: { document: document as never },
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: API_DOCS_PATH,
    uiConfig: { docExpansion: 'list', deepLinking: true, persistAuthorization: false },
    staticCSP: true,
  });
}
