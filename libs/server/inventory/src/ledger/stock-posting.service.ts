import { Inject, Injectable, Optional } from '@nestjs/common';
import { StockItemFacts, type StockItemFact } from '@nexo/catalog';
import { DomainError, currentPrincipal, pgConstraint } from '@nexo/platform';
import { TenantDirectory } from '@nexo/tenancy';
import { StockLocations, type LocationFacts } from '../locations/stock-locations.service.js';
import { InventorySettings } from '../settings/inventory-settings.service.js';
import { type Decimal, decimal, decimalString, isUuid, minorUnits, newId } from '@nexo/utils';
import {
  StockLedgerRepository,
  itemKey,
  type BalanceDelta,
  type CostRow,
  type LevelDelta,
  type MoveRow,
} from './stock-ledger.repository.js';
import type { MoveInput, PostMovesInput, PostedMove } from './stock-posting.types.js';
import { STOCK_VALUATION_SINK, type StockValuationSink } from './stock-valuation.sink.js';
import {
  type ItemCostState,
  type LayerTake,
  type OpenLayer,
  consume,
  issueAtAverage,
  issueFifo,
  receive,
  roundValue,
  unitCostOf,
} from './valuation.policy.js';

/** Locations whose stock the company holds and values: its own, and goods in transit. */
const holdsStock = (l: LocationFacts) => l.kind === 'internal' || l.kind === 'transit';
const QUANTITY = /^\d{1,14}(\.\d{1,6})?$/;
const UNIT_COST = /^\d{1,14}(\.\d{1,6})?$/;

interface Prepared {
  input: MoveInput;
  index: number;
  fact: StockItemFact;
  from: LocationFacts;
  to: LocationFacts;
  quantity: Decimal;
  serial: boolean;
}

/**
 * The stock ledger's one way in (erp.md §4). Sales, purchasing, production and inventory's own
 * operations call `post` inside their transaction: the moves, their balances, their cost and
 * the reservations they consume are written in that COMMIT or not at all.
 *
 * Concurrency: the item-cost rows of the items posted are locked first, in key order (one
 * statement), so two postings of an item take turns and never deadlock; balances and stock
 * levels are then updated with the stock check in the UPDATE itself (a refused row is not
 * returned), and the tables' CHECKs refuse negative stock whatever reaches them. Nothing is
 * read and then written without that lock.
 */
@Injectable()
export class StockPosting {
  constructor(
    @Inject(StockLedgerRepository) private readonly ledger: StockLedgerRepository,
    @Inject(StockItemFacts) private readonly items: StockItemFacts,
    @Inject(TenantDirectory) private readonly tenants: TenantDirectory,
    @Inject(StockLocations) private readonly places: StockLocations,
    @Inject(InventorySettings) private readonly settings: InventorySettings,
    @Optional()
    @Inject(STOCK_VALUATION_SINK)
    private readonly valuation: StockValuationSink | null = null,
  ) {}

  async post(input: PostMovesInput): Promise<PostedMove[]> {
    return this.postRows(input, []);
  }

  /**
   * Undoes posted moves with moves the other way: same item, lot and quantity, from where they
   * went back to where they came from, valued at what they were valued (a reversed issue puts
   * its cost back; a reversed receipt takes its cost out). A move is reversed once.
   */
  async reverse(moveIds: readonly string[], source: PostMovesInput['sourceType'] | null = null) {
    const { tenantId } = currentPrincipal();
    if (moveIds.some((id) => !isUuid(id))) throw DomainError.notFound('Move');
    const originals = await this.ledger.movesOf(tenantId, moveIds);
    if (originals.length !== new Set(moveIds).size) throw DomainError.notFound('Move');
    if (originals.some((m) => m.reversesMoveId))
      throw new DomainError('invalid_move', 'A reversal is not reversed: post a new move');
    const done = await this.ledger.reversed(tenantId, moveIds);
    if (done.size > 0) throw new DomainError('already_reversed', 'The move was already reversed');
    const first = originals[0]!;
    return this.postRows(
      {
        sourceType: source ?? first.sourceType,
        sourceId: first.sourceId,
        moves: originals.map((m) => ({
          itemId: m.itemId,
          variantId: m.variantId,
          lotId: m.lotId,
          fromLocationId: m.toLocationId,
          toLocationId: m.fromLocationId,
          quantity: m.quantity,
          unitCost: m.unitCost,
          sourceLineId: m.sourceLineId,
        })),
      },
      originals,
    );
  }

