import type { Type } from '@nestjs/common';
import { CatalogModule } from '@nexo/catalog';
import type { ModuleName } from '@nexo/platform';
import { CrmModule } from '@nexo/crm';
import { InventoryModule } from '@nexo/inventory';
import { AccountsModule } from '@nexo/accounts';
import { TenancyModule } from '@nexo/tenancy';

/**
 * Every context the API can mount, by the name `NEXO_MODULES` uses. One image, any subset:
 * a Kubernetes install can scale contexts separately; a PC runs them all in one process.
 */
export const CONTEXT_MODULES: Record<ModuleName, Type> = {
  tenancy: TenancyModule,
  crm: CrmModule,
  catalog: CatalogModule,
  inventory: InventoryModule,
  accounts: AccountsModule,
};
