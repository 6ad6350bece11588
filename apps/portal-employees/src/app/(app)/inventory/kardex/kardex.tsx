'use client';
import { Button, Card, Group, Select, Table, Text, TextInput } from '@mantine/core';
import type { components } from '@nexo/api-client';
import { codeLabel, problemMessage, useI18n } from '@nexo/i18n';
import { asProblem, EmptyBlock, notify, PageHeader, ProblemAlert, useApiQuery } from '@nexo/ui';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from '../../../../lib/api';
import {
  ItemPicker,
  LotLabel,
  useLocations,
  useQuantity,
  useWarehouses,
} from '../../../../components/inventory/stock-lookups';
import { SourceLink } from '../moves/move-list';

type KardexLine = components['schemas']['KardexLine'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An item's kardex: its moves into and out of a warehouse (or every internal location) by
 * date, with the running quantity and, for who sees costs, the running value. The API leaves
 * the value out for the others, and so do the columns.
 */
export function Kardex(props: { itemId: string | null; warehouseId: string | null }) {
  const { t, f } = useI18n();
  const router = useRouter();
  const qty = useQuantity();
  const warehouses = useWarehouses();
  const locations = useLocations();
  const [itemId, setItemId] = useState<string | null>(props.itemId);
  const [warehouseId, setWarehouseId] = useState<string | null>(props.warehouseId);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [more, setMore] = useState<{ items: KardexLine[]; nextCursor: string | null } | null>(null);
  const query = {
    ...(warehouseId ? { warehouseId } : {}),
    ...(DAY.test(from) ? { from } : {}),
    ...(DAY.test(to) ? { to } : {}),
  };
  const kardex = useApiQuery(itemId ? `kardex:${itemId}:${JSON.stringify(query)}` : null, () => {
    setMore(null);
    return api.GET('/api/v1/inventory/reports/kardex', {
      params: { query: { itemId: itemId!, ...query, limit: '100' } },
    });
  });
  const k = kardex.data;
  const lines = [...(k?.items ?? []), ...(more?.items ?? [])];
  const nextCursor = more ? more.nextCursor : (k?.nextCursor ?? null);
  const withValue = k?.openingValue !== undefined || lines.some((l) => l.value !== undefined);
  const money = (v: string | undefined) => (v === undefined ? '' : f.money(v, k?.currency));
  const loadMore = async () => {
    if (!nextCursor || !itemId) return;
    const { data, error } = await api.GET('/api/v1/inventory/reports/kardex', {
      params: { query: { itemId, ...query, limit: '100', cursor: nextCursor } },
    });
    if (data)
      setMore({ items: [...(more?.items ?? []), ...data.items], nextCursor: data.nextCursor });
    else notify.error(problemMessage(asProblem(error), t));
  };
  const pick = (id: string | null) => {
    setItemId(id);
    router.replace(id ? `/inventory/kardex?itemId=${id}` : '/inventory/kardex');
  };
  return (
    <>
      <PageHeader title={t('inventory.kardex')} subtitle={t('inventory.kardexHelp')} />
      <Group mb="md" align="flex-end" wrap="wrap">
        <ItemPicker label={t('inventory.item')} value={itemId} onChange={pick} w={320} required />
        <Select
          label={t('inventory.warehouse')}
          placeholder={t('common.all')}
          data={warehouses.options}
          value={warehouseId}
          onChange={setWarehouseId}
          clearable
          w={220}
        />
        <TextInput
          type="date"
          label={t('inventory.fromDate')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={170}
        />
        <TextInput
          type="date"
          label={t('inventory.toDate')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          w={170}
        />
      </Group>
      {!itemId ? <EmptyBlock title={t('inventory.kardexPick')} /> : null}
      <ProblemAlert problem={kardex.problem} onRetry={kardex.reload} />
      {k && itemId ? (
        <Card p={0}>
          <Table.ScrollContainer minWidth={800}>
            <Table aria-label={t('inventory.kardex')} aria-busy={kardex.loading} stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('inventory.date')}</Table.Th>
                  <Table.Th>{t('inventory.source')}</Table.Th>
                  <Table.Th>{t('inventory.from')}</Table.Th>
                  <Table.Th>{t('inventory.to')}</Table.Th>
                  <Table.Th>{t('inventory.lot.code')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('inventory.quantity')}</Table.Th>
                  {withValue ? (
                    <>
                      <Table.Th style={{ textAlign: 'right' }}>{t('inventory.unitCost')}</Table.Th>
                      <Table.Th style={{ textAlign: 'right' }}>{t('inventory.value')}</Table.Th>
                    </>
                  ) : null}
                  <Table.Th style={{ textAlign: 'right' }}>{t('inventory.balance')}</Table.Th>
                  {withValue ? (
                    <Table.Th style={{ textAlign: 'right' }}>
                      {t('inventory.balanceValue')}
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td colSpan={withValue ? 8 : 6}>
                    <Text fw={600} size="sm">
                      {t('inventory.opening')}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }} fw={600}>
                    {qty(k.openingQuantity) || '0'}
                  </Table.Td>
                  {withValue ? (
                    <Table.Td style={{ textAlign: 'right' }}>{money(k.openingValue)}</Table.Td>
                  ) : null}
                </Table.Tr>
                {lines.map((l) => (
                  <Table.Tr key={l.moveId}>
                    <Table.Td>{f.date(l.effectiveDate)}</Table.Td>
                    <Table.Td>
                      <SourceLink
                        type={l.sourceType}
                        id={l.sourceId}
                        label={codeLabel(t, 'inventory.source', l.sourceType)}
                      />
                    </Table.Td>
                    <Table.Td>{locations.label(l.fromLocationId)}</Table.Td>
                    <Table.Td>{locations.label(l.toLocationId)}</Table.Td>
                    <Table.Td>
                      <LotLabel id={l.lotId} />
                    </Table.Td>
                    <Table.Td
                      style={{ textAlign: 'right' }}
                      c={l.quantity.startsWith('-') ? 'red' : 'teal'}
                    >
                      {l.quantity.startsWith('-') ? '' : '+'}
                      {qty(l.quantity)}
                    </Table.Td>
                    {withValue ? (
                      <>
                        <Table.Td style={{ textAlign: 'right' }}>{money(l.unitCost)}</Table.Td>
                        <Table.Td style={{ textAlign: 'right' }}>{money(l.value)}</Table.Td>
                      </>
                    ) : null}
                    <Table.Td style={{ textAlign: 'right' }} fw={600}>
                      {qty(l.balanceQuantity) || '0'}
                    </Table.Td>
                    {withValue ? (
                      <Table.Td style={{ textAlign: 'right' }}>{money(l.balanceValue)}</Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {lines.length === 0 ? <EmptyBlock title={t('inventory.noMoves')} /> : null}
          {nextCursor ? (
            <Group justify="center" p="sm">
              <Button variant="subtle" size="xs" onClick={() => void loadMore()}>
                {t('inventory.more')}
              </Button>
            </Group>
          ) : null}
        </Card>
      ) : null}
    </>
  );
}