  private async postRows(input: PostMovesInput, reversing: readonly MoveRow[]) {
    const principal = currentPrincipal();
    const { tenantId } = principal;
    if (input.moves.length === 0) return [];
    const today = new Date().toISOString().slice(0, 10);
    const day = input.effectiveDate ?? today;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day > today)
      throw invalid('effectiveDate', 'The day stock moved: today or earlier');
    const settings = await this.settings.current();
    const company = await this.tenants.currentOf(tenantId);
    if (settings.stockLockDate && day <= settings.stockLockDate)
      throw new DomainError(
        'stock_locked',
        `Stock is locked up to ${settings.stockLockDate}: post a correction dated after it`,
      );
    const minor = minorUnits(company.currency);
    const prepared = await this.prepare(tenantId, input.moves);

    // The lock that orders every posting of these items.
    const keys = uniqueKeys(prepared.map((p) => p.input));
    const costs = await this.ledger.lockItemCosts(tenantId, keys);
    const fifo = settings.valuationMethod === 'fifo';
    const layers = new Map<string, OpenLayer[]>();
    if (fifo) {
      const outKeys = uniqueKeys(
        prepared.filter((p) => holdsStock(p.from) && !holdsStock(p.to)).map((p) => p.input),
      );
      for (const l of await this.ledger.openLayers(tenantId, outKeys)) {
        const list = layers.get(itemKey(l)) ?? [];
        list.push({
          id: l.id,
          moveId: l.moveId,
          remainingQuantity: decimal(l.remainingQuantity),
          remainingValue: decimal(l.remainingValue),
          unitCost: decimal(l.unitCost),
        });
        layers.set(itemKey(l), list);
      }
    }
    const states = new Map<string, ItemCostState>();
    for (const [key, c] of costs)
      states.set(key, {
        quantity: decimal(c.quantity),
        value: decimal(c.value),
        unitCost: decimal(c.unitCost),
      });

    const moves: MoveRow[] = [];
    const newLayers: Parameters<StockLedgerRepository['insertLayers']>[1][number][] = [];
    const takes: { moveId: string; layerId: string; quantity: string; value: string }[] = [];
    for (const p of prepared) {
      const key = itemKey(p.input);
      let state = states.get(key)!;
      const id = newId();
      const inward = !holdsStock(p.from) && holdsStock(p.to);
      const outward = holdsStock(p.from) && !holdsStock(p.to);
      let value: Decimal;
      let unitCost: Decimal;
      // A reversal is valued at what the move it reverses was: an issue's cost comes back as
      // it went, a receipt's goes out as it came (under FIFO, from its own layer if untouched).
      const original = reversing[p.index];
      if (inward) {
        unitCost = decimal(p.input.unitCost ?? startingCost(state, p.fact, p.input.variantId));
        value = original ? decimal(original.value) : roundValue(p.quantity.times(unitCost), minor);
        state = receive(state, p.quantity, value);
        if (fifo) {
          const layer = {
            id: newId(),
            moveId: id,
            remainingQuantity: p.quantity,
            remainingValue: value,
            unitCost,
          };
          layers.set(key, [...(layers.get(key) ?? []), layer]);
          newLayers.push({
            id: layer.id,
            itemId: p.input.itemId,
            variantId: p.input.variantId ?? null,
            moveId: id,
            quantity: decimalString(p.quantity),
            unitCost: decimalString(unitCost),
            value: decimalString(value),
          });
        }
      } else if (outward) {
        if (fifo) {
          const all = layers.get(key) ?? [];
          const own = original && all.find((l) => l.moveId === original.id);
          const open =
            own && own.remainingQuantity.eq(p.quantity)
              ? [own, ...all.filter((l) => l !== own)]
              : all;
          const taken = issueFifo(open, p.quantity, state.unitCost, minor);
          layers.set(key, consume(open, taken.takes));
          for (const t of taken.takes) takes.push(takeRow(id, t));
          value = taken.value;
          const quantity = state.quantity.minus(p.quantity);
          const left = state.value.minus(value);
          state = {
            quantity,
            value: left,
            unitCost: quantity.gt(0) ? unitCostOf(left, quantity) : state.unitCost,
          };
        } else if (original) {
          value = decimal(original.value);
          state = {
            ...state,
            quantity: state.quantity.minus(p.quantity),
            value: state.value.minus(value),
          };
        } else {
          const issued = issueAtAverage(state, p.quantity, minor);
          value = issued.value;
          state = issued.state;
        }
        unitCost = unitCostOf(value, p.quantity);
      } else {
        // Inside the company: no change of value, shown at the current cost.
        unitCost = original ? decimal(original.unitCost) : state.unitCost;
        value = original ? decimal(original.value) : roundValue(p.quantity.times(unitCost), minor);
      }
      states.set(key, state);
      moves.push({
        id,
        itemId: p.input.itemId,
        variantId: p.input.variantId ?? null,
        lotId: p.input.lotId ?? null,
        fromLocationId: p.from.id,
        toLocationId: p.to.id,
        quantity: decimalString(p.quantity),
        unitCost: decimalString(unitCost),
        value: decimalString(value),
        effectiveDate: day,
        sourceType: input.sourceType,
        sourceId: input.sourceId,
        sourceLineId: p.input.sourceLineId ?? null,
        reversesMoveId: reversing[p.index]?.id ?? null,
      });
    }

