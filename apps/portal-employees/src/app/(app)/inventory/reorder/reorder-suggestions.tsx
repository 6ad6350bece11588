'use client';
import { Card, Group, Select, Table } from '@mantine/core';
import { useI18n } from '@nexo/i18n';
import { EmptyBlock, LoadingBlock, PageHeader, ProblemAlert, useApiQuery } from '@nexo/ui';
import { useState } from 'react';
import { api } from '../../../../lib/api';
import {
  ItemName,
  ItemPicker,
  useQuantity,
  useWarehouses,
} from '../../../../components/inventory/stock-lookups';
import { ReorderRules } from './reorder-rules';

/**
 * What each min/max rule says to order now: where on hand less reserved is at or below the
 * minimum, up to the maximum in the rule's multiples.
 */
export function ReorderSuggestions() {
  const { t } = useI18n();
  const qty = useQuantity();
  const warehouses = useWarehouses();
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [itemId, setItemId] = useState<string | null>(null);
  const query = { ...(warehouseId ? { warehouseId } : {}), ...(itemId ? { itemId } : {}) };
  const suggestions = useApiQuery(`reorder:${JSON.stringify(query)}`, () =>
    api.GET('/api/v1/inventory/reorder-suggestions', { params: { query } }),
  );
  const items = suggestions.data?.items ?? [];
  const right = { textAlign: 'right' } as const;
  return (
    <>
      <PageHeader
        title={t('inventory.reorder.suggestions')}
        subtitle={t('inventory.reorder.help')}
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <Select
          label={t('inventory.warehouse')}
          placeholder={t('common.all')}
          data={warehouses.options}
          value={warehouseId}
          onChange={setWarehouseId}
          clearable
          w={220}
        />
        <ItemPicker label={t('inventory.item')} value={itemId} onChange={setItemId} w={320} />
      </Group>
      <ProblemAlert problem={suggestions.problem} onRetry={suggestions.reload} />
      {suggestions.loading && !suggestions.data ? <LoadingBlock /> : null}
      {suggestions.data && items.length === 0 ? (
        <EmptyBlock title={t('inventory.reorder.none')} />
      ) : null}
      {items.length ? (
        <Card p={0}>
          <Table.ScrollContainer minWidth={800}>
            <Table aria-label={t('inventory.reorder.suggestions')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('inventory.item')}</Table.Th>
                  <Table.Th>{t('inventory.warehouse')}</Table.Th>
                  <Table.Th style={right}>{t('inventory.onHand')}</Table.Th>
                  <Table.Th style={right}>{t('inventory.reserved')}</Table.Th>
                  <Table.Th style={right}>{t('inventory.projected')}</Table.Th>
                  <Table.Th style={right}>{t('inventory.reorder.minimum')}</Table.Th>
                  <Table.Th style={right}>{t('inventory.reorder.maximum')}</Table.Th>
                  <Table.Th style={right}>{t('inventory.reorder.multiple')}</Table.Th>
                  <Table.Th style={right}>{t('inventory.reorder.toOrder')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.ruleId}>
                    <Table.Td>
                      <ItemName id={s.itemId} />
                    </Table.Td>
                    <Table.Td>{warehouses.name(s.warehouseId)}</Table.Td>
                    <Table.Td style={right}>{qty(s.onHand)}</Table.Td>
                    <Table.Td style={right}>{qty(s.reserved)}</Table.Td>
                    <Table.Td style={right}>{qty(s.projected)}</Table.Td>
                    <Table.Td style={right}>{qty(s.minimum)}</Table.Td>
                    <Table.Td style={right}>{qty(s.maximum)}</Table.Td>
                    <Table.Td style={right}>{qty(s.multiple)}</Table.Td>
                    <Table.Td style={right} fw={700}>
                      {qty(s.quantity)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ) : null}
      <ReorderRules onChanged={suggestions.reload} />
    </>
  );
}
