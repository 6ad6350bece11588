import { Module } from '@nestjs/common';
import { CatalogModule } from '@nexo/catalog';
import { RecordWrites } from '@nexo/records';
import { TenantDirectory } from '@nexo/tenancy';
import { StockLedgerRepository } from './ledger/stock-ledger.repository.js';
import { StockPosting } from './ledger/stock-posting.service.js';
import { StockReportController } from './reports/stock-report.controller.js';
import { StockReportRepository } from './reports/stock-report.repository.js';
import { StockReportService } from './reports/stock-report.service.js';
import { WarehouseController } from './warehouse/warehouse.controller.js';
import { WarehouseRepository } from './warehouse/warehouse.repository.js';
import { WarehouseService } from './warehouse/warehouse.service.js';
import { LocationController } from './locations/location.controller.js';
import { LocationRepository } from './locations/location.repository.js';
import { LocationService } from './locations/location.service.js';
import { StockLocations } from './locations/stock-locations.service.js';
import { CountController } from './counts/count.controller.js';
import { CountRepository } from './counts/count.repository.js';
import { CountService } from './counts/count.service.js';
import { OperationController } from './operations/operation.controller.js';
import { OperationRepository } from './operations/operation.repository.js';
import { OperationService } from './operations/operation.service.js';
import { StockPlaces } from './operations/stock-places.js';

/** Inventory: warehouses (`inventory` schema). */
@Module({
  imports: [CatalogModule],
  controllers: [WarehouseController, LocationController, StockReportController, OperationController, CountController],
  providers: [
    TenantDirectory,
    StockLedgerRepository,
    StockPosting,
    RecordWrites,
    WarehouseRepository,
    WarehouseService,
    StockLocations,
    LocationRepository,
    LocationService,
    StockReportRepository,
    StockReportService,
    StockPlaces,
    OperationRepository,
    OperationService,
    CountRepository,
    CountService,
  ],
  exports: [StockPosting, WarehouseService, StockLocations],
})
export class InventoryModule {}