    const unreserve = await this.consumeReservations(tenantId, prepared);
    await this.applyLevels(tenantId, prepared, unreserve, day);
    await this.applyBalances(tenantId, prepared);
    await this.ledger.insertMoves(tenantId, principal.userId ?? null, moves);
    await this.ledger.insertLayers(tenantId, newLayers);
    await this.ledger.consumeLayers(tenantId, takes);
    await this.ledger.saveItemCosts(
      tenantId,
      [...states].map(([key, s]): CostRow => {
        const k = costs.get(key)!;
        return {
          itemId: k.itemId,
          variantId: k.variantId,
          quantity: decimalString(s.quantity),
          value: decimalString(s.value),
          unitCost: decimalString(s.unitCost),
        };
      }),
    );
    await this.ledger.addDailyChanges(tenantId, dailyChanges(moves, prepared));
    // The seam to the books: one valuation entry per move that changed the company's value.
    if (this.valuation) {
      const valued = moves.flatMap((move, i) => {
        const p = prepared[i]!;
        return holdsStock(p.from) === holdsStock(p.to)
          ? []
          : [
              {
                move: { ...move },
                fromKind: p.from.kind,
                toKind: p.to.kind,
                fromWarehouseId: p.from.warehouseId,
                toWarehouseId: p.to.warehouseId,
                currency: company.currency,
              },
            ];
      });
      if (valued.length > 0) await this.valuation.record(valued);
    }
    return moves.map((m) => ({ ...m }));
  }

  /** Checks every move against its item, lot and locations before anything is locked. */
  private async prepare(tenantId: string, inputs: readonly MoveInput[]): Promise<Prepared[]> {
    const ids = new Set<string>();
    inputs.forEach((m, i) => {
      for (const [field, id] of [
        ['itemId', m.itemId],
        ['fromLocationId', m.fromLocationId],
        ['toLocationId', m.toLocationId],
      ] as const)
        if (!isUuid(id)) throw invalid(`moves.${i}.${field}`, 'Not an id');
      for (const [field, id] of [
        ['variantId', m.variantId],
        ['lotId', m.lotId],
      ] as const)
        if (id != null && !isUuid(id)) throw invalid(`moves.${i}.${field}`, 'Not an id');
      if (!QUANTITY.test(m.quantity) || decimal(m.quantity).lte(0))
        throw invalid(`moves.${i}.quantity`, 'A quantity greater than zero, up to 6 decimals');
      if (m.unitCost != null && !UNIT_COST.test(m.unitCost))
        throw invalid(`moves.${i}.unitCost`, 'A unit cost of zero or more, up to 6 decimals');
      ids.add(m.fromLocationId).add(m.toLocationId);
    });
    const facts = await this.items.forIds(inputs.map((m) => m.itemId));
    const places = await this.places.describe([...ids]);
    const lots = await this.ledger.lots(tenantId, [
      ...new Set(inputs.map((m) => m.lotId).filter((l): l is string => !!l)),
    ]);
    return inputs.map((m, index) => {
      const at = `moves.${index}`;
      const fact = facts.get(m.itemId);
      if (!fact)
        throw DomainError.unknownReference([
          { path: `${at}.itemId`, code: 'not_found', message: 'No such item' },
        ]);
      if (fact.kind !== 'stockable')
        throw new DomainError('item_not_stocked', `${fact.sku} keeps no stock`, {
          issues: [{ path: `${at}.itemId`, code: 'item_not_stocked', message: fact.sku }],
        });
      if (m.variantId && !fact.variants.has(m.variantId))
        throw invalid(`${at}.variantId`, `Not a variant of ${fact.sku}`);
      const from = places.get(m.fromLocationId);
      const to = places.get(m.toLocationId);
      if (!from || !to)
        throw DomainError.unknownReference([
          {
            path: `${at}.${from ? 'toLocationId' : 'fromLocationId'}`,
            code: 'not_found',
            message: 'No such location',
          },
        ]);
      if (from.id === to.id || (!holdsStock(from) && !holdsStock(to)))
        throw invalid(`${at}.toLocationId`, 'A move goes between two places, one of them stock');
      const quantity = decimal(m.quantity);
      if (fact.tracking !== 'none') {
        const lot = m.lotId ? lots.get(m.lotId) : undefined;
        if (!m.lotId)
          throw new DomainError('lot_required', `${fact.sku} moves with its lot or serial`, {
            issues: [{ path: `${at}.lotId`, code: 'lot_required', message: fact.sku }],
          });
        if (!lot || lot.itemId !== m.itemId)
          throw invalid(`${at}.lotId`, `Not a lot or serial of ${fact.sku}`);
        if (fact.tracking === 'serial' && !quantity.eq(1))
          throw invalid(`${at}.quantity`, 'A serial number moves one unit at a time');
      } else if (m.lotId) throw invalid(`${at}.lotId`, `${fact.sku} is not tracked by lot`);
      return { input: m, index, fact, from, to, quantity, serial: fact.tracking === 'serial' };
    });
  }

  private async consumeReservations(tenantId: string, prepared: readonly Prepared[]) {
    const wanted = prepared
      .filter((p) => p.input.consumesReservationOf && p.from.warehouseId)
      .map((p) => ({
        sourceType: p.input.consumesReservationOf!.sourceType,
        sourceLineId: p.input.consumesReservationOf!.sourceLineId,
        warehouseId: p.from.warehouseId!,
        quantity: decimalString(p.quantity),
        itemKey: itemKey(p.input),
      }));
    const taken = await this.ledger.consumeReservations(tenantId, wanted);
    // What was taken off reservations, per item and warehouse, leaves `reserved` too.
    const unreserve = new Map<string, Decimal>();
    for (const t of taken) {
      const w = wanted.find(
        (x) =>
          x.sourceType === t.sourceType &&
          x.sourceLineId === t.sourceLineId &&
          x.warehouseId === t.warehouseId,
      )!;
      const key = `${w.itemKey}:${t.warehouseId}`;
      unreserve.set(key, (unreserve.get(key) ?? decimal('0')).plus(t.taken));
    }
    return unreserve;
  }

  private async applyLevels(
    tenantId: string,
    prepared: readonly Prepared[],
    unreserve: Map<string, Decimal>,
    day: string,
  ) {
    const levels = new Map<string, LevelDelta & { sum: Decimal }>();
    const add = (p: Prepared, place: LocationFacts, sign: 1 | -1) => {
      if (place.kind !== 'internal' || !place.warehouseId) return;
      const key = `${itemKey(p.input)}:${place.warehouseId}`;
      const row = levels.get(key) ?? {
        itemId: p.input.itemId,
        variantId: p.input.variantId ?? null,
        warehouseId: place.warehouseId,
        allowNegative: place.allowNegative,
        delta: '0',
        unreserve: decimalString(unreserve.get(key) ?? decimal('0')),
        day,
        sum: decimal('0'),
      };
      row.sum = sign > 0 ? row.sum.plus(p.quantity) : row.sum.minus(p.quantity);
      levels.set(key, row);
    };
    for (const p of prepared) {
      add(p, p.from, -1);
      add(p, p.to, 1);
    }
    const deltas = [...levels.values()]
      .map(({ sum, ...row }) => ({ ...row, delta: decimalString(sum) }))
      .sort(byItemThen((d) => d.warehouseId));
    const done = await this.ledger.applyLevels(tenantId, deltas);
    const refused = deltas.find(
      (d) => !done.has(`${d.itemId}:${d.variantId ?? ''}:${d.warehouseId}`),
    );
    if (refused) {
      const p = prepared.find((x) => x.input.itemId === refused.itemId)!;
      throw insufficient(p.fact.sku, p.index);
    }
  }

  private async applyBalances(tenantId: string, prepared: readonly Prepared[]) {
    const balances = new Map<string, BalanceDelta & { sum: Decimal; index: number }>();
    const add = (p: Prepared, place: LocationFacts, sign: 1 | -1) => {
      if (!holdsStock(place)) return;
      const key = `${itemKey(p.input)}:${place.id}:${p.input.lotId ?? ''}`;
      const row = balances.get(key) ?? {
        itemId: p.input.itemId,
        variantId: p.input.variantId ?? null,
        locationId: place.id,
        lotId: p.input.lotId ?? null,
        warehouseId: place.warehouseId,
        allowNegative: place.allowNegative && !p.serial,
        serial: p.serial,
        delta: '0',
        sum: decimal('0'),
        index: p.index,
      };
      row.sum = sign > 0 ? row.sum.plus(p.quantity) : row.sum.minus(p.quantity);
      balances.set(key, row);
    };
    for (const p of prepared) {
      add(p, p.from, -1);
      add(p, p.to, 1);
    }
    const deltas = [...balances.values()]
      .map((row) => ({ ...row, delta: decimalString(row.sum) }))
      .sort(byItemThen((d) => `${d.locationId}:${d.lotId ?? ''}`));
    let refused: BalanceDelta[];
    try {
      refused = await this.ledger.applyBalances(
        tenantId,
        deltas.map(({ sum: _sum, index: _index, ...d }) => d),
      );
    } catch (error) {
      const constraint = pgConstraint(error);
      if (
        constraint === 'balances_serial_in_one_place_key' ||
        constraint === 'balances_serial_check'
      )
        throw new DomainError('serial_in_stock', 'The serial number is already in stock elsewhere');
      throw error;
    }
    const first = refused[0];
    if (first) {
      const row = deltas.find(
        (d) =>
          d.itemId === first.itemId && d.locationId === first.locationId && d.lotId === first.lotId,
      )!;
      const p = prepared[row.index]!;
      throw insufficient(p.fact.sku, p.index);
    }
  }
}

