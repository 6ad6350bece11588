/**
 * Tax identifiers by country: normalization (no separators, upper case) and check digits.
 * Shared with the portals so a form can say "wrong check digit" before it is sent.
 */
export type TaxIdCheck = { valid: true; normalized: string } | { valid: false; reason: string };

const normalize = (raw: string): string => raw.replace(/[\s.\-/]/g, '').toUpperCase();
const digits = (s: string): number[] => [...s].map(Number);

/** Argentina, CUIT/CUIL: 11 digits, known prefix, mod-11 check digit. */
function cuit(id: string): string | null {
  if (!/^\d{11}$/.test(id)) return 'A CUIT has 11 digits';
  if (!['20', '23', '24', '25', '26', '27', '30', '33', '34'].includes(id.slice(0, 2)))
    return 'Unknown CUIT prefix';
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const d = digits(id);
  const sum = weights.reduce((acc, w, i) => acc + w * (d[i] ?? 0), 0);
  const mod = 11 - (sum % 11);
  const check = mod === 11 ? 0 : mod;
  return check === 10 || check !== d[10] ? 'Wrong CUIT check digit' : null;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spain: NIF (DNI), NIE and CIF. */
function spain(id: string): string | null {
  if (/^\d{8}[A-Z]$/.test(id)) {
    return DNI_LETTERS[Number(id.slice(0, 8)) % 23] === id[8] ? null : 'Wrong NIF letter';
  }
  if (/^[XYZ]\d{7}[A-Z]$/.test(id)) {
    const n = Number(`${'XYZ'.indexOf(id[0] ?? '')}${id.slice(1, 8)}`);
    return DNI_LETTERS[n % 23] === id[8] ? null : 'Wrong NIE letter';
  }
  if (/^[ABCDEFGHJNPQRSUVW]\d{7}[0-9A-J]$/.test(id)) {
    const body = digits(id.slice(1, 8));
    let sum = 0;
    body.forEach((n, i) => {
      if (i % 2 === 1) sum += n;
      else {
        const doubled = n * 2;
        sum += Math.floor(doubled / 10) + (doubled % 10);
      }
    });
    const control = (10 - (sum % 10)) % 10;
    const letter = 'JABCDEFGHI'[control];
    const given = id[8] ?? '';
    const first = id[0] ?? '';
    const ok = 'PQRSNW'.includes(first)
      ? given === letter
      : 'ABEH'.includes(first)
        ? given === String(control)
        : given === letter || given === String(control);
    return ok ? null : 'Wrong CIF control character';
  }
  return 'Not a NIF, NIE or CIF';
}

/** Mexico, RFC: 3 (company) or 4 (person) letters, a valid yymmdd date, 3-character homoclave. */
function mexico(id: string): string | null {
  const match = /^([A-ZÑ&]{3,4})(\d{2})(\d{2})(\d{2})([A-Z0-9]{3})$/.exec(id);
  if (!match) return 'An RFC is 3 or 4 letters, a date (yymmdd) and 3 characters';
  const month = Number(match[3]);
  const day = Number(match[4]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return 'The RFC date is not valid';
  return null;
}

/** Chile, RUT: digits and a mod-11 check character (0–9 or K). */
function chile(id: string): string | null {
  if (!/^\d{7,8}[0-9K]$/.test(id)) return 'A RUT is 7 or 8 digits and a check character';
  const body = digits(id.slice(0, -1)).reverse();
  const sum = body.reduce((acc, n, i) => acc + n * ((i % 6) + 2), 0);
  const mod = 11 - (sum % 11);
  const expected = mod === 11 ? '0' : mod === 10 ? 'K' : String(mod);
  return expected === id.at(-1) ? null : 'Wrong RUT check character';
}

const VALIDATORS: Record<string, (id: string) => string | null> = {
  AR: cuit,
  ES: spain,
  MX: mexico,
  CL: chile,
};

/** Validates a tax id for a country (ISO 3166-1 alpha-2); other countries: 3–30 letters/digits. */
export function checkTaxId(country: string, raw: string): TaxIdCheck {
  const normalized = normalize(raw);
  const validator = VALIDATORS[country];
  const reason = validator
    ? validator(normalized)
    : /^[A-Z0-9]{3,30}$/.test(normalized)
      ? null
      : 'A tax id is 3 to 30 letters and digits';
  return reason ? { valid: false, reason } : { valid: true, normalized };
}
