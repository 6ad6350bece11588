import { OPERATION_ROUTES } from './operation.routes.js';
import { REPORT_ROUTES } from './report.routes.js';
import { STOCK_ROUTES } from './stock.routes.js';
import { WAREHOUSE_ROUTES } from './warehouse.routes.js';

/** Every route of the inventory context, by operation id (each area keeps its own file). */
export const InventoryRoutes = {
  ...WAREHOUSE_ROUTES,
  ...STOCK_ROUTES,
  ...OPERATION_ROUTES,
  ...REPORT_ROUTES,
};
