import { AuthRoutes } from './auth/auth.routes.js';
import { CRM_ROUTES } from './crm/crm.routes.js';
import { CustomFieldRoutes } from './custom-fields/custom-field.contracts.js';
import { JobRoutes } from './jobs/job.contracts.js';
import { SearchRoutes } from './search/search.contracts.js';
import { CatalogRoutes } from './catalog/catalog.routes.js';
import type { RouteContract } from './http/route-contract.js';
import { PermissionRoutes } from './permissions/permission.routes.js';
import { PlatformRoutes } from './platform.routes.js';
import { TenancyRoutes } from './tenancy/tenancy.routes.js';

/** The version of the API document; bump it with a release that changes the contracts. */
export const API_VERSION = '0.1.0';

/** Every route of the API. The route test checks the server serves exactly these. */
export const API_ROUTES: readonly RouteContract[] = [
  ...Object.values(PlatformRoutes),
  ...Object.values(TenancyRoutes),
  ...Object.values(AuthRoutes),
  ...Object.values(PermissionRoutes),
  ...Object.values(CustomFieldRoutes),
  ...Object.values(JobRoutes),
  ...Object.values(SearchRoutes),
  ...CRM_ROUTES,
  ...Object.values(CatalogRoutes),
];