function uniqueKeys(inputs: readonly MoveInput[]) {
  const keys = new Map<string, { itemId: string; variantId: string | null }>();
  for (const m of inputs)
    keys.set(itemKey({ itemId: m.itemId, variantId: m.variantId ?? null }), {
      itemId: m.itemId,
      variantId: m.variantId ?? null,
    });
  return [...keys.values()].sort(byItemThen(() => ''));
}

function byItemThen<T extends { itemId: string; variantId: string | null }>(
  rest: (t: T) => string,
) {
  return (a: T, b: T) =>
    a.itemId.localeCompare(b.itemId) ||
    (a.variantId ?? '').localeCompare(b.variantId ?? '') ||
    rest(a).localeCompare(rest(b));
}

/** What a first receipt without a cost enters at: the current average, else the item's cost. */
function startingCost(state: ItemCostState, fact: StockItemFact, variantId?: string | null) {
  if (!state.unitCost.isZero() || !state.quantity.isZero()) return decimalString(state.unitCost);
  const variantCost = variantId ? fact.variants.get(variantId)?.cost : null;
  return variantCost ?? fact.cost ?? '0';
}

function takeRow(moveId: string, t: LayerTake) {
  return {
    moveId,
    layerId: t.layerId,
    quantity: decimalString(t.quantity),
    value: decimalString(t.value),
  };
}

function dailyChanges(moves: readonly MoveRow[], prepared: readonly Prepared[]) {
  return moves.flatMap((m, i) => {
    const p = prepared[i]!;
    const rows = [];
    for (const [place, sign] of [
      [p.from, '-'],
      [p.to, ''],
    ] as const)
      if (holdsStock(place))
        rows.push({
          locationId: place.id,
          warehouseId: place.warehouseId,
          itemId: m.itemId,
          variantId: m.variantId,
          lotId: m.lotId,
          day: m.effectiveDate,
          quantity: `${sign}${m.quantity}`,
          value: `${sign}${m.value}`,
        });
    return rows;
  });
}

const invalid = (path: string, message: string) =>
  new DomainError('invalid_move', message, { issues: [{ path, code: 'invalid', message }] });

const insufficient = (sku: string, index: number) =>
  new DomainError('insufficient_stock', `Not enough available stock of ${sku}`, {
    issues: [
      {
        path: `moves.${index}.quantity`,
        code: 'insufficient_stock',
        message: `Not enough available stock of ${sku}`,
      },
    ],
  });
