import { describe, expect, it } from 'vitest';
import { taxShapeProblems } from '../taxes/tax.js';
import {
  AR_PACK,
  AR_TAX_CONDITIONS,
  argentineInvoiceLetter,
  formatArgentineInvoiceNumber,
  formatPointOfSale,
  isPointOfSale,
  parseArgentineInvoiceNumber,
  type ArgentineInvoiceLetter,
} from './ar.pack.js';
import { CL_PACK } from './cl.pack.js';
import { TAX_CONDITION_PATTERN } from './country-pack.js';
import { COUNTRY_PACKS, countryPack, taxConditionProblem } from './country-packs.js';
import { ES_PACK, recargoFor, withRecargo } from './es.pack.js';
import { GENERIC_PACK } from './generic.pack.js';
import { MX_PACK, mexicanWithholdings } from './mx.pack.js';

const ALL = [...Object.values(COUNTRY_PACKS), GENERIC_PACK];
const codes = (pack: { taxes: readonly { code: string }[] }) => pack.taxes.map((t) => t.code);

describe('country packs', () => {
  it.each(ALL.map((p) => [p.country, p] as const))(
    '%s: every tax passes taxShapeProblems, codes are unique and catalog-shaped',
    (_, pack) => {
      for (const tax of pack.taxes)
        expect([tax.code, taxShapeProblems(tax)]).toEqual([tax.code, []]);
      expect(new Set(codes(pack)).size).toBe(pack.taxes.length);
      for (const code of codes(pack)) expect(code).toMatch(/^[a-z0-9][a-z0-9._-]{0,19}$/);
      for (const c of pack.taxConditions) expect(c.code).toMatch(TAX_CONDITION_PATTERN);
      expect(pack.currency).toMatch(/^[A-Z]{3}$/);
    },
  );

  it('finds a pack by country, any case, and falls back to the generic pack', () => {
    expect(countryPack('AR')).toBe(AR_PACK);
    expect(countryPack('es')).toBe(ES_PACK);
    expect(countryPack('MX')).toBe(MX_PACK);
    expect(countryPack('CL')).toBe(CL_PACK);
    expect(countryPack('UY')).toBe(GENERIC_PACK);
    expect(countryPack(null)).toBe(GENERIC_PACK);
    expect(codes(GENERIC_PACK)).toEqual(['sin_impuesto']);
  });

  it('starts each country with its taxes and currency', () => {
    expect(codes(AR_PACK)).toEqual([
      'iva21',
      'iva105',
      'iva27',
      'iva0',
      'exento',
      'no_gravado',
      'iibb_percepcion',
    ]);
    expect(AR_PACK.taxes.find((t) => t.code === 'iibb_percepcion')).toMatchObject({
      kind: 'perception',
      threshold: '50000',
      inactive: true,
    });
    expect(codes(ES_PACK)).toEqual([
      'iva21',
      'iva10',
      'iva4',
      'exento',
      're52',
      're14',
      're05',
      'irpf15',
      'irpf7',
    ]);
    expect(ES_PACK.taxes.filter((t) => t.kind === 'withholding').map((t) => t.rate)).toEqual([
      '15',
      '7',
    ]);
    expect(codes(MX_PACK)).toEqual(['iva16', 'iva8', 'iva0', 'exento', 'ret_iva', 'ret_isr']);
    expect(codes(CL_PACK)).toEqual(['iva19', 'exento']);
    expect(ALL.map((p) => p.currency)).toEqual(['ARS', 'EUR', 'MXN', 'CLP', 'USD']);
  });

  it('checks tax ids with the country rules', () => {
    expect(AR_PACK.checkTaxId('30-71234567-1').valid).toBe(true);
    expect(AR_PACK.checkTaxId('30-71234567-2').valid).toBe(false);
    expect(ES_PACK.checkTaxId('12345678Z').valid).toBe(true);
    expect(MX_PACK.checkTaxId('GODE561231GR8').valid).toBe(true);
    expect(CL_PACK.checkTaxId('12.345.678-5').valid).toBe(true);
    expect(GENERIC_PACK.checkTaxId('ab-12').valid).toBe(true);
  });

  it('accepts only the country’s tax conditions', () => {
    expect(taxConditionProblem('AR', 'monotributo')).toBeNull();
    expect(taxConditionProblem('AR', null)).toBeNull();
    expect(taxConditionProblem('AR', 'persona_moral')).toMatch(/Not a tax condition of AR/);
    expect(taxConditionProblem('MX', 'persona_moral')).toBeNull();
    expect(taxConditionProblem('ES', 'monotributo')).toMatch(/ES has no tax conditions/);
    expect(taxConditionProblem('UY', 'monotributo')).toMatch(/This country has no/);
    expect(AR_PACK.taxConditions.map((c) => c.code)).toEqual([...AR_TAX_CONDITIONS]);
  });
});

