'use client';
import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { codeLabel, useI18n } from '@nexo/i18n';
import { PageHeader, ProblemAlert, useApiQuery } from '@nexo/ui';
import { api } from '../../../../../lib/api';
import { ItemName, useQuantity } from '../../../../../components/inventory/stock-lookups';
import { SourceLink } from '../../moves/move-list';

/**
 * Where a lot or serial came from and where it went: every move that named it, in the order
 * they posted, with the document each came from (traceability both ways).
 */
export function LotTrace(props: { id: string }) {
  const { t, f } = useI18n();
  const qty = useQuantity();
  const trace = useApiQuery(`inventory:lot-trace:${props.id}`, () =>
    api.GET('/api/v1/inventory/lots/{id}/trace', { params: { path: { id: props.id } } }),
  );
  const place = (path: string, kind: string) =>
    kind === 'internal' ? path : codeLabel(t, 'inventory.location.kind', kind);
  const lot = trace.data?.lot;
  return (
    <Stack>
      <PageHeader title={`${t('inventory.lot.trace')} ${lot?.code ?? ''}`} />
      <ProblemAlert problem={trace.problem} />
      {lot && (
        <Card withBorder>
          <Group gap="xl">
            <Text>
              <ItemName id={lot.itemId} />
            </Text>
            <Text c="dimmed">
              {lot.tracking ? codeLabel(t, 'inventory.lot.tracking', lot.tracking) : ''}
            </Text>
            {lot.expiresOn && (
              <Text>
                {t('inventory.lot.expiresOn')}: {f.date(lot.expiresOn)}
              </Text>
            )}
          </Group>
        </Card>
      )}
      <Table striped aria-label={t('inventory.lot.trace')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('inventory.date')}</Table.Th>
            <Table.Th>{t('inventory.from')}</Table.Th>
            <Table.Th>{t('inventory.to')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('inventory.quantity')}</Table.Th>
            <Table.Th>{t('inventory.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(trace.data?.moves ?? []).map((m) => (
            <Table.Tr key={m.moveId}>
              <Table.Td>{f.date(m.effectiveDate)}</Table.Td>
              <Table.Td>{place(m.fromPath, m.fromKind)}</Table.Td>
              <Table.Td>{place(m.toPath, m.toKind)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{qty(m.quantity)}</Table.Td>
              <Table.Td>
                <SourceLink
                  type={m.sourceType}
                  id={m.sourceId}
                  label={codeLabel(t, 'inventory.source', m.sourceType)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
