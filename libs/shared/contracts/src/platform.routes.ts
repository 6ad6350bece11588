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

/** The company as its members see it; fields a role may not read are left out. */
export const TenantSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    legalName: z.string().nullable(),
    taxId: z.string().nullable(),
    country: z.string(),
    currency: z.string(),
    locale: z.string(),
    timezone: z.string(),
    status: z.string(),
    requireMfaEmployees: z.boolean(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'Tenant' });

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
  getTenant: defineRoute({
    method: 'GET',
    path: '/api/v1/tenancy/tenants/:id',
    operationId: 'getTenant',
    summary: 'The current company',
    tag: 'tenancy',
    access: permission('read', 'tenancy.tenant'),
    params: z.object({ id: z.uuid() }),
    status: 200,
    response: TenantSchema,
    etag: true,
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
