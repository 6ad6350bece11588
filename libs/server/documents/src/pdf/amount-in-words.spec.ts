import { describe, expect, it } from 'vitest';
import { amountInWords, integerInWords } from './amount-in-words.js';
import { afipQrJson, afipQrUrl } from './ar-invoice-qr.js';

describe('amountInWords, Spanish', () => {
  const es = (amount: string, currency = 'ARS') => amountInWords(amount, currency, 'es');

  it('writes the brief’s example the way invoices print it', () => {
    expect(es('1234.50')).toBe('SON PESOS UN MIL DOSCIENTOS TREINTA Y CUATRO CON 50/100');
  });

  it('handles the edge cases of the language', () => {
    expect(es('0')).toBe('SON PESOS CERO CON 00/100');
    expect(es('1')).toBe('SON PESOS UNO CON 00/100');
    expect(es('21')).toBe('SON PESOS VEINTIUNO CON 00/100');
    expect(es('100')).toBe('SON PESOS CIEN CON 00/100');
    expect(es('101')).toBe('SON PESOS CIENTO UNO CON 00/100');
    expect(es('1000')).toBe('SON PESOS UN MIL CON 00/100');
    expect(es('1001')).toBe('SON PESOS UN MIL UNO CON 00/100');
    expect(es('1000000')).toBe('SON PESOS UN MILLÓN CON 00/100');
    expect(es('21000000.05')).toBe('SON PESOS VEINTIÚN MILLONES CON 05/100');
    expect(es('0.5')).toBe('SON PESOS CERO CON 50/100');
  });

  it('shortens a group before MIL and MILLONES, not at the end', () => {
    expect(integerInWords('21000', 'es')).toBe('VEINTIÚN MIL');
    expect(integerInWords('31031', 'es')).toBe('TREINTA Y UN MIL TREINTA Y UNO');
    expect(integerInWords('101000000', 'es')).toBe('CIENTO UN MILLONES');
    expect(integerInWords('2500000', 'es')).toBe('DOS MILLONES QUINIENTOS MIL');
    expect(integerInWords('1000000000', 'es')).toBe('UN MIL MILLONES');
    expect(integerInWords('1000000000000', 'es')).toBe('UN BILLÓN');
    expect(integerInWords('16', 'es')).toBe('DIECISÉIS');
    expect(integerInWords('22', 'es')).toBe('VEINTIDÓS');
    expect(integerInWords('515', 'es')).toBe('QUINIENTOS QUINCE');
    expect(integerInWords('999999999999999', 'es')).toBe(
      'NOVECIENTOS NOVENTA Y NUEVE BILLONES ' +
        'NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE MILLONES ' +
        'NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE',
    );
  });

  it('names the currency and follows its minor unit', () => {
    expect(es('10', 'EUR')).toBe('SON EUROS DIEZ CON 00/100');
    expect(es('1500', 'CLP')).toBe('SON PESOS CHILENOS UN MIL QUINIENTOS');
    expect(es('7.125', 'KWD')).toBe('SON KWD SIETE CON 125/1000');
  });
});

describe('amountInWords, English', () => {
  const en = (amount: string, currency = 'USD') => amountInWords(amount, currency, 'en');

  it('handles the same edge cases', () => {
    expect(en('0')).toBe('SAY US DOLLARS ZERO AND 00/100');
    expect(en('1')).toBe('SAY US DOLLARS ONE AND 00/100');
    expect(en('21')).toBe('SAY US DOLLARS TWENTY-ONE AND 00/100');
    expect(en('100')).toBe('SAY US DOLLARS ONE HUNDRED AND 00/100');
    expect(en('101')).toBe('SAY US DOLLARS ONE HUNDRED ONE AND 00/100');
    expect(en('1000')).toBe('SAY US DOLLARS ONE THOUSAND AND 00/100');
    expect(en('1001')).toBe('SAY US DOLLARS ONE THOUSAND ONE AND 00/100');
    expect(en('1000000')).toBe('SAY US DOLLARS ONE MILLION AND 00/100');
    expect(en('21000000.05')).toBe('SAY US DOLLARS TWENTY-ONE MILLION AND 05/100');
    expect(en('1234.50', 'ARS')).toBe(
      'SAY ARGENTINE PESOS ONE THOUSAND TWO HUNDRED THIRTY-FOUR AND 50/100',
    );
    expect(integerInWords('1000000000', 'en')).toBe('ONE BILLION');
    expect(integerInWords('999999999999999', 'en')).toBe(
      'NINE HUNDRED NINETY-NINE TRILLION NINE HUNDRED NINETY-NINE BILLION ' +
        'NINE HUNDRED NINETY-NINE MILLION NINE HUNDRED NINETY-NINE THOUSAND ' +
        'NINE HUNDRED NINETY-NINE',
    );
  });
});

describe('amountInWords refuses', () => {
  it('negative amounts, numbers in disguise and unrounded amounts', () => {
    for (const language of ['es', 'en'] as const) {
      expect(() => amountInWords('-1.00', 'ARS', language)).toThrow(RangeError);
      expect(() => amountInWords('-0', 'ARS', language)).toThrow(RangeError);
      expect(() => amountInWords('1e3', 'ARS', language)).toThrow(RangeError);
      expect(() => amountInWords('1,000.00', 'ARS', language)).toThrow(RangeError);
      expect(() => amountInWords(' 1', 'ARS', language)).toThrow(RangeError);
      expect(() => amountInWords('1.005', 'ARS', language)).toThrow(/minor unit/);
      expect(() => amountInWords('1000000000000000', 'ARS', language)).toThrow(/too large/);
    }
  });
});

describe('afipQrUrl (RG 4892)', () => {
  const fields = {
    date: '2026-12-07',
    cuit: '30-71234567-8',
    pointOfSale: 3,
    voucherType: 1,
    voucherNumber: 42,
    amount: '214984.95',
    currency: 'PES',
    rate: '1.000000',
    receiverDocType: 80,
    receiverDocNumber: '30-70987654-3',
    authorizationType: 'E' as const,
    authorizationCode: '76123456789012',
  };

  it('carries the voucher’s fields, amounts as exact JSON numbers, in base64', () => {
    const json =
      '{"ver":1,"fecha":"2026-12-07","cuit":30712345678,"ptoVta":3,"tipoCmp":1,' +
      '"nroCmp":42,"importe":214984.95,"moneda":"PES","ctz":1,"tipoDocRec":80,' +
      '"nroDocRec":30709876543,"tipoCodAut":"E","codAut":76123456789012}';
    expect(afipQrJson(fields)).toBe(json);
    const url = afipQrUrl(fields);
    expect(url.startsWith('https://www.afip.gob.ar/fe/qr/?p=')).toBe(true);
    const payload = url.slice('https://www.afip.gob.ar/fe/qr/?p='.length);
    expect(Buffer.from(payload, 'base64').toString('utf8')).toBe(json);
    expect(JSON.parse(json)).toMatchObject({ importe: 214984.95, cuit: 30712345678 });
  });

  it('refuses malformed fields', () => {
    expect(() => afipQrJson({ ...fields, amount: '10.005' })).toThrow(/decimals/);
    expect(() => afipQrJson({ ...fields, amount: '-1' })).toThrow(/negative/);
    expect(() => afipQrJson({ ...fields, cuit: '307123456789' })).toThrow(/cuit/);
    expect(() => afipQrJson({ ...fields, currency: 'pesos' })).toThrow(/currency/);
    expect(() => afipQrJson({ ...fields, date: '07/12/2026' })).toThrow(/date/);
  });
});
