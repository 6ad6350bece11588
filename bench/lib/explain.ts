import type pg from 'pg';

/** EXPLAIN (ANALYZE, BUFFERS) as the app role in the company: the plan and one line about it. */
export async function explain(
  admin: pg.Client,
  tenantId: string,
  statement: string,
  values: unknown[],
  options: { jit?: boolean } = {},
) {
  await admin.query('begin');
  try {
    await admin.query('set local role nexo_app');
    if (options.jit === false) await admin.query('set local jit = off');
    await admin.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    const { rows } = await admin.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${statement}`,
      values,
    );
    const lines = rows.map((r) => r['QUERY PLAN']);
    const text = lines.join('\n');
    const rowsOut = /actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(text)?.[1] ?? '?';
    const buffers = /Buffers: shared hit=(\d+)(?: read=(\d+))?/.exec(text);
    const execution = /Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? '?';
    return {
      summary: `${rowsOut} rows, ${Number(buffers?.[1] ?? 0) + Number(buffers?.[2] ?? 0)} buffers, ${execution} ms`,
      plan: lines,
    };
  } finally {
    await admin.query('rollback');
  }
}
