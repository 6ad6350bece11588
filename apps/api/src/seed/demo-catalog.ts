import {
  categories,
  itemUnitConversions,
  itemVariants,
  items,
  priceListRules,
  priceLists,
  taxRates,
  units,
} from '@nexo/catalog/tables';
import type { Tx } from '@nexo/db';
import { newId } from '@nexo/utils';
import { and, eq, inArray } from 'drizzle-orm';

/**
 * The catalog of the demo company, Distribuidora Del Plata (groceries, drinks, cleaning and
 * toiletries, Buenos Aires): units, the IVA table (the Argentine pack's), a category tree, ~100 items with EAN-13
 * barcodes, a few items with variants, a general price list in ARS and a wholesale one with
 * quantity breaks. One insert per table; nothing if the company already has units.
 */

type Tax = 'iva21' | 'iva105' | 'exento';
type Kind = 'stockable' | 'consumable' | 'service';
/** sku, name, cost and list price in pesos, tax, bought by the box of (6 | 12), kind, base unit */
type Row = [string, string, number, number, Tax?, (6 | 12)?, Kind?, ('u' | 'kg' | 'h')?];

const CATALOG: Record<string, { parent?: string; rows: Row[] }> = {
  Almacén: { rows: [] },
  'Aceites y aderezos': {
    parent: 'Almacén',
    rows: [
      ['ALM-ACE-GIR-900', 'Aceite de girasol 900 ml', 1980, 2650, 'iva21', 12],
      ['ALM-ACE-GIR-1500', 'Aceite de girasol 1,5 L', 3150, 4190, 'iva21', 12],
      ['ALM-ACE-OLI-500', 'Aceite de oliva extra virgen 500 ml', 6900, 9450, 'iva21', 12],
      ['ALM-ACE-MEZ-1500', 'Aceite mezcla 1,5 L', 2750, 3690, 'iva21', 12],
      ['ALM-VIN-ALC-1000', 'Vinagre de alcohol 1 L', 720, 990, 'iva21', 12],
      ['ALM-MAY-500', 'Mayonesa 500 g', 1850, 2490, 'iva21', 12],
      ['ALM-KET-250', 'Ketchup 250 g', 1100, 1520, 'iva21', 12],
      ['ALM-MOS-250', 'Mostaza 250 g', 980, 1350, 'iva21', 12],
    ],
  },
  'Harinas y panificados': {
    parent: 'Almacén',
    rows: [
      ['ALM-HAR-000', 'Harina de trigo 000 1 kg', 690, 950, 'iva105', 12],
      ['ALM-HAR-0000', 'Harina de trigo 0000 1 kg', 760, 1040, 'iva105', 12],
      ['ALM-HAR-LEU', 'Harina leudante 1 kg', 980, 1330, 'iva105', 12],
      ['ALM-PRE-PIZ-500', 'Premezcla para pizza 500 g', 1150, 1590, 'iva105', 12],
      ['ALM-PAN-RAL-500', 'Pan rallado 500 g', 890, 1220, 'iva105', 12],
      ['ALM-GAL-AGU-300', 'Galletitas de agua 300 g', 1020, 1390, 'iva105', 12],
      ['ALM-GAL-DUL-400', 'Galletitas dulces surtidas 400 g', 1580, 2150, 'iva105', 12],
    ],
  },
  'Pastas, arroz y legumbres': {
    parent: 'Almacén',
    rows: [
      ['ALM-FID-SPA-500', 'Fideos spaghetti 500 g', 890, 1220, 'iva21', 12],
      ['ALM-FID-TIR-500', 'Fideos tirabuzón 500 g', 890, 1220, 'iva21', 12],
      ['ALM-FID-MOS-500', 'Fideos mostachol 500 g', 890, 1220, 'iva21', 12],
      ['ALM-ARR-LAR-1000', 'Arroz largo fino 1 kg', 1290, 1750, 'iva21', 12],
      ['ALM-ARR-CAR-1000', 'Arroz doble carolina 1 kg', 1490, 2020, 'iva21', 12],
      ['ALM-LEN-400', 'Lentejas secas 400 g', 1050, 1430, 'iva21', 12],
      ['ALM-POR-ALU-400', 'Porotos alubia 400 g', 1120, 1520, 'iva21', 12],
      ['ALM-GAR-400', 'Garbanzos 400 g', 1180, 1600, 'iva21', 12],
    ],
  },
  Infusiones: {
    parent: 'Almacén',
    rows: [
      ['ALM-YER-CP-1000', 'Yerba mate con palo 1 kg', 3350, 4490, 'iva21', 12],
      ['ALM-YER-SP-500', 'Yerba mate sin palo 500 g', 1990, 2690, 'iva21', 12],
      ['ALM-TE-NEG-50', 'Té negro x 50 saquitos', 1150, 1560, 'iva21', 12],
      ['ALM-MAT-COC-50', 'Mate cocido x 50 saquitos', 1390, 1890, 'iva21', 12],
      ['ALM-CAF-MOL-500', 'Café molido 500 g', 6200, 8390, 'iva21', 12],
      [
        'ALM-CAF-GRA-KG',
        'Café en grano tostado (por kg)',
        11800,
        15900,
        'iva21',
        undefined,
        'stockable',
        'kg',
      ],
      ['ALM-CAC-360', 'Cacao en polvo 360 g', 1750, 2390, 'iva21', 12],
    ],
  },
  'Azúcar y dulces': {
    parent: 'Almacén',
    rows: [
      ['ALM-AZU-1000', 'Azúcar común 1 kg', 990, 1350, 'iva21', 12],
      ['ALM-EDU-LIQ-200', 'Edulcorante líquido 200 ml', 1450, 1990, 'iva21', 12],
      ['ALM-DDL-400', 'Dulce de leche 400 g', 1680, 2290, 'iva21', 12],
      ['ALM-MER-DUR-454', 'Mermelada de durazno 454 g', 1520, 2070, 'iva21', 12],
      ['ALM-DUL-MEM-500', 'Dulce de membrillo 500 g', 1290, 1750, 'iva21', 12],
      ['ALM-MIE-500', 'Miel pura 500 g', 3100, 4190, 'iva21', 12],
    ],
  },
  Conservas: {
    parent: 'Almacén',
    rows: [
      ['ALM-TOM-TRI-520', 'Tomate triturado 520 g', 720, 990, 'iva21', 12],
      ['ALM-PUR-TOM-520', 'Puré de tomate 520 g', 690, 950, 'iva21', 12],
      ['ALM-ARV-350', 'Arvejas en lata 350 g', 590, 820, 'iva21', 12],
      ['ALM-CHO-350', 'Choclo amarillo en lata 350 g', 880, 1210, 'iva21', 12],
      ['ALM-ATU-170', 'Atún al natural 170 g', 2150, 2920, 'iva21', 12],
      ['ALM-DUR-ALM-820', 'Duraznos en almíbar 820 g', 2350, 3190, 'iva21', 12],
    ],
  },
  Lácteos: {
    parent: 'Almacén',
    rows: [
      ['ALM-LEC-ENT-1000', 'Leche entera 1 L', 1050, 1390, 'exento', 12],
      ['ALM-LEC-DES-1000', 'Leche descremada 1 L', 1090, 1450, 'exento', 12],
      ['ALM-CRE-200', 'Crema de leche 200 ml', 1350, 1850, 'iva21', 12],
      ['ALM-QUE-RAL-150', 'Queso rallado 150 g', 2450, 3330, 'iva21', 12],
    ],
  },
  Bebidas: { rows: [] },
  Gaseosas: {
    parent: 'Bebidas',
    rows: [
      ['BEB-GAS-COL-2250', 'Gaseosa cola 2,25 L', 2150, 2890, 'iva21', 6],
      ['BEB-GAS-COL-500', 'Gaseosa cola 500 ml', 890, 1250, 'iva21', 12],
      ['BEB-GAS-LIM-2250', 'Gaseosa lima-limón 2,25 L', 1990, 2690, 'iva21', 6],
      ['BEB-GAS-NAR-2250', 'Gaseosa naranja 2,25 L', 1990, 2690, 'iva21', 6],
      ['BEB-TON-1500', 'Agua tónica 1,5 L', 1490, 2020, 'iva21', 6],
      ['BEB-SOD-SIF-2000', 'Soda en sifón 2 L', 790, 1090, 'iva21', 6],
    ],
  },
  Aguas: {
    parent: 'Bebidas',
    rows: [
      ['BEB-AGU-SG-2000', 'Agua mineral sin gas 2 L', 780, 1090, 'iva21', 6],
      ['BEB-AGU-CG-1500', 'Agua mineral con gas 1,5 L', 820, 1150, 'iva21', 6],
      ['BEB-AGU-POM-1500', 'Agua saborizada pomelo 1,5 L', 1050, 1450, 'iva21', 6],
      ['BEB-BID-20L', 'Bidón de agua 20 L', 3900, 5290, 'iva21'],
    ],
  },
  Jugos: {
    parent: 'Bebidas',
    rows: [
      ['BEB-JUG-NAR-1000', 'Jugo de naranja exprimido 1 L', 1890, 2590, 'iva21', 12],
      ['BEB-JUG-POL-NAR', 'Jugo en polvo sabor naranja 18 g', 240, 350, 'iva21', 12],
      ['BEB-JUG-MAN-1000', 'Jugo de manzana 1 L', 1790, 2450, 'iva21', 12],
    ],
  },
  Cervezas: {
    parent: 'Bebidas',
    rows: [
      ['BEB-CER-RUB-473', 'Cerveza rubia lata 473 ml', 1150, 1590, 'iva21', 6],
      ['BEB-CER-NEG-473', 'Cerveza negra lata 473 ml', 1290, 1790, 'iva21', 6],
      ['BEB-CER-RUB-1000', 'Cerveza rubia 1 L retornable', 1690, 2290, 'iva21', 12],
      ['BEB-CER-IPA-500', 'Cerveza IPA artesanal 500 ml', 2300, 3150, 'iva21', 6],
    ],
  },
  Vinos: {
    parent: 'Bebidas',
    rows: [
      ['BEB-VIN-MAL-750', 'Vino tinto malbec 750 ml', 4200, 5790, 'iva21', 6],
      ['BEB-VIN-TOR-750', 'Vino blanco torrontés 750 ml', 3800, 5190, 'iva21', 6],
      ['BEB-VIN-CAB-750', 'Vino tinto cabernet sauvignon 750 ml', 4350, 5990, 'iva21', 6],
      ['BEB-VIN-ROS-750', 'Vino rosado 750 ml', 3500, 4790, 'iva21', 6],
      ['BEB-VIN-MES-1000', 'Vino tinto de mesa 1 L (tetra)', 1490, 2050, 'iva21', 12],
    ],
  },
  Aperitivos: {
    parent: 'Bebidas',
    rows: [
      ['BEB-FER-750', 'Fernet 750 ml', 9800, 13290, 'iva21', 6],
      ['BEB-APE-AMA-1000', 'Aperitivo amargo 1 L', 4900, 6650, 'iva21', 6],
    ],
  },
  Limpieza: { rows: [] },
  'Lavandinas y desinfectantes': {
    parent: 'Limpieza',
    rows: [
      ['LIM-LAV-1000', 'Lavandina 1 L', 690, 950, 'iva21', 12],
      ['LIM-LAV-2000', 'Lavandina 2 L', 1190, 1630, 'iva21', 6],
      ['LIM-LAV-GEL-700', 'Lavandina en gel 700 ml', 1350, 1850, 'iva21', 12],
      ['LIM-DES-AER-360', 'Desinfectante en aerosol 360 ml', 2650, 3590, 'iva21', 12],
      ['LIM-ALC-GEL-250', 'Alcohol en gel 250 ml', 1250, 1720, 'iva21', 12],
    ],
  },
  'Detergentes y limpiadores': {
    parent: 'Limpieza',
    rows: [
      ['LIM-DET-LIM-750', 'Detergente limón 750 ml', 1690, 2290, 'iva21', 12],
      ['LIM-DET-300', 'Detergente 300 ml', 790, 1090, 'iva21', 12],
      ['LIM-DET-CON-5L', 'Detergente concentrado 5 L', 6900, 9390, 'iva21', 6],
      ['LIM-LIM-CRE-750', 'Limpiador cremoso 750 ml', 1750, 2390, 'iva21', 12],
      ['LIM-LIM-MUL-900', 'Limpiador multiuso 900 ml', 1450, 1990, 'iva21', 12],
      ['LIM-LIM-PIS-900', 'Limpiador de pisos lavanda 900 ml', 1290, 1750, 'iva21', 12],
      ['LIM-LIM-VID-500', 'Limpiavidrios 500 ml', 1390, 1890, 'iva21', 12],
      ['LIM-DES-COC-500', 'Desengrasante de cocina 500 ml', 1890, 2590, 'iva21', 12],
    ],
  },
  'Cuidado de la ropa': {
    parent: 'Limpieza',
    rows: [
      ['LIM-JAB-POL-800', 'Jabón en polvo 800 g', 2450, 3330, 'iva21', 12],
      ['LIM-JAB-LIQ-3000', 'Jabón líquido para ropa 3 L', 6500, 8850, 'iva21', 6],
      ['LIM-SUA-900', 'Suavizante 900 ml', 1590, 2190, 'iva21', 12],
      ['LIM-QUI-450', 'Quitamanchas 450 ml', 2290, 3120, 'iva21', 12],
    ],
  },
  Papeles: {
    parent: 'Limpieza',
    rows: [
      ['LIM-PAP-HIG-4', 'Papel higiénico x 4 rollos 30 m', 1650, 2250, 'iva21', 12],
      ['LIM-ROL-COC-3', 'Rollo de cocina x 3', 1990, 2690, 'iva21', 12],
      ['LIM-SER-70', 'Servilletas x 70', 690, 950, 'iva21', 12],
      ['LIM-PAN-6', 'Pañuelos descartables x 6 paquetes', 890, 1220, 'iva21', 12],
    ],
  },
  'Accesorios de limpieza': {
    parent: 'Limpieza',
    rows: [
      ['LIM-ESP-DOB', 'Esponja doble faz', 320, 450, 'iva21', 12, 'consumable'],
      ['LIM-TRA-PIS', 'Trapo de piso', 850, 1190, 'iva21', 12, 'consumable'],
      ['LIM-GUA-LAT', 'Guantes de látex', 1150, 1590, 'iva21', 12, 'consumable'],
      ['LIM-BOL-RES-10', 'Bolsas de residuo 50x70 x 10', 590, 820, 'iva21', 12, 'consumable'],
      ['LIM-ESC-PLA', 'Escoba plástica', 2450, 3390, 'iva21', 6],
      ['LIM-SEC-40', 'Secador de piso 40 cm', 2150, 2950, 'iva21', 6],
    ],
  },
  Perfumería: {
    rows: [
      ['PER-JAB-TOC-90', 'Jabón de tocador 90 g', 590, 820, 'iva21', 12],
      ['PER-JAB-MAN-250', 'Jabón líquido para manos 250 ml', 1350, 1850, 'iva21', 12],
      ['PER-SHA-400', 'Shampoo 400 ml', 2850, 3890, 'iva21', 12],
      ['PER-ACO-400', 'Acondicionador 400 ml', 2850, 3890, 'iva21', 12],
      ['PER-PAS-DEN-90', 'Pasta dental 90 g', 1390, 1890, 'iva21', 12],
    ],
  },
  Servicios: {
    rows: [
      ['SRV-FLE-CABA', 'Flete a domicilio (CABA)', 0, 6500, 'iva21', undefined, 'service'],
      ['SRV-ARM-GON', 'Armado de góndola (por hora)', 0, 9800, 'iva21', undefined, 'service', 'h'],
      [
        'SRV-CAP-ALI',
        'Capacitación en manipulación de alimentos',
        0,
        45000,
        'exento',
        undefined,
        'service',
      ],
    ],
  },
};

