import type { Rule } from '../permissions/permission.contracts.js';
import { defineContext } from '../context/context-contract.js';
import { read } from '../context/employee-roles.js';
import { INVENTORY_MESSAGES } from './inventory.messages.js';
import { InventoryRoutes } from './inventory.routes.js';

/**
 * Costs and values (`unit_cost`, `value` of moves and stock) are hidden by field rules from
 * roles that do not see an item's cost (sales, warehouse); the valuation report is a subject of
 * its own, so those roles do not get it at all.
 */
const hideCosts: Rule = read('inventory.stock', { fields: ['unit_cost', 'value'], inverted: true });
// Whoever reads stock may export it too: the CSV has the same columns and masks.
const STOCK_READER: Rule[] = [
  read(['inventory.warehouse', 'inventory.lot']),
  { action: ['read', 'export'], subject: 'inventory.stock' },
];
const MANAGE = ['read', 'create', 'update', 'delete', 'export'];

/** Warehouses and locations, the stock ledger, lots and serials, reservations, valuation. */
export const InventoryContext = defineContext({
  name: 'inventory',
  module: true,
  subjects: {
    'inventory.warehouse': { es: 'Depósitos y ubicaciones', en: 'Warehouses and locations' },
    'inventory.lot': { es: 'Lotes y series', en: 'Lots and serials' },
    'inventory.stock': { es: 'Stock y movimientos', en: 'Stock and moves' },
    'inventory.valuation': { es: 'Valorización de stock', en: 'Stock valuation' },
    'inventory.operation': {
      es: 'Ajustes, transferencias y bajas',
      en: 'Adjustments, transfers and scrap',
    },
    'inventory.count': { es: 'Recuentos físicos', en: 'Physical counts' },
    'inventory.reorder-rule': { es: 'Reglas de reposición', en: 'Reorder rules' },
    'inventory.settings': { es: 'Configuración de stock', en: 'Stock settings' },
  },
  routes: Object.values(InventoryRoutes),
  roleRules: {
    /** Sells from stock: what is available where, never what it cost. */
    sales: [...STOCK_READER, hideCosts],
    /** Buys to refill: stock and its cost, and the reorder rules that say what to buy. */
    purchasing: [
      ...STOCK_READER,
      read('inventory.valuation'),
      { action: MANAGE, subject: 'inventory.reorder-rule' },
    ],
    /** Runs the warehouse: locations, lots, operations and counts; no costs. */
    warehouse: [
      { action: MANAGE, subject: ['inventory.warehouse', 'inventory.lot'] },
      { action: ['read', 'export'], subject: 'inventory.stock' },
      hideCosts,
      {
        action: ['read', 'create', 'update', 'delete', 'transition', 'export'],
        subject: ['inventory.operation', 'inventory.count'],
      },
      read('inventory.reorder-rule'),
    ],
    /** Makes things from stock: reads it, moves it, with costs for the roll-up. */
    production: [
      ...STOCK_READER,
      read('inventory.valuation'),
      {
        action: ['read', 'create', 'update', 'transition'],
        subject: 'inventory.operation',
      },
    ],
    /** Values stock: everything, read only. */
    accountant: [
      ...STOCK_READER,
      read([
        'inventory.valuation',
        'inventory.operation',
        'inventory.count',
        'inventory.reorder-rule',
        'inventory.settings',
      ]),
    ],
    'professional-accountant': [...STOCK_READER, read('inventory.valuation')],
  },
  errors: {
    insufficient_stock: {
      status: 409,
      title: 'Insufficient stock',
      message: {
        es: 'No hay stock disponible suficiente: lo pedido supera lo que hay sin reservar en la ubicación.',
        en: 'There is not enough available stock: the request exceeds what is on hand and unreserved there.',
      },
    },
    lot_required: {
      status: 422,
      title: 'Lot or serial required',
      message: {
        es: 'El artículo se sigue por lote o número de serie: el movimiento debe indicarlo.',
        en: 'The item is tracked by lot or serial number: the move must name it.',
      },
    },
    serial_in_stock: {
      status: 409,
      title: 'Serial already in stock',
      message: {
        es: 'Ese número de serie ya está en stock en otra ubicación: una serie está en un solo lugar.',
        en: 'That serial number is already in stock elsewhere: a serial is in one place at a time.',
      },
    },
    item_not_stocked: {
      status: 422,
      title: 'Item not stocked',
      message: {
        es: 'El artículo no lleva stock (es un servicio o un consumible).',
        en: 'The item keeps no stock (it is a service or a consumable).',
      },
    },
    stock_locked: {
      status: 409,
      title: 'Stock period locked',
      message: {
        es: 'La fecha es anterior al cierre de stock: se corrige con un ajuste con fecha de hoy.',
        en: 'The date is before the stock lock date: correct it with an adjustment dated today.',
      },
    },
    invalid_move: {
      status: 422,
      title: 'Invalid move',
      message: {
        es: 'El movimiento no es válido: revise las ubicaciones, el artículo y la cantidad.',
        en: 'The move is not valid: check its locations, item and quantity.',
      },
    },
    already_reversed: {
      status: 409,
      title: 'Already reversed',
      message: {
        es: 'Ese movimiento ya fue revertido.',
        en: 'That move was already reversed.',
      },
    },
    location_not_in_warehouse: {
      status: 422,
      title: 'Location of another warehouse',
      message: {
        es: 'La ubicación no pertenece al depósito del documento (o no es una ubicación interna).',
        en: "The location does not belong to the document's warehouse (or is not an internal location).",
      },
    },
    unknown_code: {
      status: 422,
      title: 'Unknown code',
      message: {
        es: 'Ningún artículo tiene ese código de barras o SKU.',
        en: 'No item has that barcode or SKU.',
      },
    },
    valuation_method_locked: {
      status: 409,
      title: 'Valuation method in use',
      message: {
        es: 'El método de valorización no se cambia una vez que hay movimientos de stock.',
        en: 'The valuation method cannot change once there are stock moves.',
      },
    },
    negative_stock_exists: {
      status: 409,
      title: 'Negative stock in the warehouse',
      message: {
        es: 'El depósito tiene stock negativo: ajústelo antes de dejar de permitirlo.',
        en: 'The warehouse has stock below zero: adjust it before forbidding negative stock.',
      },
    },
    warehouse_in_use: {
      status: 409,
      title: 'Warehouse with stock history',
      message: {
        es: 'El depósito tiene movimientos de stock: no se elimina, se desactiva.',
        en: 'The warehouse has stock moves: it cannot be deleted, deactivate it instead.',
      },
    },
    location_not_editable: {
      status: 409,
      title: 'Location not editable',
      message: {
        es: 'Las ubicaciones virtuales y la raíz de un depósito no se editan ni se eliminan aquí.',
        en: 'Virtual locations and a warehouse’s root location are not edited or deleted here.',
      },
    },
    item_not_tracked: {
      status: 422,
      title: 'Item not tracked',
      message: {
        es: 'El artículo no se sigue por lote ni por número de serie.',
        en: 'The item is tracked neither by lot nor by serial number.',
      },
    },
  },
  messages: INVENTORY_MESSAGES,
  nav: {
    group: 'nav.inventory',
    entries: [
      {
        href: '/inventory/stock',
        label: 'nav.stock',
        can: ['read', 'inventory.stock'],
        icon: 'items',
      },
      {
        href: '/inventory/moves',
        label: 'nav.stockMoves',
        can: ['read', 'inventory.stock'],
        icon: 'audit',
      },
      {
        href: '/inventory/lots',
        label: 'nav.stockLots',
        can: ['read', 'inventory.lot'],
        icon: 'tags',
      },
      {
        href: '/inventory/operations',
        label: 'nav.stockOperations',
        can: ['read', 'inventory.operation'],
        icon: 'fields',
      },
      {
        href: '/inventory/counts',
        label: 'nav.stockCounts',
        can: ['read', 'inventory.count'],
        icon: 'tasks',
      },
      {
        href: '/inventory/reorder',
        label: 'nav.reorder',
        can: ['read', 'inventory.reorder-rule'],
        icon: 'prices',
      },
      {
        href: '/inventory/warehouses',
        label: 'nav.warehouses',
        can: ['read', 'inventory.warehouse'],
        icon: 'company',
      },
    ],
  },
});
