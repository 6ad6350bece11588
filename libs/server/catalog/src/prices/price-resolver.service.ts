import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type PriceResolution, type ResolvePriceQuery } from '@nexo/contracts';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { ItemRepository } from '../items/item.repository.js';
import { ItemService } from '../items/item.service.js';
import { PRICE_LIST_COLUMNS } from './price-list.list.js';
import { resolvedUnitPrice } from './price-list.policy.js';
import { PRICE_LIST_SUBJECT } from './price-list.service.js';
import { PriceListRepository } from './price-list.repository.js';

/**
 * Answers "what does this cost": item (or variant), party or customer group, quantity (in
 * any unit the item converts from), date and currency → unit price and the rule that gave
 * it. The precedence is `PriceListRepository.bestRule`'s; with no rule, the item's list price
 * (in the company's currency only). The price itself is `resolvedUnitPrice`: 6 decimals, a
 * discount not rounded to cents.
 */
@Injectable()
export class PriceResolver {
  constructor(
    @Inject(PriceListRepository) private readonly lists: PriceListRepository,
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(ItemService) private readonly itemService: ItemService,
    @Inject(PermissionService) private readonly permissions: PermissionService,
  ) {}

  async resolve(q: ResolvePriceQuery): Promise<PriceResolution> {
    const { tenantId } = currentPrincipal();
    const variant = q.variantId ? await this.items.variantById(tenantId, q.variantId) : undefined;
    if (q.variantId && !variant) throw DomainError.notFound('Variant');
    const item = await this.itemService.readable(variant?.itemId ?? (q.itemId as string));

    const unitId = q.unitId ?? item.unitId;
    let factor = '1';
    if (unitId !== item.unitId) {
      const conversion = (await this.items.conversions(tenantId, item.id)).find(
        (c) => c.unitId === unitId,
      );
      if (!conversion)
        throw DomainError.validation([
          {
            path: 'query.unitId',
            code: 'no_conversion',
            message: 'The item has no conversion from this unit',
          },
        ]);
      factor = conversion.factor;
    }

    const company = await this.lists.companyToday(tenantId);
    const date = q.date ?? company.today;
    const rule = await this.lists.bestRule({
      tenantId,
      itemId: item.id,
      variantId: variant?.id ?? null,
      partyId: q.partyId ?? null,
      customerGroup: q.customerGroup ?? null,
      quantity: q.quantity,
      factor,
      date,
      currency: q.currency,
      readable: await this.permissions.where('read', PRICE_LIST_SUBJECT, PRICE_LIST_COLUMNS),
    });

    const kind = rule?.kind ?? 'base';
    let base: string | null = null;
    if (kind !== 'fixed') {
      // A discount or the list price itself reveals the list price: the reader must see it.
      if (!('listPrice' in (await this.itemService.view(item))))
        throw new DomainError(ErrorCode.Forbidden, 'Your role may not read list prices');
      base = variant?.listPrice ?? item.listPrice;
      if (kind === 'base' && q.currency !== company.currency)
        throw new DomainError(
          'no_price',
          `No active price list prices this item in ${q.currency} on ${date}`,
        );
      if (base === null)
        throw new DomainError('no_price', 'The item has no list price to start from');
    }

    return {
      itemId: item.id,
      variantId: variant?.id ?? null,
      unitPrice: resolvedUnitPrice({
        kind,
        price: rule?.price ?? null,
        discountPercent: rule?.discountPercent ?? null,
        base,
        factor,
      }),
      currency: q.currency,
      unitId,
      quantity: q.quantity,
      date,
      source: {
        kind,
        priceListId: rule?.priceListId ?? null,
        ruleId: rule?.ruleId ?? null,
      },
    };
  }
}
