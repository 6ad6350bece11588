'use client';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { components } from '@nexo/api-client';
import { codeLabel, useI18n } from '@nexo/i18n';
import { useApiQuery } from '@nexo/ui';
import { Quantity } from '@nexo/utils';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, listQuery } from '../../lib/api';

export type Warehouse = components['schemas']['Warehouse'];
export type Location = components['schemas']['Location'];
type Item = components['schemas']['Item'];

/** The company's warehouses (up to 200: a list a person picks from). */
export function useWarehouses() {
  const query = useApiQuery('inventory:warehouses', () =>
    api.GET('/api/v1/inventory/warehouses', {
      params: { query: listQuery({ limit: '200', sort: 'code' }) },
    }),
  );
  const items = useMemo(() => query.data?.items ?? [], [query.data]);
  const options = items.map((w) => ({ value: w.id, label: `${w.code} · ${w.name ?? ''}` }));
  const name = (id: string | null | undefined) => {
    const w = items.find((x) => x.id === id);
    return w ? `${w.code} · ${w.name ?? ''}` : '';
  };
  return { items, options, name, problem: query.problem, reload: query.reload };
}

/**
 * Locations by path (the internal ones of a warehouse when one is named, every one the
 * company has otherwise: the virtual ones too), up to 200.
 */
export function useLocations(warehouseId?: string | null) {
  const { t } = useI18n();
  const query = useApiQuery(`inventory:locations:${warehouseId ?? ''}`, () =>
    api.GET('/api/v1/inventory/locations', {
      params: {
        query: listQuery({
          limit: '200',
          sort: 'path',
          ...(warehouseId ? { warehouseId } : {}),
        }),
      },
    }),
  );
  const items = useMemo(() => query.data?.items ?? [], [query.data]);
  const label = useCallback(
    (id: string | null | undefined) => {
      const l = items.find((x) => x.id === id);
      if (!l) return '';
      return l.kind && l.kind !== 'internal'
        ? codeLabel(t, 'inventory.location.kind', l.kind)
        : (l.path ?? l.code ?? '');
    },
    [items, t],
  );
  const internal = items.filter((l) => l.kind === 'internal');
  const options = internal.map((l) => ({ value: l.id, label: l.path ?? l.code ?? l.id }));
  return { items, internal, options, label, reload: query.reload, problem: query.problem };
}

/**
 * Records a screen names by id only, read in batches: the ids asked for in one render go in
 * one list request (`id.in`, up to 100 a request), and each is kept for the page's life.
 */
function batchedLoader<T extends { id: string }>(
  fetchPage: (ids: string[]) => Promise<readonly T[] | undefined>,
) {
  const cache = new Map<string, Promise<T | undefined>>();
  let waiting = new Map<string, (found: T | undefined) => void>();
  const flush = () => {
    const batch = waiting;
    waiting = new Map();
    const ids = [...batch.keys()];
    for (let at = 0; at < ids.length; at += 100) {
      const chunk = ids.slice(at, at + 100);
      void fetchPage(chunk).then(
        (rows) => {
          const byId = new Map((rows ?? []).map((r) => [r.id, r]));
          for (const id of chunk) batch.get(id)?.(byId.get(id));
        },
        () => {
          for (const id of chunk) batch.get(id)?.(undefined);
        },
      );
    }
  };
  return (id: string): Promise<T | undefined> => {
    let found = cache.get(id);
    if (!found) {
      found = new Promise<T | undefined>((resolve) => {
        if (waiting.size === 0) queueMicrotask(flush);
        waiting.set(id, resolve);
      });
      cache.set(id, found);
    }
    return found;
  };
}

const loadItem = batchedLoader<Item>((ids) =>
  api
    .GET('/api/v1/catalog/items', {
      params: { query: listQuery({ 'id.in': ids.join(','), limit: '100' }) },
    })
    .then(({ data }) => data?.items),
);

/** `sku · name` of the items these ids name, as they arrive. */
export function useItemNames(ids: readonly (string | null | undefined)[]) {
  const [items, setItems] = useState<Record<string, Item>>({});
  const key = [...new Set(ids.filter((id): id is string => Boolean(id)))].sort().join(',');
  useEffect(() => {
    let live = true;
    for (const id of key ? key.split(',') : []) {
      void loadItem(id).then((item) => {
        if (live && item) setItems((current) => ({ ...current, [id]: item }));
      });
    }
    return () => {
      live = false;
    };
  }, [key]);
  const name = (id: string | null | undefined) => {
    const item = id ? items[id] : undefined;
    return item ? `${item.sku ?? ''} · ${item.name ?? ''}` : '';
  };
  return { items, name };
}

