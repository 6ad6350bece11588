/**
 * One bounded prune: a statement deleting at most `$2` rows of `table` that match `where`
 * (which reads `$1`, a number of days), found first and deleted by their `key`, answering how
 * many went as `n`. Each call is its own short statement, so a large backlog never holds its
 * row locks for long; the caller repeats while batches come back full. `table`, `key` and
 * `where` are the caller's constants, never input.
 */
export function batchDeleteSql(table: string, key: readonly string[], where: string): string {
  return `with doomed as (
    select ${key.join(', ')} from ${table} where ${where} limit $2::int
  ), gone as (
    delete from ${table} t using doomed d where ${key.map((k) => `t.${k} = d.${k}`).join(' and ')}
    returning 1
  )
  select count(*)::int as n from gone`;
}
