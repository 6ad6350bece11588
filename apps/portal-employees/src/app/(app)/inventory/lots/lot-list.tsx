'use client';
import { Anchor, Group, TextInput } from '@mantine/core';
import type { components } from '@nexo/api-client';
import { codeLabel, useI18n } from '@nexo/i18n';
import { DataTable, PageHeader, type DataColumn } from '@nexo/ui';
import Link from 'next/link';
import { useState } from 'react';
import { api, listQuery } from '../../../../lib/api';
import { ItemName, ItemPicker } from '../../../../components/inventory/stock-lookups';

type Lot = components['schemas']['Lot'];

/** Lots and serial numbers, first-expiring first; each opens where it came from and went. */
export function LotList() {
  const { t, f } = useI18n();
  const [itemId, setItemId] = useState<string | null>(null);
  const [before, setBefore] = useState('');
  const filters: Record<string, string> = {
    ...(itemId ? { itemId } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(before) ? { 'expiresOn.lt': before } : {}),
  };
  const columns: DataColumn<Lot>[] = [
    {
      key: 'code',
      header: t('inventory.lot.code'),
      render: (l) => (
        <Anchor component={Link} href={`/inventory/lots/${l.id}`}>
          {l.code}
        </Anchor>
      ),
    },
    { key: 'item', header: t('inventory.item'), render: (l) => <ItemName id={l.itemId} /> },
    {
      key: 'tracking',
      header: t('inventory.lot.tracking'),
      render: (l) => (l.tracking ? codeLabel(t, 'inventory.lot.tracking', l.tracking) : ''),
    },
    {
      key: 'expiresOn',
      header: t('inventory.lot.expiresOn'),
      render: (l) => (l.expiresOn ? f.date(l.expiresOn) : ''),
    },
  ];
  return (
    <>
      <PageHeader title={t('inventory.lots')} />
      <Group mb="md" align="flex-end">
        <ItemPicker label={t('inventory.item')} value={itemId} onChange={setItemId} w={320} />
        <TextInput
          type="date"
          label={t('inventory.lot.expiringBefore')}
          value={before}
          onChange={(e) => setBefore(e.currentTarget.value)}
          w={200}
        />
      </Group>
      <DataTable
        key={JSON.stringify(filters)}
        load={(query) =>
          api.GET('/api/v1/inventory/lots', {
            params: { query: listQuery({ sort: 'expiresOn', ...query, ...filters }) },
          })
        }
        id="inventory-lots"
        label={t('inventory.lots')}
        rowKey={(l) => l.id}
        columns={columns}
      />
    </>
  );
}
