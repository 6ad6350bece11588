import { Module } from '@nestjs/common';
import { RecordWrites } from '@nexo/records';
import { WarehouseController } from './warehouse/warehouse.controller.js';
import { WarehouseRepository } from './warehouse/warehouse.repository.js';
import { WarehouseService } from './warehouse/warehouse.service.js';

/** Inventory: warehouses (`inventory` schema). */
@Module({
  controllers: [WarehouseController],
  providers: [RecordWrites, WarehouseRepository, WarehouseService],
  exports: [WarehouseService],
})
export class InventoryModule {}
