import { z } from 'zod';
import { defineRoute, permission } from '../http/route-contract.js';
import { pageOf } from '../http/list.contracts.js';
import { routeGroup } from '../http/route-group.js';
import {
  CreateNumberSeriesInputSchema,
  CreatePointOfSaleInputSchema,
  PointOfSaleSchema,
  UpdatePointOfSaleInputSchema,
  ExchangeRateImportResultSchema,
  ExchangeRateListQuerySchema,
  ExchangeRateOnQuerySchema,
  ExchangeRateOnSchema,
  ExchangeRateSchema,
  ImportExchangeRatesInputSchema,
  SaveExchangeRateInputSchema,
  NumberSeriesSchema,
  TENANT_LOGO_MAX_BYTES,
  TENANT_LOGO_TYPES,
  TenantSchema,
  UpdateNumberSeriesInputSchema,
  UpdateTenantInputSchema,
} from './tenancy.contracts.js';

const tag = 'tenancy';
const V1 = '/api/v1/tenancy';
const Id = z.object({ id: z.uuid() });
const RATES = 'tenancy.exchange-rate';

const exchangeRates = routeGroup({
  tag,
  path: `${V1}/exchange-rates`,
  name: 'ExchangeRate',
  plural: 'ExchangeRates',
  subject: RATES,
  schema: ExchangeRateSchema,
  create: {
    body: SaveExchangeRateInputSchema,
    summary:
      'Enter the rate of a currency on a date (1 unit of it = rate units of the base currency); replaces the rate of that currency and date when there is one',
  },
  remove: { summary: 'Delete an exchange rate' },
});

const pointsOfSale = routeGroup({
  tag,
  path: `${V1}/points-of-sale`,
  name: 'PointOfSale',
  plural: 'PointsOfSale',
  subject: 'tenancy.point-of-sale',
  schema: PointOfSaleSchema,
  list: {
    summary:
      'The points of sale of the company, by number. Filters: number, name, active. Sort: number, name',
  },
  create: {
    body: CreatePointOfSaleInputSchema,
    summary: 'Add a point of sale (number 1 to 99999, once per company: 409 when taken)',
  },
  get: { summary: 'A point of sale' },
  update: { body: UpdatePointOfSaleInputSchema, summary: 'Rename or (de)activate a point of sale' },
  remove: { summary: 'Delete a point of sale' },
});

/**
 * The company's own settings: its record, its document number series, exchange rates and
 * points of sale.
 */
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
  putTenantLogo: defineRoute({
    method: 'PUT',
    path: `${V1}/tenants/:id/logo`,
    operationId: 'putTenantLogo',
    summary:
      "Set the company's logo, printed on its documents: the file's bytes as PNG or JPEG, at most 512 KB; replaces the one there is (no If-Match: the settings' version stays)",
    tag,
    access: permission('update', 'tenancy.tenant'),
    params: Id,
    binaryBody: { mediaTypes: TENANT_LOGO_TYPES, maxBytes: TENANT_LOGO_MAX_BYTES },
    status: 204,
  }),
  getTenantLogo: defineRoute({
    method: 'GET',
    path: `${V1}/tenants/:id/logo`,
    operationId: 'getTenantLogo',
    summary: "The company's logo file; 404 when it has none",
    tag,
    access: permission('read', 'tenancy.tenant'),
    params: Id,
    status: 200,
    binaryResponse: { mediaTypes: TENANT_LOGO_TYPES },
  }),
  deleteTenantLogo: defineRoute({
    method: 'DELETE',
    path: `${V1}/tenants/:id/logo`,
    operationId: 'deleteTenantLogo',
    summary: "Remove the company's logo; 404 when it has none",
    tag,
    access: permission('update', 'tenancy.tenant'),
    params: Id,
    status: 204,
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
  listExchangeRates: defineRoute({
    method: 'GET',
    path: `${V1}/exchange-rates`,
    operationId: 'listExchangeRates',
    summary:
      'The exchange rates of the company, newest first. Filters: currency, source; from and to (dates, both included). Sort: date, currency',
    tag,
    access: permission('read', RATES),
    query: ExchangeRateListQuerySchema,
    status: 200,
    response: pageOf(ExchangeRateSchema),
  }),
  createExchangeRate: exchangeRates.create,
  exchangeRateOn: defineRoute({
    method: 'GET',
    path: `${V1}/exchange-rates/on`,
    operationId: 'exchangeRateOn',
    summary:
      'The rate of a currency on a date: the latest on or before it (1 for the base currency); 404 exchange_rate_not_found when there is none',
    tag,
    access: permission('read', RATES),
    query: ExchangeRateOnQuerySchema,
    status: 200,
    response: ExchangeRateOnSchema,
  }),
  importExchangeRates: defineRoute({
    method: 'POST',
    path: `${V1}/exchange-rates/import`,
    operationId: 'importExchangeRates',
    summary:
      'Import rates from CSV (columns currency,date,rate); each bad row is reported by line. All or nothing (default: nothing is written when a row is wrong), or the valid rows only',
    tag,
    access: permission('import', RATES),
    body: ImportExchangeRatesInputSchema,
    status: 200,
    response: ExchangeRateImportResultSchema,
  }),
  deleteExchangeRate: exchangeRates.remove,
  listPointsOfSale: pointsOfSale.list,
  createPointOfSale: pointsOfSale.create,
  getPointOfSale: pointsOfSale.get,
  updatePointOfSale: pointsOfSale.update,
  deletePointOfSale: pointsOfSale.remove,
} as const;
