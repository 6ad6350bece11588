import { z } from 'zod';
import { defineRoute, permission } from '../http/route-contract.js';
import {
  CreateNumberSeriesInputSchema,
  NumberSeriesSchema,
  TenantSchema,
  UpdateNumberSeriesInputSchema,
  UpdateTenantInputSchema,
} from './tenancy.contracts.js';

const tag = 'tenancy';
const V1 = '/api/v1/tenancy';
const Id = z.object({ id: z.uuid() });

/** The company's own settings: its record and its document number series. */
export const TenancyRoutes = {
  getTenant: defineRoute({
    method: 'GET',
    path: `${V1}/tenants/:id`,
    operationId: 'getTenant',
    summary: 'The current company',
    tag,
    access: permission('read', 'tenancy.tenant'),
    params: Id,
    status: 200,
    response: TenantSchema,
    etag: true,
  }),
  updateTenant: defineRoute({
    method: 'PATCH',
    path: `${V1}/tenants/:id`,
    operationId: 'updateTenant',
    summary:
      'Change the current company: name, legal name, tax id (checked for its country), country, base and accepted currencies, language, time zone, MFA policy',
    tag,
    access: permission('update', 'tenancy.tenant'),
    params: Id,
    body: UpdateTenantInputSchema,
    status: 200,
    response: TenantSchema,
    etag: true,
    ifMatch: true,
  }),
  listNumberSeries: defineRoute({
    method: 'GET',
    path: `${V1}/number-series`,
    operationId: 'listNumberSeries',
    summary: 'The document number series of the company, by document type and series',
    tag,
    access: permission('read', 'tenancy.number-series'),
    status: 200,
    response: z.array(NumberSeriesSchema),
  }),
  createNumberSeries: defineRoute({
    method: 'POST',
    path: `${V1}/number-series`,
    operationId: 'createNumberSeries',
    summary: 'Start a number series for a document type (409 when it exists)',
    tag,
    access: permission('create', 'tenancy.number-series'),
    body: CreateNumberSeriesInputSchema,
    status: 201,
    response: NumberSeriesSchema,
    etag: true,
  }),
  updateNumberSeries: defineRoute({
    method: 'PATCH',
    path: `${V1}/number-series/:id`,
    operationId: 'updateNumberSeries',
    summary:
      'Change a series: prefix, padding, yearly reset, and the next number (forward only: 409 number_already_issued otherwise)',
    tag,
    access: permission('update', 'tenancy.number-series'),
    params: Id,
    body: UpdateNumberSeriesInputSchema,
    status: 200,
    response: NumberSeriesSchema,
    etag: true,
    ifMatch: true,
  }),
} as const;
