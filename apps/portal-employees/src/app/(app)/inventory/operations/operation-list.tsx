'use client';
import { Anchor, Badge, Button, Menu } from '@mantine/core';
import { OPERATION_KINDS, OPERATION_STATES, type OperationKind } from '@nexo/contracts/inventory';
import { codeLabel, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import { DataTable, PageHeader } from '@nexo/ui';
import { IconChevronDown, IconPlus } from '@tabler/icons-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api, listQuery } from '../../../../lib/api';
import { useWarehouses } from '../../../../components/inventory/stock-lookups';
import { OperationForm } from './operation-form';

export const STATE_COLORS: Record<string, string> = {
  draft: 'gray',
  counting: 'blue',
  shipped: 'blue',
  posted: 'teal',
  received: 'teal',
  cancelled: 'red',
};

/** Adjustments, transfers and scrap: filter by kind, state and warehouse; draft a new one. */
export function OperationList() {
  const { t, f } = useI18n();
  const router = useRouter();
  const canCreate = useCan('create', 'inventory.operation');
  const warehouses = useWarehouses();
  const [creating, setCreating] = useState<OperationKind | null>(null);
  return (
    <>
      <PageHeader
        title={t('inventory.operations')}
        actions={
          canCreate ? (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button
                  leftSection={<IconPlus size={16} aria-hidden />}
                  rightSection={<IconChevronDown size={14} aria-hidden />}
                >
                  {t('inventory.operation.new')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {OPERATION_KINDS.map((k) => (
                  <Menu.Item key={k} onClick={() => setCreating(k)}>
                    {t(`inventory.kind.${k}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          ) : null
        }
      />
      {creating ? (
        <OperationForm
          kind={creating}
          onClose={() => setCreating(null)}
          onCreated={(id) => router.push(`/inventory/operations/${id}`)}
        />
      ) : null}
      <DataTable
        load={(query) =>
          api.GET('/api/v1/inventory/operations', { params: { query: listQuery(query) } })
        }
        id="inventory-operations"
        label={t('inventory.operations')}
        rowKey={(o) => o.id ?? ''}
        exportHref={(query) =>
          `/api/v1/inventory/operations/export.csv?${new URLSearchParams(query as Record<string, string>).toString()}`
        }
        filters={[
          {
            key: 'kind',
            label: t('common.kind'),
            options: OPERATION_KINDS.map((k) => ({ value: k, label: t(`inventory.kind.${k}`) })),
          },
          {
            key: 'state',
            label: t('common.status'),
            options: OPERATION_STATES.map((s) => ({ value: s, label: t(`inventory.state.${s}`) })),
          },
          { key: 'warehouseId', label: t('inventory.warehouse'), options: warehouses.options },
        ]}
        columns={[
          {
            key: 'number',
            header: t('inventory.number'),
            render: (o) => (
              <Anchor component={Link} href={`/inventory/operations/${o.id}`} fw={600}>
                {o.number ?? t('inventory.draft')}
              </Anchor>
            ),
          },
          {
            key: 'kind',
            header: t('common.kind'),
            render: (o) => codeLabel(t, 'inventory.kind', o.kind),
          },
          {
            key: 'effectiveDate',
            header: t('inventory.date'),
            sortable: true,
            render: (o) => f.date(o.effectiveDate),
          },
          {
            key: 'warehouseId',
            header: t('inventory.warehouse'),
            render: (o) => warehouses.name(o.warehouseId),
          },
          {
            key: 'reason',
            header: t('inventory.reason'),
            render: (o) => codeLabel(t, 'inventory.reason', o.reason),
          },
          {
            key: 'state',
            header: t('common.status'),
            render: (o) => (
              <Badge variant="light" color={STATE_COLORS[o.state ?? ''] ?? 'gray'}>
                {codeLabel(t, 'inventory.state', o.state)}
              </Badge>
            ),
          },
        ]}
      />
    </>
  );
}
