'use client';
import type { ProblemLike } from '@nexo/i18n';
import { useCallback, useEffect, useRef, useState } from 'react';

/** What an openapi-fetch call answers: data on success, the problem+json in `error`. */
export interface ApiAnswer<T> {
  data?: T;
  error?: unknown;
  response?: Response;
}

export interface QueryState<T> {
  data: T | undefined;
  /** undefined while there is none; null for a failure without a problem body (network). */
  problem: ProblemLike | null | undefined;
  loading: boolean;
  reload: () => void;
  /** Replace the data locally (optimistic updates); `reload` brings the server's back. */
  setData: (update: (current: T | undefined) => T | undefined) => void;
}

export const asProblem = (error: unknown): ProblemLike | null =>
  error && typeof error === 'object' ? error : null;

/**
 * Runs `load` now and whenever `key` changes; keeps the last answer while the next loads
 * (no flicker when paging or sorting), and ignores answers that arrive out of order.
 */
export function useApiQuery<T>(
  key: string | null,
  load: () => Promise<ApiAnswer<T>>,
): QueryState<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [problem, setProblem] = useState<ProblemLike | null | undefined>(undefined);
  const [loading, setLoading] = useState(key !== null);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    if (key === null) return;
    const run = ++latest.current;
    setLoading(true);
    loader
      .current()
      .then((answer) => {
        if (run !== latest.current) return;
        if (answer.data !== undefined) {
          setDataState(answer.data);
          setProblem(undefined);
        } else setProblem(asProblem(answer.error));
      })
      .catch(() => run === latest.current && setProblem(null))
      .finally(() => run === latest.current && setLoading(false));
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const setData = useCallback(
    (update: (current: T | undefined) => T | undefined) => setDataState(update),
    [],
  );
  return { data, problem, loading, reload, setData };
}
