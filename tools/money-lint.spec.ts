import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * ADR 0016's lint rules, proven: a money-named field never becomes a float (`Number()`,
 * `parseFloat`, unary `+`), and only @nexo/utils imports decimal.js. Only those two rules run,
 * without type information.
 */
const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [tseslint.configs.disableTypeChecked],
  ruleFilter: ({ ruleId }) =>
    ruleId === 'no-restricted-syntax' || ruleId === 'no-restricted-imports',
});

async function errors(code: string, from = 'libs/server/catalog/src/money-lint.ts') {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, from) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('money lint', () => {
  // The first lint loads the configuration and its plugins: seconds on two busy cores.
  beforeAll(() => errors('export {};\n'), 60_000);

  it('refuses Number() on a money field', async () => {
    const found = await errors(
      'declare const item: { listPrice: string };\nexport const twice = Number(item.listPrice) * 2;\n',
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('no-restricted-syntax');
    expect(found[0]).toContain('Money is not a number');
  });

  it('refuses parseFloat, unary + and Number on money-named fields and variables', async () => {
    const code = [
      'declare const o: { amount: string; creditLimit: string; unitPrice?: string; discountPercent: string };',
      'declare const grandTotal: string;',
      'export const a = parseFloat(o.amount);',
      'export const b = +o.creditLimit;',
      'export const c = Number(o?.unitPrice);',
      'export const d = Number.parseFloat(o.discountPercent);',
      "export const e = Number(o['amount']);",
      'export const f = Number(grandTotal);',
      'export const g = parseInt(o.unitPrice!, 10);',
    ].join('\n');
    const found = await errors(code, 'apps/portal-employees/src/money-lint.tsx');
    expect(found).toHaveLength(7);
    expect(found.every((m) => m.startsWith('no-restricted-syntax'))).toBe(true);
  });

  it('leaves numbers that are not money alone', async () => {
    const code = [
      'declare const row: { position: string; totalCount: string; taxId: string; priceListId: string; rateLimit: string };',
      'declare const match: string[]; declare const network: string; declare const planet: string;',
      'export const n = [Number(row.position), +row.totalCount, Number(match[1]), Number(network)];',
      'export const m = [Number(planet), Number(row.taxId), parseInt(row.priceListId, 10), Number(row.rateLimit)];',
      'export const k = Number(process.env.PORT);',
    ].join('\n');
    expect(await errors(code)).toEqual([]);
  });

  it('lets only @nexo/utils import decimal.js', async () => {
    const code = "import Decimal from 'decimal.js';\nexport const d = new Decimal('1');\n";
    for (const from of [
      'libs/server/crm/src/uses-decimal.ts',
      'libs/shared/commerce/src/uses-decimal.ts',
      'apps/portal-employees/src/uses-decimal.tsx',
    ]) {
      const found = await errors(code, from);
      expect(found).toHaveLength(1);
      expect(found[0]).toContain('no-restricted-imports');
      expect(found[0]).toContain('use Money, Quantity or decimal() from @nexo/utils');
    }
    expect(await errors(code, 'libs/shared/utils/src/money/uses-decimal.ts')).toEqual([]);
  });
});
