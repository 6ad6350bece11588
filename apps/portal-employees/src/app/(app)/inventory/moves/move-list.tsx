'use client';
import { Anchor, Button, Group, Text } from '@mantine/core';
import type { components } from '@nexo/api-client';
import { codeLabel, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import { DataTable, PageHeader, type DataColumn } from '@nexo/ui';
import Link from 'next/link';
import { useState } from 'react';
import { ConfirmDialog } from '../../../../components/inventory/confirm-dialog';
import { api, listQuery } from '../../../../lib/api';
import { useMoney } from '../../../../lib/company';
import {
  ItemName,
  ItemPicker,
  LotLabel,
  useLocations,
  useQuantity,
} from '../../../../components/inventory/stock-lookups';

type Move = components['schemas']['StockMove'];

/** The stock ledger, newest first: every posted move, by item; costs for who may read them. */
export function MoveList() {
  const { t, f } = useI18n();
  const qty = useQuantity();
  const money = useMoney();
  const canCost = useCan('read', 'inventory.stock', 'value');
  const canReverse = useCan('update', 'inventory.stock');
  const [reversing, setReversing] = useState<Move | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const locations = useLocations();
  const [itemId, setItemId] = useState<string | null>(null);
  const filters: Record<string, string> = itemId ? { itemId } : {};
  const columns: DataColumn<Move>[] = [
    { key: 'effectiveDate', header: t('inventory.date'), render: (m) => f.date(m.effectiveDate) },
    {
      key: 'item',
      header: t('inventory.item'),
      render: (m) => (
        <Anchor component={Link} href={`/inventory/kardex?itemId=${m.itemId}`}>
          <ItemName id={m.itemId} />
        </Anchor>
      ),
    },
    { key: 'from', header: t('inventory.from'), render: (m) => locations.label(m.fromLocationId) },
    { key: 'to', header: t('inventory.to'), render: (m) => locations.label(m.toLocationId) },
    { key: 'lot', header: t('inventory.lot.code'), render: (m) => <LotLabel id={m.lotId} /> },
    {
      key: 'quantity',
      header: t('inventory.quantity'),
      numeric: true,
      render: (m) => qty(m.quantity),
    },
    ...(canCost
      ? [
          {
            key: 'value',
            header: t('inventory.value'),
            numeric: true,
            render: (m: Move) => (m.value !== undefined ? money(m.value) : ''),
          },
        ]
      : []),
    {
      key: 'source',
      header: t('inventory.source'),
      render: (m) => (
        <SourceLink
          type={m.sourceType}
          id={m.sourceId}
          label={codeLabel(t, 'inventory.source', m.sourceType)}
        />
      ),
    },
    ...(canReverse
      ? [
          {
            key: 'reverse',
            header: '',
            render: (m: Move) =>
              m.reversesMoveId ? (
                <Text size="sm" c="dimmed">
                  {t('inventory.move.reversal')}
                </Text>
              ) : (
                <Button size="compact-sm" variant="subtle" onClick={() => setReversing(m)}>
                  {t('inventory.move.reverse')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <>
      {reversing && (
        <ConfirmDialog
          title={t('inventory.move.reverse')}
          message={t('inventory.move.reverseConfirm', { quantity: qty(reversing.quantity) })}
          confirm={t('inventory.move.reverse')}
          color="red"
          run={() =>
            api.POST('/api/v1/inventory/moves/{id}/reverse', {
              params: { path: { id: reversing.id } },
            })
          }
          onClose={() => setReversing(null)}
          onDone={() => {
            setReversing(null);
            setReloadKey((k) => k + 1);
          }}
        />
      )}
      <PageHeader
        title={t('inventory.moves')}
        actions={
          <Button component={Link} href="/inventory/kardex" variant="default">
            {t('inventory.kardex')}
          </Button>
        }
      />
      <Group mb="md">
        <ItemPicker label={t('inventory.item')} value={itemId} onChange={setItemId} w={320} />
      </Group>
      <DataTable
        key={JSON.stringify(filters)}
        load={(query) =>
          api.GET('/api/v1/inventory/moves', {
            params: { query: listQuery({ ...query, ...filters }) },
          })
        }
        id="inventory-moves"
        label={t('inventory.moves')}
        rowKey={(m) => m.id}
        searchable={false}
        reloadKey={reloadKey}
        exportHref={(query) =>
          `/api/v1/inventory/moves/export.csv?${new URLSearchParams({
            ...(query as Record<string, string>),
            ...filters,
          }).toString()}`
        }
        columns={columns}
      />
    </>
  );
}

/** The document a move came from, linked when the portal has a screen for it. */
export function SourceLink(props: { type: string; id: string; label: string }) {
  const href = ['inventory.adjustment', 'inventory.transfer', 'inventory.scrap'].includes(
    props.type,
  )
    ? `/inventory/operations/${props.id}`
    : props.type === 'inventory.count'
      ? `/inventory/counts/${props.id}`
      : null;
  return href ? (
    <Anchor component={Link} href={href}>
      {props.label}
    </Anchor>
  ) : (
    <>{props.label}</>
  );
}