describe('Argentina', () => {
  const RI = 'responsable_inscripto';
  const MT = 'monotributo';
  const EX = 'exento';
  const CF = 'consumidor_final';
  const NC = 'sujeto_no_categorizado';
  const FX = 'cliente_exterior';
  const table: [string | null, string | null, ArgentineInvoiceLetter | null][] = [
    [RI, RI, 'A'],
    [RI, MT, 'A'], // RG 5003 (2021)
    [RI, EX, 'B'],
    [RI, CF, 'B'],
    [RI, NC, 'B'],
    [RI, null, 'B'],
    [RI, FX, 'E'],
    [MT, RI, 'C'],
    [MT, MT, 'C'],
    [MT, CF, 'C'],
    [MT, FX, 'E'],
    [EX, RI, 'C'],
    [EX, CF, 'C'],
    [EX, FX, 'E'],
    [CF, RI, null],
    [NC, CF, null],
    [null, RI, null],
  ];
  it.each(table)(
    'an issuer %s invoices a receiver %s with letter %s',
    (issuer, receiver, letter) => {
      expect(argentineInvoiceLetter(issuer, receiver)).toBe(letter);
    },
  );

  it('numbers points of sale 1–99999, printed as 5 digits, and invoices 00001-00000001', () => {
    expect([0, 1, 99_999, 100_000, 1.5].map(isPointOfSale)).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(formatPointOfSale(1)).toBe('00001');
    expect(formatPointOfSale(99_999)).toBe('99999');
    expect(() => formatPointOfSale(0)).toThrow(RangeError);
    expect(formatArgentineInvoiceNumber(1, 1)).toBe('00001-00000001');
    expect(formatArgentineInvoiceNumber(12, 345)).toBe('00012-00000345');
    expect(() => formatArgentineInvoiceNumber(1, 100_000_000)).toThrow(RangeError);
    expect(parseArgentineInvoiceNumber('00012-00000345')).toEqual({ pointOfSale: 12, number: 345 });
    expect(parseArgentineInvoiceNumber('00000-00000001')).toBeNull();
    expect(parseArgentineInvoiceNumber('A-1')).toBeNull();
  });
});

describe('Spain', () => {
  const tax = (code: string, kind: string, rate: string) => ({ code, kind, rate });
  const IVA21 = tax('iva21', 'vat', '21');
  const IVA10 = tax('iva10', 'vat', '10');
  const IVA4 = tax('iva4', 'vat', '4');
  const EXENTO = tax('exento', 'exempt', '0');
  const company = ES_PACK.taxes.map((t) => tax(t.code, t.kind, t.rate));

  it('pairs each IVA rate with its recargo de equivalencia', () => {
    expect(recargoFor('21')).toMatchObject({ code: 're52', rate: '5.2', kind: 'other' });
    expect(recargoFor('21.000000')).toMatchObject({ code: 're52' });
    expect(recargoFor('10')).toMatchObject({ code: 're14', rate: '1.4' });
    expect(recargoFor('4')).toMatchObject({ code: 're05', rate: '0.5' });
    expect(recargoFor('0')).toBeNull();
    expect(recargoFor('16')).toBeNull();
  });

  it('adds the recargo to a line only for a party in the regime', () => {
    const retailer = { recargoEquivalencia: true };
    expect(withRecargo([IVA21], retailer, company).map((t) => t.code)).toEqual(['iva21', 're52']);
    expect(withRecargo([IVA10], retailer, company).map((t) => t.code)).toEqual(['iva10', 're14']);
    expect(withRecargo([IVA4], retailer, company).map((t) => t.code)).toEqual(['iva4', 're05']);
    expect(withRecargo([EXENTO], retailer, company).map((t) => t.code)).toEqual(['exento']);
    expect(withRecargo([IVA21], { recargoEquivalencia: false }, company)).toEqual([IVA21]);
    expect(withRecargo([IVA21], {}, company)).toEqual([IVA21]);
    // Not twice, and not when the company has no such tax.
    const re52 = company.find((t) => t.code === 're52')!;
    expect(withRecargo([IVA21, re52], retailer, company)).toEqual([IVA21, re52]);
    expect(withRecargo([IVA21], retailer, [IVA21])).toEqual([IVA21]);
  });
});

describe('Mexico', () => {
  it.each([
    ['persona_fisica', 'persona_moral', true, ['ret_iva', 'ret_isr']],
    ['persona_fisica', 'persona_moral', false, []],
    ['persona_moral', 'persona_moral', true, []],
    ['persona_fisica', 'persona_fisica', true, []],
    [null, 'persona_moral', true, []],
  ] as const)(
    'a %s providing to a %s (services: %s) is withheld %j',
    (provider, receiver, services, codes) => {
      expect(mexicanWithholdings(provider, receiver, services)).toEqual(codes);
    },
  );

  it('withholds two thirds of the IVA and 10 % ISR', () => {
    const rate = (code: string) => MX_PACK.taxes.find((t) => t.code === code)?.rate;
    expect([rate('ret_iva'), rate('ret_isr')]).toEqual(['10.6667', '10']);
  });
});
