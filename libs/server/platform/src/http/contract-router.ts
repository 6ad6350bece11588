import type { INestApplicationContext, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer } from '@nestjs/core';
import type { RouteContract } from '@nexo/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { expectedVersion } from './concurrency.js';
import { parseBinaryBody, parseInput, refuseBadText, serializeResponse } from './contract-io.js';
import { ROUTE_CONTRACT } from './route.decorator.js';
import { sendProblem } from './send-problem.js';

/**
 * Who is calling: for a route that is not public, verifies the request's credentials and puts
 * the principal in the request context, or throws. Auth provides it.
 */
export interface RequestAuthenticator {
  authenticate(route: RouteContract, request: FastifyRequest, reply: FastifyReply): Promise<void>;
}
export const REQUEST_AUTHENTICATOR = Symbol('REQUEST_AUTHENTICATOR');

/**
 * What a route's handler runs inside: for a signed-in principal, the tenant transaction, the
 * principal re-check and the route's permission (and an `Idempotency-Key` replay, whose
 * answer it returns without calling `handle`). The database module provides it.
 */
export interface RequestRunner {
  run(
    route: RouteContract,
    request: FastifyRequest,
    reply: FastifyReply,
    handle: () => Promise<unknown>,
  ): Promise<unknown>;
}
export const REQUEST_RUNNER = Symbol('REQUEST_RUNNER');

/** A handler parameter's value for a request. */
type ReadArgument = (request: FastifyRequest, reply: FastifyReply) => unknown;

const pick = (value: unknown, key: string | undefined): unknown =>
  key === undefined ? value : (value as Record<string, unknown> | undefined)?.[key];

/** The parameter kinds a handler may take, and where each value comes from. */
const READERS: Partial<Record<RouteParamtypes, (key: string | undefined) => ReadArgument>> = {
  [RouteParamtypes.REQUEST]: () => (request) => request,
  [RouteParamtypes.RESPONSE]: () => (_request, reply) => reply,
  [RouteParamtypes.BODY]: (key) => (request) => pick(request.body, key),
  [RouteParamtypes.QUERY]: (key) => (request) => pick(request.query, key),
  [RouteParamtypes.PARAM]: (key) => (request) => pick(request.params, key),
  [RouteParamtypes.HEADERS]: (key) => (request) => pick(request.headers, key),
};

/**
 * The parameters of a controller method, from the decorators' metadata (`@Body()`, `@Query()`,
 * `@Param()`, `@Headers()`, `@Req()`, `@Res()`), in order; any other kind fails at start.
 */
function argumentsOf(controller: Type, method: string): { read: ReadArgument[]; reply: boolean } {
  const declared = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const read: ReadArgument[] = [];
  let reply = false;
  for (const [key, { index, data }] of Object.entries(declared)) {
    const type = Number(key.split(':')[0]) as RouteParamtypes;
    const reader = READERS[type];
    if (!reader)
      throw new Error(`${controller.name}.${method}: parameter ${index} is of an unsupported kind`);
    read[index] = reader(typeof data === 'string' ? data : undefined);
    if (type === RouteParamtypes.RESPONSE) reply = true;
  }
  return { read, reply };
}

/**
 * Serves every controller method that carries a route contract (`@Route`) straight on Fastify:
 * authentication, then the runner (transaction, re-check, permission), then the contract's
 * input parsing, the handler, and its answer serialized through the contract, all in one
 * async function. Nest builds the controllers (modules, injection); the request path does not
 * go through Nest's router, guards, interceptors and their observables, which cost a get by id
 * about a fifth of NEXO's own CPU (ADR 0010 amendment). Anything thrown is answered as
 * problem+json by the one `sendProblem`.
 */
export function serveContractRoutes(
  app: INestApplicationContext,
  fastify: FastifyInstance,
  logger: Logger,
): void {
  const authenticator = app.get<RequestAuthenticator>(REQUEST_AUTHENTICATOR, { strict: false });
  const runner = app.get<RequestRunner>(REQUEST_RUNNER, { strict: false });
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!controller || !instance) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const method = (controller.prototype as Record<string, unknown>)[name];
        if (typeof method !== 'function') continue;
        const route = Reflect.getMetadata(ROUTE_CONTRACT, method) as RouteContract | undefined;
        if (!route) continue;
        const handler = method as (...args: unknown[]) => unknown;
        // A handler that takes the reply answers by itself (a stream, a text body).
        const { read, reply: answersItself } = argumentsOf(controller, name);
        fastify.route({
          method: route.method,
          url: route.path,
          // What fails before the handler (a malformed or oversized body): the same answers.
          errorHandler: (error, request, reply) => {
            void sendProblem(request, reply, error, logger);
          },
          handler: async (request, reply) => {
            try {
              void reply.status(route.status);
              await authenticator.authenticate(route, request, reply);
              const raw = { params: request.params, query: request.query, body: request.body };
              const body = await runner.run(route, request, reply, async () => {
                // From the input as it arrived: a request may run twice (ADR 0003).
                if (route.params) request.params = parseInput(route.params, raw.params, 'params');
                if (route.query) request.query = parseInput(route.query, raw.query, 'query');
                else refuseBadText(raw.query, 'query');
                // A route with a body requires one (the document says so): none, or a JSON
                // `null`, is refused by the schema like any other body that is not an object.
                if (route.body) request.body = parseInput(route.body, raw.body, '');
                if (route.binaryBody) request.body = parseBinaryBody(route.binaryBody, request);
                if (route.ifMatch) expectedVersion();
                const values = read.map((value) => value(request, reply));
                return serializeResponse(route, await handler.apply(instance, values), reply);
              });
              if (answersItself || reply.sent) return reply;
              return await reply.send(route.status === 204 ? undefined : body);
            } catch (error) {
              return sendProblem(request, reply, error, logger);
            }
          },
        });
      }
    }
  }
}
