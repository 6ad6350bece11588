'use client';
import { Anchor, Badge } from '@mantine/core';
import type { ListRow } from '@nexo/api-client';
import { useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import { DataTable, PageHeader, type DataColumn } from '@nexo/ui';
import Link from 'next/link';
import { api, listQuery } from '../../../../lib/api';
import { useMoney } from '../../../../lib/company';

type Item = ListRow<'/api/v1/catalog/items'>;

/** Items; cost and margin columns exist only for roles that may read them. */
export function ItemList() {
  const { t } = useI18n();
  const money = useMoney();
  const canCost = useCan('read', 'catalog.item', 'cost');
  const columns: DataColumn<Item>[] = [
    {
      key: 'name',
      header: t('common.name'),
      sortable: true,
      render: (i) => (
        <Anchor component={Link} href={`/catalog/items/${i.id}`} fw={600}>
          {i.name}
        </Anchor>
      ),
    },
    { key: 'sku', header: t('item.sku'), sortable: true, render: (i) => <code>{i.sku}</code> },
    {
      key: 'kind',
      header: t('common.kind'),
      render: (i) => (i.kind ? t(`item.kind.${i.kind}`) : ''),
    },
    {
      key: 'listPrice',
      header: t('item.listPrice'),
      numeric: true,
      render: (i) => money(i.listPrice, i.currency),
    },
    ...(canCost
      ? [
          {
            key: 'cost',
            header: t('item.cost'),
            numeric: true,
            render: (i: Item) => money(i.cost, i.currency),
          },
        ]
      : []),
    {
      key: 'status',
      header: t('common.status'),
      render: (i) => (
        <Badge variant="light" color={i.status === 'active' ? 'teal' : 'gray'}>
          {i.status ? t(`item.status.${i.status}`) : ''}
        </Badge>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('item.title')} />
      <DataTable
        load={(query) => api.GET('/api/v1/catalog/items', { params: { query: listQuery(query) } })}
        id="items"
        label={t('item.title')}
        rowKey={(i) => i.id}
        defaultSort="name"
        filters={[
          {
            key: 'kind',
            label: t('common.kind'),
            options: (['stockable', 'consumable', 'service'] as const).map((k) => ({
              value: k,
              label: t(`item.kind.${k}`),
            })),
          },
        ]}
        columns={columns}
      />
    </>
  );
}
