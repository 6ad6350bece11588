import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * No currency is assumed in the portal or the web libraries: an amount is in its record's
 * currency, else the company's (`useMoney`, `useCompanyCurrency`). An ISO 4217 code written
 * as a string literal in their sources fails here. Specs are exempt (their data), and so is
 * the one list that is data: the currencies a company may pick from.
 */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SOURCES = ['apps/portal-employees/src', 'libs/web'];
const OFFERED_FILE = 'apps/portal-employees/src/app/(app)/admin/company/company-options.ts';
const OFFERED_LIST = /export const CURRENCIES = \[[^\]]*\] as const;/;

const CODES = new Set(Intl.supportedValuesOf('currency'));

/** `'ARS'`, `"USD"`, `` `EUR` ``: each literal that is exactly a currency code, with its line. */
function currencyLiterals(source: string): { line: number; code: string }[] {
  const found: { line: number; code: string }[] = [];
  for (const match of source.matchAll(/(['"`])([A-Z]{3})\1/g)) {
    const code = match[2]!;
    if (!CODES.has(code)) continue;
    found.push({ line: source.slice(0, match.index).split('\n').length, code });
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory())
      return ['node_modules', 'dist', '.next'].includes(entry.name) ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

describe('currencies in the portal', () => {
  it('are found in any quotes', () => {
    expect(
      currencyLiterals(`a\nconst c = 'ARS';\nf("USD", \`EUR\`, 'ars', 'XYZW', 'ABC')`),
    ).toEqual([
      { line: 2, code: 'ARS' },
      { line: 3, code: 'USD' },
      { line: 3, code: 'EUR' },
    ]);
  });

  it('are never assumed: no currency code is written in the sources', () => {
    const files = SOURCES.flatMap(sourceFiles);
    expect(files).toContain(OFFERED_FILE);
    const found = files.flatMap((file) => {
      let source = readFileSync(path.join(ROOT, file), 'utf8');
      if (file === OFFERED_FILE) {
        expect(source).toMatch(OFFERED_LIST);
        source = source.replace(OFFERED_LIST, (list) => list.replace(/[^\n]/g, ' '));
      }
      return currencyLiterals(source).map((hit) => `${file}:${hit.line} '${hit.code}'`);
    });
    expect(found).toEqual([]);
  });
});
