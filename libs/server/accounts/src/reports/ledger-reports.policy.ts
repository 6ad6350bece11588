import { type Decimal, decimal, decimalString } from '@nexo/utils';

/** Bucket labels for limits [30, 60, 90]: current, 1-30, 31-60, 61-90, 91+. */
export function bucketLabels(limits: readonly number[]): string[] {
  const labels = ['current'];
  let from = 1;
  for (const limit of limits) {
    labels.push(`${from}-${limit}`);
    from = limit + 1;
  }
  labels.push(`${from}+`);
  return labels;
}

/** Strictly increasing positive day limits from `30,60,90`; null when they are not. */
export function parseBuckets(raw: string | undefined): number[] | null {
  const limits = (raw ?? '30,60,90').split(',').map(Number);
  const ok = limits.every(
    (n, i) => Number.isInteger(n) && n > 0 && (i === 0 || n > limits[i - 1]!),
  );
  return ok ? limits : null;
}

export const sum = (values: readonly string[]): Decimal =>
  values.reduce((total, v) => total.plus(v), decimal('0'));

export const sumString = (values: readonly string[]): string => decimalString(sum(values));

/** Which way an account type's balance reads as positive in a statement. */
export function naturalSign(type: string): 1 | -1 {
  return ['asset', 'receivable', 'bank', 'cash', 'expense'].includes(type) ? 1 : -1;
}
