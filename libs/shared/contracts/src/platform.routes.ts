import { z } from 'zod';
import { defineRoute, permission, publicAccess } from './http/route-contract.js';
import { ListQuerySchema, pageOf } from './http/list.contracts.js';

export const AuditEntrySchema = z
  .object({
    id: z.uuid(),
    occurredAt: z.date(),
    principalId: z.uuid().nullable(),
    userId: z.uuid().nullable(),
    actor: z.string().nullable(),
    action: z.string(),
    resource: z.string(),
    resourceId: z.string(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const PlatformRoutes = {
  live: defineRoute({
    method: 'GET',
    path: '/health/live',
    operationId: 'healthLive',
    summary: 'The process is up',
    tag: 'operations',
    access: publicAccess,
    status: 200,
    response: z.object({ status: z.literal('ok') }),
  }),
  ready: defineRoute({
    method: 'GET',
    path: '/health/ready',
    operationId: 'healthReady',
    summary: 'The process can serve: database and other dependencies answer (503 otherwise)',
    tag: 'operations',
    access: publicAccess,
    status: 200,
    response: z.object({
      status: z.literal('ok'),
      checks: z.record(z.string(), z.object({ ok: z.boolean() })),
    }),
  }),
  metrics: defineRoute({
    method: 'GET',
    path: '/metrics',
    operationId: 'metrics',
    summary: 'Prometheus metrics',
    tag: 'operations',
    access: publicAccess,
    status: 200,
    response: z.string(),
    responseType: 'text/plain',
  }),
  searchAudit: defineRoute({
    method: 'GET',
    path: '/api/v1/audit/log',
    operationId: 'searchAuditLog',
    summary:
      'Search the audit log. Filters: resource, resourceId, action, userId, occurredAt; q searches resourceId and action',
    tag: 'audit',
    access: permission('read', 'audit.log'),
    query: ListQuerySchema,
    status: 200,
    response: pageOf(AuditEntrySchema),
  }),
  recordHistory: defineRoute({
    method: 'GET',
    path: '/api/v1/audit/records/:resource/:id',
    operationId: 'recordHistory',
    summary: "A record's history, newest first",
    tag: 'audit',
    access: permission('read', 'audit.log'),
    params: z.object({
      resource: z.string().regex(/^[a-z]+\.[a-z-]+$/),
      id: z.string().min(1).max(200),
    }),
    status: 200,
    response: z.array(AuditEntrySchema),
  }),
} as const;
