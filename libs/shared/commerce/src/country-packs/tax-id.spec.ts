import { describe, expect, it } from 'vitest';
import { checkTaxId } from './tax-id.js';

describe('tax ids by country', () => {
  it('checks the Argentine CUIT check digit and prefix', () => {
    expect(checkTaxId('AR', '20-12345678-6')).toEqual({ valid: true, normalized: '20123456786' });
    expect(checkTaxId('AR', '30-71234567-1').valid).toBe(true);
    expect(checkTaxId('AR', '30712345672')).toMatchObject({ reason: 'Wrong CUIT check digit' });
    expect(checkTaxId('AR', '30-50001091-2').valid).toBe(true);
    expect(checkTaxId('AR', '99-12345678-6')).toMatchObject({ reason: 'Unknown CUIT prefix' });
    expect(checkTaxId('AR', '2012345678')).toMatchObject({ reason: 'A CUIT has 11 digits' });
  });

  it('checks Spanish NIF, NIE and CIF', () => {
    expect(checkTaxId('ES', '12345678Z')).toEqual({ valid: true, normalized: '12345678Z' });
    expect(checkTaxId('ES', '12345678A').valid).toBe(false);
    expect(checkTaxId('ES', 'X1234567L').valid).toBe(true);
    expect(checkTaxId('ES', 'X1234567A').valid).toBe(false);
    expect(checkTaxId('ES', 'B-12345674').valid).toBe(true);
    expect(checkTaxId('ES', 'B12345675').valid).toBe(false);
    expect(checkTaxId('ES', 'P1234567D').valid).toBe(true);
    expect(checkTaxId('ES', 'P12345674').valid).toBe(false);
  });

  it('checks the Mexican RFC format and date', () => {
    expect(checkTaxId('MX', 'GODE561231GR8').valid).toBe(true);
    expect(checkTaxId('MX', 'ABC680524P76').valid).toBe(true);
    expect(checkTaxId('MX', 'ABC681324P76')).toMatchObject({ reason: 'The RFC date is not valid' });
    expect(checkTaxId('MX', 'AB1680524P76').valid).toBe(false);
  });

  it('checks the Chilean RUT check character, K included', () => {
    expect(checkTaxId('CL', '12.345.678-5')).toEqual({ valid: true, normalized: '123456785' });
    expect(checkTaxId('CL', '12.345.678-4').valid).toBe(false);
    expect(checkTaxId('CL', '15.772.222-K').valid).toBe(false);
    expect(checkTaxId('CL', '1000005-K').valid).toBe(true);
  });

  it('accepts a plain alphanumeric id elsewhere', () => {
    expect(checkTaxId('US', '12-3456789')).toEqual({ valid: true, normalized: '123456789' });
    expect(checkTaxId('US', '1').valid).toBe(false);
  });
});
