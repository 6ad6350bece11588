/** Milliseconds with two decimals, as the results files keep them. */
export const round = (ms: number) => Number(ms.toFixed(2));

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** Runs, median, p95 and mean of a series of timings. */
export const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    runs: times.length,
    medianMs: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    meanMs: round(times.reduce((a, b) => a + b, 0) / Math.max(1, times.length)),
  };
};

/** Milliseconds since `since` (a `performance.now()`). */
export const elapsed = (since: number) => round(performance.now() - since);