type Lot = components['schemas']['Lot'];
const loadLot = batchedLoader<Lot>((ids) =>
  api
    .GET('/api/v1/inventory/lots', {
      params: { query: listQuery({ 'id.in': ids.join(','), limit: '100' }) },
    })
    .then(({ data }) => data?.items),
);

/** The lots these ids name (code, expiry), as they arrive. */
export function useLots(ids: readonly (string | null | undefined)[]) {
  const [lots, setLots] = useState<Record<string, Lot>>({});
  const key = [...new Set(ids.filter((id): id is string => Boolean(id)))].sort().join(',');
  useEffect(() => {
    let live = true;
    for (const id of key ? key.split(',') : [])
      void loadLot(id).then((lot) => {
        if (live && lot) setLots((current) => ({ ...current, [id]: lot }));
      });
    return () => {
      live = false;
    };
  }, [key]);
  return (id: string | null | undefined): Lot | undefined => (id ? lots[id] : undefined);
}

/** Quantities as stored, grouped for the reader's language, up to six decimals, exact. */
export function useQuantity(): (value: string | null | undefined) => string {
  const { f } = useI18n();
  const format = useMemo(
    () =>
      new Intl.NumberFormat(f.locale === 'es' ? 'es-AR' : 'en-US', { maximumFractionDigits: 6 }),
    [f.locale],
  );
  // Intl reads a decimal string exactly (no float).
  return useCallback(
    (value) =>
      value ? format.format(Quantity.of(value, 'u').toString() as unknown as number) : '',
    [format],
  );
}

/** Pick a stock item by typing part of its name, SKU or barcode (ten at a time). */
export function ItemPicker(props: {
  label: string;
  value: string | null;
  onChange: (id: string | null, item?: Item) => void;
  error?: string | undefined;
  required?: boolean;
  w?: number | string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [found, setFound] = useState<Item[]>([]);
  useEffect(() => {
    let live = true;
    void api
      .GET('/api/v1/catalog/items', {
        params: {
          query: listQuery({ q: q || undefined, limit: '10', sort: 'name', kind: 'stockable' }),
        },
      })
      .then(({ data }) => {
        if (!live || !data) return;
        setFound((current) => {
          const selected = current.filter((i) => i.id === props.value);
          return [...selected, ...data.items.filter((i) => i.id !== props.value)];
        });
      });
    return () => {
      live = false;
    };
  }, [q, props.value]);
  return (
    <Select
      label={props.label}
      placeholder={t('common.searchPlaceholder')}
      searchable
      clearable
      w={props.w}
      data={found.map((i) => ({ value: i.id, label: `${i.sku ?? ''} · ${i.name ?? ''}` }))}
      value={props.value}
      onChange={(id) =>
        props.onChange(
          id,
          found.find((i) => i.id === id),
        )
      }
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={t('common.noResults')}
      error={props.error}
      required={props.required}
    />
  );
}

/** A lot or serial of an item (the item's lots, first-expiring first). */
export function LotPicker(props: {
  itemId: string | null;
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
  error?: string | undefined;
}) {
  const { f } = useI18n();
  const lots = useApiQuery(props.itemId ? `inventory:lots:${props.itemId}` : null, () =>
    api.GET('/api/v1/inventory/lots', {
      params: {
        query: listQuery({ limit: '100', sort: 'expiresOn', itemId: props.itemId ?? undefined }),
      },
    }),
  );
  const options = (lots.data?.items ?? []).map((l) => ({
    value: l.id,
    label: l.expiresOn ? `${l.code ?? ''} (${f.date(l.expiresOn)})` : (l.code ?? l.id),
  }));
  if (!options.length && !props.value) return null;
  return (
    <Select
      label={props.label}
      data={options}
      value={props.value}
      onChange={props.onChange}
      clearable
      searchable
      error={props.error}
    />
  );
}

/** Today as a calendar day in the reader's zone (`2026-12-07`). */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An item's `sku · name`, read once per page (a cell of a stock table). */
export function ItemName(props: { id: string | null | undefined }) {
  const { name } = useItemNames([props.id]);
  return <>{name(props.id)}</>;
}

/** A lot's code and expiry (a cell of a stock table). */
export function LotLabel(props: { id: string | null | undefined }) {
  const { t, f } = useI18n();
  const lot = useLots([props.id])(props.id);
  if (!props.id) return null;
  if (!lot) return <>…</>;
  return (
    <>
      <code>{lot.code}</code>
      {lot.expiresOn ? ` · ${t('inventory.lot.expires', { date: f.date(lot.expiresOn) })}` : ''}
    </>
  );
}
