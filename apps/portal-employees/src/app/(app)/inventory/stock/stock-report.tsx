'use client';
import { Anchor, Button, Group, Select, TextInput } from '@mantine/core';
import type { components } from '@nexo/api-client';
import { useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import { DataTable, PageHeader, type DataColumn } from '@nexo/ui';
import Link from 'next/link';
import { useState } from 'react';
import { api } from '../../../../lib/api';
import {
  ItemName,
  ItemPicker,
  LotLabel,
  useLocations,
  useQuantity,
  useWarehouses,
} from '../../../../components/inventory/stock-lookups';

type StockLine = components['schemas']['StockLine'];

/**
 * Stock on hand by location, item and lot (with its expiry): now, or at the end of a past
 * day. Filters: warehouse, location (and under it), item. Value only for who sees costs.
 */
export function StockReport(props: {
  itemId: string | null;
  warehouseId: string | null;
  locationId: string | null;
}) {
  const { t, f } = useI18n();
  const qty = useQuantity();
  const canCost = useCan('read', 'inventory.stock', 'value');
  const warehouses = useWarehouses();
  const [warehouseId, setWarehouseId] = useState<string | null>(props.warehouseId);
  const locations = useLocations(warehouseId);
  const [locationId, setLocationId] = useState<string | null>(props.locationId);
  const [itemId, setItemId] = useState<string | null>(props.itemId);
  const [date, setDate] = useState('');
  const [currency, setCurrency] = useState<string | null>(null);
  const filters = {
    ...(warehouseId ? { warehouseId } : {}),
    ...(locationId ? { locationId } : {}),
    ...(itemId ? { itemId } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(date) ? { date } : {}),
  };
  const columns: DataColumn<StockLine>[] = [
    {
      key: 'location',
      header: t('inventory.location'),
      render: (l) => <code>{l.locationPath}</code>,
    },
    {
      key: 'item',
      header: t('inventory.item'),
      render: (l) => (
        <Anchor component={Link} href={`/inventory/kardex?itemId=${l.itemId}`}>
          <ItemName id={l.itemId} />
        </Anchor>
      ),
    },
    { key: 'lot', header: t('inventory.lot.code'), render: (l) => <LotLabel id={l.lotId} /> },
    {
      key: 'quantity',
      header: t('inventory.quantity'),
      numeric: true,
      render: (l) => qty(l.quantity),
    },
    ...(canCost
      ? [
          {
            key: 'unitCost',
            header: t('inventory.unitCost'),
            numeric: true,
            render: (l: StockLine) => (l.unitCost ? f.money(l.unitCost, currency) : ''),
          },
          {
            key: 'value',
            header: t('inventory.value'),
            numeric: true,
            render: (l: StockLine) => (l.value !== undefined ? f.money(l.value, currency) : ''),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={t('inventory.stockOnHand')}
        subtitle={date ? t('inventory.stockAt', { date: f.date(date) }) : t('inventory.stockNow')}
        actions={
          <Button
            component="a"
            variant="default"
            href={`/api/v1/inventory/reports/stock/export.csv?${new URLSearchParams(filters).toString()}`}
          >
            {t('table.export')}
          </Button>
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <Select
          label={t('inventory.warehouse')}
          placeholder={t('common.all')}
          data={warehouses.options}
          value={warehouseId}
          onChange={(v) => {
            setWarehouseId(v);
            setLocationId(null);
          }}
          clearable
          w={220}
        />
        <Select
          label={t('inventory.location')}
          placeholder={t('common.all')}
          data={locations.options}
          value={locationId}
          onChange={setLocationId}
          clearable
          searchable
          w={220}
        />
        <ItemPicker label={t('inventory.item')} value={itemId} onChange={setItemId} w={300} />
        <TextInput
          type="date"
          label={t('inventory.atDate')}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          w={180}
        />
      </Group>
      <DataTable
        key={JSON.stringify(filters)}
        load={async (query) => {
          const answer = await api.GET('/api/v1/inventory/reports/stock', {
            params: {
              query: {
                ...filters,
                limit: query.limit,
                ...(query.cursor ? { cursor: query.cursor } : {}),
              },
            },
          });
          if (answer.data) setCurrency(answer.data.currency);
          return answer;
        }}
        id="inventory-stock"
        label={t('inventory.stockOnHand')}
        rowKey={(l) => `${l.locationId}:${l.itemId}:${l.variantId ?? ''}:${l.lotId ?? ''}`}
        searchable={false}
        columns={columns}
      />
    </>
  );
}
