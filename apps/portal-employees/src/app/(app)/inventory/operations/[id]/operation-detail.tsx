'use client';
import { Anchor, Badge, Button, Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { codeLabel, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import {
  Field,
  LoadingBlock,
  notify,
  PageHeader,
  ProblemAlert,
  useApiQuery,
  type ApiAnswer,
} from '@nexo/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from '../../../../../lib/api';
import { useMoney } from '../../../../../lib/company';
import { ConfirmDialog } from '../../../../../components/inventory/confirm-dialog';
import {
  ItemName,
  useLocations,
  useQuantity,
  useWarehouses,
} from '../../../../../components/inventory/stock-lookups';
import { STATE_COLORS } from '../operation-list';

type Action = 'post' | 'ship' | 'receive' | 'cancel' | 'delete';

/** An operation with its lines; a draft is posted (or shipped, then received), cancelled or deleted. */
export function OperationDetail(props: { id: string }) {
  const { t, f } = useI18n();
  const router = useRouter();
  const qty = useQuantity();
  const money = useMoney();
  const canTransition = useCan('transition', 'inventory.operation');
  const canDelete = useCan('delete', 'inventory.operation');
  const warehouses = useWarehouses();
  const locations = useLocations();
  const [confirming, setConfirming] = useState<Action | null>(null);
  const operation = useApiQuery(`inventory:operation:${props.id}`, () =>
    api.GET('/api/v1/inventory/operations/{id}', { params: { path: { id: props.id } } }),
  );
  const o = operation.data;
  if (!o)
    return operation.problem !== undefined ? (
      <ProblemAlert problem={operation.problem} />
    ) : (
      <LoadingBlock />
    );
  const params = { params: { path: { id: props.id }, header: { 'If-Match': `"${o.version}"` } } };
  const run = (action: Action): Promise<ApiAnswer<unknown>> => {
    switch (action) {
      case 'post':
        return api.POST('/api/v1/inventory/operations/{id}/post', params);
      case 'ship':
        return api.POST('/api/v1/inventory/operations/{id}/ship', params);
      case 'receive':
        return api.POST('/api/v1/inventory/operations/{id}/receive', params);
      case 'cancel':
        return api.POST('/api/v1/inventory/operations/{id}/cancel', params);
      case 'delete':
        return api.DELETE('/api/v1/inventory/operations/{id}', params);
    }
  };
  const draft = o.state === 'draft';
  const actions: Action[] = [
    ...(canTransition && draft ? [o.viaTransit ? ('ship' as const) : ('post' as const)] : []),
    ...(canTransition && o.state === 'shipped' ? ['receive' as const] : []),
    ...(canTransition && draft ? ['cancel' as const] : []),
    ...(canDelete && draft ? ['delete' as const] : []),
  ];
  const kind = codeLabel(t, 'inventory.kind', o.kind);
  return (
    <>
      <PageHeader
        title={o.number ? `${kind} ${o.number}` : `${kind} (${t('inventory.draft')})`}
        subtitle={
          <Badge variant="light" color={STATE_COLORS[o.state ?? ''] ?? 'gray'}>
            {codeLabel(t, 'inventory.state', o.state)}
          </Badge>
        }
        actions={actions.map((a) => (
          <Button
            key={a}
            variant={a === 'cancel' || a === 'delete' ? 'light' : 'filled'}
            color={a === 'delete' ? 'red' : a === 'cancel' ? 'gray' : undefined}
            onClick={() => setConfirming(a)}
          >
            {t(`inventory.action.${a}`)}
          </Button>
        ))}
      />
      <Card mb="lg">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Field label={t('inventory.warehouse')} value={warehouses.name(o.warehouseId)} />
          <Field label={t('inventory.date')} value={f.date(o.effectiveDate)} />
          {o.kind === 'transfer' ? (
            <>
              <Field label={t('inventory.from')} value={locations.label(o.fromLocationId)} />
              <Field label={t('inventory.to')} value={locations.label(o.toLocationId)} />
            </>
          ) : (
            <>
              <Field label={t('inventory.location')} value={locations.label(o.locationId)} />
              <Field
                label={t('inventory.reason')}
                value={codeLabel(t, 'inventory.reason', o.reason)}
              />
            </>
          )}
          {o.viaTransit ? (
            <Field label={t('inventory.viaTransit')} value={t('common.yes')} />
          ) : null}
          <Field label={t('inventory.issuedAt')} value={f.dateTime(o.issuedAt)} />
        </SimpleGrid>
        {o.notes ? (
          <Text size="sm" c="dimmed" mt="md">
            {o.notes}
          </Text>
        ) : null}
      </Card>
      <Card>
        <Title order={2} size="h5" mb="sm">
          {t('inventory.lines')}
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('inventory.lines')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('inventory.item')}</Table.Th>
                <Table.Th>{t('inventory.lot.code')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('inventory.quantity')}</Table.Th>
                {o.kind === 'adjustment' ? (
                  <Table.Th style={{ textAlign: 'right' }}>{t('inventory.unitCost')}</Table.Th>
                ) : null}
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(o.lines ?? []).map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    <ItemName id={l.itemId} />
                  </Table.Td>
                  <Table.Td>{l.lotCode ? <code>{l.lotCode}</code> : ''}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{qty(l.quantity)}</Table.Td>
                  {o.kind === 'adjustment' ? (
                    <Table.Td style={{ textAlign: 'right' }}>
                      {l.unitCost ? money(l.unitCost) : ''}
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    <Anchor
                      component={Link}
                      href={`/inventory/kardex?itemId=${l.itemId}`}
                      size="sm"
                    >
                      {t('inventory.kardex')}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {confirming ? (
        <ConfirmDialog
          title={t(`inventory.action.${confirming}`)}
          message={t(`inventory.confirm.${confirming}`)}
          confirm={t(`inventory.action.${confirming}`)}
          color={confirming === 'delete' || confirming === 'cancel' ? 'red' : undefined}
          run={() => run(confirming)}
          onClose={() => setConfirming(null)}
          onDone={() => {
            const done = confirming;
            setConfirming(null);
            notify.success(t(`inventory.done.${done}`));
            if (done === 'delete') router.push('/inventory/operations');
            else operation.reload();
          }}
        />
      ) : null}
    </>
  );
}
