import { POSTING_PURPOSES, type AccountType, type PostingPurpose } from '@nexo/contracts/accounts';
import { describe, expect, it } from 'vitest';
import type { ChartAccount } from './chart-template.js';
import { CHART_TEMPLATES, chartFor } from './chart-templates.js';

/** The account types a purpose's default account may have. */
const FITTING: Record<PostingPurpose, readonly AccountType[]> = {
  receivable: ['receivable'],
  payable: ['payable'],
  cash: ['cash'],
  bank: ['bank'],
  sales: ['income'],
  sales_returns: ['income'],
  exchange_gain: ['income'],
  purchases: ['expense'],
  cogs: ['expense'],
  stock_adjustment: ['expense'],
  exchange_loss: ['expense'],
  rounding: ['expense'],
  stock: ['asset'],
  tax_input: ['asset'],
  withholding_suffered: ['asset'],
  cheques_portfolio: ['asset'],
  advances_suppliers: ['asset'],
  production: ['asset'],
  tax_output: ['liability'],
  withholding_applied: ['liability'],
  grni: ['liability'],
  advances_customers: ['liability'],
  retained_earnings: ['equity'],
};

describe.each(Object.entries(CHART_TEMPLATES))('the %s chart template', (key, chart) => {
  const byCode = new Map<string, ChartAccount>(chart.accounts.map((a) => [a.code, a]));

  it('is keyed by its country', () => {
    expect(chart.country).toBe(key);
  });

  it('has unique codes', () => {
    const codes = chart.accounts.map((a) => a.code);
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
  });

  it('names only existing headings as parents', () => {
    const bad = chart.accounts.filter(
      (a) => a.parent !== undefined && !byCode.get(a.parent)?.heading,
    );
    expect(bad.map((a) => `${a.code} → ${a.parent ?? ''}`)).toEqual([]);
  });

  it('has no cycles: every account reaches a root', () => {
    for (const account of chart.accounts) {
      const seen = new Set<string>();
      let at: ChartAccount | undefined = account;
      while (at?.parent !== undefined) {
        expect(seen.has(at.code), `cycle through ${at.code}`).toBe(false);
        seen.add(at.code);
        at = byCode.get(at.parent);
      }
    }
  });

  it('gives every heading at least one child', () => {
    const parents = new Set(chart.accounts.map((a) => a.parent));
    const empty = chart.accounts.filter((a) => a.heading && !parents.has(a.code));
    expect(empty.map((a) => a.code)).toEqual([]);
  });

  it('maps every posting purpose to a leaf account of a fitting type', () => {
    expect(Object.keys(chart.defaults).sort()).toEqual([...POSTING_PURPOSES].sort());
    for (const purpose of POSTING_PURPOSES) {
      const account = byCode.get(chart.defaults[purpose]);
      expect(account, `${purpose}: ${chart.defaults[purpose]} is not in the chart`).toBeDefined();
      expect(account?.heading ?? false, `${purpose}: ${account?.code ?? ''} is a heading`).toBe(
        false,
      );
      expect(FITTING[purpose], `${purpose}: ${account?.code ?? ''}`).toContain(account?.type);
    }
  });

  it('holds a chart of a usable size', () => {
    expect(chart.accounts.length).toBeGreaterThanOrEqual(40);
    expect(chart.accounts.length).toBeLessThanOrEqual(80);
  });
});

describe('chartFor', () => {
  it("returns the country's template", () => {
    expect(chartFor('AR').country).toBe('AR');
    expect(chartFor('es').country).toBe('ES');
  });

  it('falls back to the generic template', () => {
    expect(chartFor('XX').country).toBe('*');
    expect(chartFor(null).country).toBe('*');
    expect(chartFor(undefined).country).toBe('*');
    expect(chartFor('').country).toBe('*');
  });
});
