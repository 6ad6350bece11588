import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type { UpdateInventorySettingsInput, ValuationMethod } from '@nexo/contracts/inventory';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import {
  DEFAULT_STOCK_SETTINGS,
  InventorySettings,
  type InventorySettingsRow,
  type StockSettings,
} from './inventory-settings.service.js';

const SUBJECT = 'inventory.settings';

/** The settings as the API answers them: version 0 until first saved. */
export interface SettingsView extends StockSettings {
  version: number;
}

const viewOf = (row: InventorySettingsRow | undefined): SettingsView =>
  row
    ? {
        valuationMethod: row.valuationMethod as ValuationMethod,
        stockLockDate: row.stockLockDate,
        version: row.version,
      }
    : { ...DEFAULT_STOCK_SETTINGS, version: 0 };

/**
 * The stock settings of the company: the valuation method changes only while no move was ever
 * posted (a move's cost is fixed by the method it posted under); the lock date at any time.
 */
@Injectable()
export class SettingsService {
  constructor(
    @Inject(InventorySettings) private readonly settings: InventorySettings,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async get(): Promise<SettingsView> {
    const { tenantId } = currentPrincipal();
    const row = await this.settings.row(tenantId);
    const view = viewOf(row);
    await this.permissions.assertCan('read', SUBJECT, { ...view, tenantId });
    return view;
  }

  async update(input: UpdateInventorySettingsInput): Promise<SettingsView> {
    const { tenantId } = currentPrincipal();
    // Locked until commit: two changes of the method cannot both pass the check below.
    const row = await this.settings.row(tenantId, 'update');
    const before = viewOf(row);
    await this.permissions.assertWritable('update', SUBJECT, { ...before, tenantId }, input);
    const next: StockSettings = {
      valuationMethod: input.valuationMethod ?? before.valuationMethod,
      stockLockDate: input.stockLockDate === undefined ? before.stockLockDate : input.stockLockDate,
    };
    if (next.valuationMethod !== before.valuationMethod && (await this.settings.anyMove(tenantId)))
      throw new DomainError(
        'valuation_method_locked',
        'The valuation method cannot change once there are stock moves',
      );
    const saved = await this.settings.save(tenantId, next);
    const after = viewOf(saved);
    await this.audit.record({
      action: row ? 'update' : 'create',
      resource: SUBJECT,
      resourceId: tenantId,
      before: row ? { ...before } : undefined,
      after: { ...after },
    });
    return after;
  }
}
