'use client';
import { Anchor, Group, Select } from '@mantine/core';
import type { components } from '@nexo/api-client';
import { sumDecimals, useI18n } from '@nexo/i18n';
import { useApiQuery } from '@nexo/ui';
import { IconDownload } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, listQuery } from '../../../lib/api';

export type Account = components['schemas']['Account'];
export type AccountType = Account['type'];
export type Journal = components['schemas']['Journal'];

/** Receivable and payable lines name their party. */
export const PARTY_TYPES: readonly AccountType[] = ['receivable', 'payable'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const isDay = (value: string | null | undefined): value is string =>
  Boolean(value && DAY.test(value));

/** Today as a calendar day in the reader's zone (`2026-12-07`). */
export function today(): string {
  return dayOf(new Date());
}

/** A Date as a calendar day in the reader's zone. */
export function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The first day of the month of a day (`2026-12-07` → `2026-12-01`). */
export const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;
/** The first day of the year of a day (`2026-12-07` → `2026-01-01`). */
export const yearStart = (day: string): string => `${day.slice(0, 4)}-01-01`;

/** Whole days from `from` to `to` (calendar days; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const at = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
  return Math.round((at(to) - at(from)) / 86_400_000);
}

// Exact decimal strings (the API's amounts): tests on their digits, never a float.
const DECIMAL = /^-?\d+(\.\d+)?$/;
export const isDecimal = (value: string | null | undefined): value is string =>
  Boolean(value && DECIMAL.test(value.trim()));
export const isZero = (value: string | null | undefined): boolean =>
  !value || /^-?0*(\.0*)?$/.test(value);
export const isNegative = (value: string | null | undefined): boolean =>
  Boolean(value?.startsWith('-')) && !isZero(value);
export const negate = (value: string): string =>
  isZero(value) ? '0' : value.startsWith('-') ? value.slice(1) : `-${value}`;
export const absolute = (value: string): string => (value.startsWith('-') ? value.slice(1) : value);
/** The exact sum of the decimal strings given (blank or invalid ones count as nothing). */
export const total = (values: readonly (string | null | undefined)[]): string =>
  sumDecimals(values.filter(isDecimal).map((v) => v.trim()));

/**
 * Every account of the chart, by code (read page after page: a chart may hold several
 * hundred accounts, and a person picks from all of them).
 */
export function useAccounts() {
  const query = useApiQuery('accounts:chart', async () => {
    const items: Account[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 25; page++) {
      const answer = await api.GET('/api/v1/accounts/accounts', {
        params: { query: listQuery({ limit: '200', sort: 'code', ...(cursor ? { cursor } : {}) }) },
      });
      if (!answer.data) return { error: answer.error };
      items.push(...answer.data.items);
      if (!answer.data.nextCursor) break;
      cursor = answer.data.nextCursor;
    }
    return { data: items };
  });
  const items = useMemo(() => query.data ?? [], [query.data]);
  const byId = useMemo(() => new Map(items.map((a) => [a.id, a])), [items]);
  const label = useCallback(
    (id: string | null | undefined) => {
      const a = id ? byId.get(id) : undefined;
      return a ? `${a.code} · ${a.name}` : '';
    },
    [byId],
  );
  /** The accounts that take entries (not headings, active), of some types or all. */
  const options = useCallback(
    (types?: readonly AccountType[]) =>
      items
        .filter((a) => !a.heading && a.active && (!types || types.includes(a.type)))
        .map((a) => ({ value: a.id, label: `${a.code} · ${a.name}` })),
    [items],
  );
  return {
    items,
    byId,
    label,
    options,
    loaded: query.data !== undefined,
    problem: query.problem,
    reload: query.reload,
  };
}

/** Pick an account that takes entries, by typing part of its code or name. */
export function AccountPicker(props: {
  accounts: ReturnType<typeof useAccounts>;
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  types?: readonly AccountType[];
  error?: string | undefined;
  required?: boolean;
  w?: number | string;
  withHeadings?: boolean;
}) {
  const { t } = useI18n();
  const data = props.withHeadings
    ? props.accounts.items
        .filter((a) => !props.types || props.types.includes(a.type))
        .map((a) => ({ value: a.id, label: `${a.code} · ${a.name}` }))
    : props.accounts.options(props.types);
  return (
    <Select
      label={props.label}
      placeholder={t('common.searchPlaceholder')}
      searchable
      clearable
      data={data}
      value={props.value}
      onChange={props.onChange}
      nothingFoundMessage={t('common.noResults')}
      error={props.error}
      required={props.required}
      w={props.w}
      limit={50}
    />
  );
}

/** The company's journals. */
export function useJournals() {
  const query = useApiQuery('accounts:journals', () => api.GET('/api/v1/accounts/journals'));
  const items = useMemo(() => query.data?.items ?? [], [query.data]);
  const options = items.map((j) => ({ value: j.id, label: `${j.code} · ${j.name}` }));
  const name = (id: string | null | undefined) => {
    const j = items.find((x) => x.id === id);
    return j ? `${j.code} · ${j.name}` : '';
  };
  return { items, options, name, problem: query.problem };
}

export type ExportReport =
  'trial-balance' | 'general-ledger' | 'aging' | 'profit-and-loss' | 'balance-sheet';

/** The report's CSV and XLSX downloads, with the query it is shown with. */
export function ExportLinks(props: {
  report: ExportReport;
  query: Record<string, string | undefined>;
}) {
  const { t } = useI18n();
  const href = (format: 'csv' | 'xlsx') => {
    const params = new URLSearchParams({ format });
    for (const [key, value] of Object.entries(props.query)) if (value) params.set(key, value);
    return `/api/v1/accounts/reports/${props.report}/export?${params.toString()}`;
  };
  return (
    <Group gap="md">
      <Anchor href={href('csv')} size="sm" download>
        <Group gap={4} component="span">
          <IconDownload size={14} aria-hidden />
          {t('accounts.downloadCsv')}
        </Group>
      </Anchor>
      <Anchor href={href('xlsx')} size="sm" download>
        <Group gap={4} component="span">
          <IconDownload size={14} aria-hidden />
          {t('accounts.downloadXlsx')}
        </Group>
      </Anchor>
    </Group>
  );
}

/** Right-aligned table cells for amounts. */
export const RIGHT = { textAlign: 'right' } as const;

const partyNames = new Map<string, Promise<string | undefined>>();
/** A party's name, read once per page (the parties list filters by no id: one read each). */
function loadPartyName(id: string): Promise<string | undefined> {
  let found = partyNames.get(id);
  if (!found) {
    found = api
      .GET('/api/v1/crm/parties/{id}', { params: { path: { id } } })
      .then(({ data }) => data?.name ?? undefined)
      .catch(() => undefined);
    partyNames.set(id, found);
  }
  return found;
}

/** The names of the parties these ids name, as they arrive. */
export function usePartyNames(ids: readonly (string | null | undefined)[]) {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(ids.filter((id): id is string => Boolean(id)))].sort().join(',');
  useEffect(() => {
    let live = true;
    for (const id of key ? key.split(',') : [])
      void loadPartyName(id).then((name) => {
        if (live && name) setNames((current) => ({ ...current, [id]: name }));
      });
    return () => {
      live = false;
    };
  }, [key]);
  return (id: string | null | undefined): string => (id ? (names[id] ?? '') : '');
}
