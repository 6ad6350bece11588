'use client';
import { Anchor, Card, Group, Table, Title } from '@mantine/core';
import { useI18n } from '@nexo/i18n';
import { EmptyBlock, ProblemAlert, useApiQuery } from '@nexo/ui';
import Link from 'next/link';
import { api } from '../../../../../lib/api';
import { useQuantity, useWarehouses } from '../../../../../components/inventory/stock-lookups';

/** An item's stock: on hand, reserved and available per warehouse, and its kardex. */
export function ItemStock(props: { itemId: string }) {
  const { t } = useI18n();
  const qty = useQuantity();
  const warehouses = useWarehouses();
  const availability = useApiQuery(`availability:${props.itemId}`, () =>
    api.GET('/api/v1/inventory/availability', { params: { query: { itemId: props.itemId } } }),
  );
  const rows = availability.data?.items ?? [];
  const right = { textAlign: 'right' } as const;
  return (
    <Card mt="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {t('inventory.item.stock')}
        </Title>
        <Group gap="md">
          <Anchor component={Link} href={`/inventory/stock?itemId=${props.itemId}`} size="sm">
            {t('inventory.byLocation')}
          </Anchor>
          <Anchor component={Link} href={`/inventory/kardex?itemId=${props.itemId}`} size="sm">
            {t('inventory.kardex')}
          </Anchor>
        </Group>
      </Group>
      <ProblemAlert problem={availability.problem} onRetry={availability.reload} />
      {availability.data && rows.length === 0 ? (
        <EmptyBlock title={t('inventory.noStock')} />
      ) : null}
      {rows.length ? (
        <Table aria-label={t('inventory.item.stock')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('inventory.warehouse')}</Table.Th>
              <Table.Th style={right}>{t('inventory.onHand')}</Table.Th>
              <Table.Th style={right}>{t('inventory.reserved')}</Table.Th>
              <Table.Th style={right}>{t('inventory.available')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((a) => (
              <Table.Tr key={`${a.warehouseId}:${a.variantId ?? ''}`}>
                <Table.Td>{warehouses.name(a.warehouseId)}</Table.Td>
                <Table.Td style={right}>{qty(a.onHand)}</Table.Td>
                <Table.Td style={right}>{qty(a.reserved)}</Table.Td>
                <Table.Td style={right} fw={700}>
                  {qty(a.available)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Card>
  );
}