const VARIANTS: Record<string, { attribute: string; values: string[] }> = {
  'LIM-ESP-DOB': { attribute: 'color', values: ['verde', 'amarillo', 'azul'] },
  'LIM-TRA-PIS': { attribute: 'color', values: ['gris', 'blanco'] },
  'LIM-GUA-LAT': { attribute: 'talle', values: ['S', 'M', 'L'] },
  'PER-JAB-MAN-250': { attribute: 'aroma', values: ['lavanda', 'limón', 'avena'] },
};

/** EAN-13 of the demo company's range: prefix 779 (Argentina), then a sequence. */
function ean13(sequence: number): string {
  const body = `7791234${String(sequence).padStart(5, '0')}`;
  const sum = [...body].reduce((t, d, i) => t + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}
const pesos = (n: number): string => `${n}.00`;
/** A price less a whole percentage, in whole pesos (seed data, not arithmetic on money). */
const less = (n: number, percent: number): string => pesos(Math.round((n * (100 - percent)) / 100));

/**
 * `installTaxes` installs the company's country pack (its IVA table, `iva21`, `iva105`,
 * `exento`, …; nothing when the company has them already): the demo items name those codes.
 */
export async function seedDemoCatalog(
  tx: Tx,
  tenantId: string,
  installTaxes: () => Promise<unknown>,
): Promise<boolean> {
  const [existing] = await tx
    .select({ id: units.id })
    .from(units)
    .where(eq(units.tenantId, tenantId))
    .limit(1);
  if (existing) return false;

  const unitIds = { u: newId(), caja6: newId(), caja12: newId(), kg: newId(), h: newId() };
  await tx.insert(units).values([
    { tenantId, id: unitIds.u, code: 'u', name: 'Unidad' },
    { tenantId, id: unitIds.caja6, code: 'caja6', name: 'Caja x 6' },
    { tenantId, id: unitIds.caja12, code: 'caja12', name: 'Caja x 12' },
    { tenantId, id: unitIds.kg, code: 'kg', name: 'Kilogramo' },
    { tenantId, id: unitIds.h, code: 'h', name: 'Hora' },
  ]);
  await installTaxes();
  const taxCodes: Tax[] = ['iva21', 'iva105', 'exento'];
  const taxRows = await tx
    .select({ id: taxRates.id, code: taxRates.code })
    .from(taxRates)
    .where(and(eq(taxRates.tenantId, tenantId), inArray(taxRates.code, taxCodes)));
  const taxIds = Object.fromEntries(taxRows.map((r) => [r.code, r.id])) as Record<Tax, string>;
  if (taxCodes.some((code) => !taxIds[code])) throw new Error('The demo taxes are missing');
  const categoryIds = Object.fromEntries(Object.keys(CATALOG).map((name) => [name, newId()]));
  await tx.insert(categories).values(
    Object.entries(CATALOG).map(([name, { parent }]) => ({
      tenantId,
      id: categoryIds[name] as string,
      parentId: parent ? (categoryIds[parent] as string) : null,
      name,
    })),
  );

  const itemRows: (typeof items.$inferInsert)[] = [];
  const conversionRows: (typeof itemUnitConversions.$inferInsert)[] = [];
  const variantRows: (typeof itemVariants.$inferInsert)[] = [];
  const prices: { id: string; price: number; goods: boolean; beverage: boolean }[] = [];
  let sequence = 0;
  for (const [category, { parent, rows }] of Object.entries(CATALOG)) {
    for (const [
      sku,
      name,
      cost,
      price,
      tax = 'iva21',
      box,
      kind = 'stockable',
      unit = 'u',
    ] of rows) {
      const id = newId();
      const goods = kind !== 'service';
      const boxUnit = box === 6 ? unitIds.caja6 : box === 12 ? unitIds.caja12 : null;
      const variant = VARIANTS[sku];
      itemRows.push({
        tenantId,
        id,
        kind,
        name,
        sku,
        barcode: goods && !variant ? ean13(++sequence) : null,
        categoryId: categoryIds[category],
        unitId: unitIds[unit],
        purchaseUnitId: boxUnit,
        cost: goods ? pesos(cost) : null,
        listPrice: pesos(price),
        salesTaxId: taxIds[tax],
        purchaseTaxId: goods ? taxIds[tax] : null,
        variantAttributes: variant ? [variant.attribute] : [],
      });
      if (boxUnit)
        conversionRows.push({
          tenantId,
          id: newId(),
          itemId: id,
          unitId: boxUnit,
          factor: String(box),
        });
      for (const value of variant?.values ?? []) {
        variantRows.push({
          tenantId,
          id: newId(),
          itemId: id,
          sku: `${sku}-${value.toUpperCase().slice(0, 3)}`,
          barcode: ean13(++sequence),
          attributes: { [variant?.attribute as string]: value },
        });
      }
      prices.push({ id, price, goods, beverage: parent === 'Bebidas' });
    }
  }
  await tx.insert(items).values(itemRows);
  await tx.insert(itemUnitConversions).values(conversionRows);
  await tx.insert(itemVariants).values(variantRows);

  const general = newId();
  const wholesale = newId();
  await tx.insert(priceLists).values([
    { tenantId, id: general, name: 'Lista general', currency: 'ARS' },
    {
      tenantId,
      id: wholesale,
      name: 'Mayoristas',
      currency: 'ARS',
      customerGroup: 'mayorista',
    },
  ]);
  const rule = (
    priceListId: string,
    itemId: string,
    minQuantity: string,
    amount: { price: string } | { discountPercent: string },
  ): typeof priceListRules.$inferInsert => ({
    tenantId,
    id: newId(),
    priceListId,
    itemId,
    minQuantity,
    kind: 'price' in amount ? 'fixed' : 'discount',
    ...amount,
  });
  await tx.insert(priceListRules).values(
    prices.flatMap(({ id, price, goods, beverage }) => [
      // The general list: the list price, 5% less for drinks by the dozen.
      rule(general, id, '0', { price: pesos(price) }),
      ...(beverage ? [rule(general, id, '12', { price: less(price, 5) })] : []),
      // Wholesale: off the list price, more by the box and by the pallet's worth.
      ...(goods
        ? [
            rule(wholesale, id, '0', { discountPercent: '8' }),
            rule(wholesale, id, '12', { discountPercent: '12' }),
            rule(wholesale, id, '120', { discountPercent: '15' }),
          ]
        : []),
    ]),
  );
  return true;
}
