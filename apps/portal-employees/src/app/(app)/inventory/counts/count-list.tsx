'use client';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { COUNT_STATES, CreateCountInputSchema } from '@nexo/contracts/inventory';
import { codeLabel, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import {
  contractValues,
  DataTable,
  notify,
  PageHeader,
  ProblemAlert,
  useContractForm,
  useSubmit,
} from '@nexo/ui';
import { IconPlus } from '@tabler/icons-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api, listQuery } from '../../../../lib/api';
import { today, useLocations, useWarehouses } from '../../../../components/inventory/stock-lookups';
import { STATE_COLORS } from '../operations/operation-list';

/** Physical counts: filter by state and warehouse; a new one opens its count sheet. */
export function CountList() {
  const { t, f } = useI18n();
  const router = useRouter();
  const canCreate = useCan('create', 'inventory.count');
  const warehouses = useWarehouses();
  const locations = useLocations();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('inventory.counts')}
        actions={
          canCreate ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setCreating(true)}
            >
              {t('inventory.count.new')}
            </Button>
          ) : null
        }
      />
      {creating ? (
        <CountDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => router.push(`/inventory/counts/${id}`)}
        />
      ) : null}
      <DataTable
        load={(query) =>
          api.GET('/api/v1/inventory/counts', { params: { query: listQuery(query) } })
        }
        id="inventory-counts"
        label={t('inventory.counts')}
        rowKey={(c) => c.id ?? ''}
        exportHref={(query) =>
          `/api/v1/inventory/counts/export.csv?${new URLSearchParams(query as Record<string, string>).toString()}`
        }
        filters={[
          {
            key: 'state',
            label: t('common.status'),
            options: COUNT_STATES.map((s) => ({ value: s, label: t(`inventory.state.${s}`) })),
          },
          { key: 'warehouseId', label: t('inventory.warehouse'), options: warehouses.options },
        ]}
        columns={[
          {
            key: 'number',
            header: t('inventory.number'),
            render: (c) => (
              <Anchor component={Link} href={`/inventory/counts/${c.id}`} fw={600}>
                {c.number ?? t('inventory.draft')}
              </Anchor>
            ),
          },
          {
            key: 'effectiveDate',
            header: t('inventory.date'),
            sortable: true,
            render: (c) => f.date(c.effectiveDate),
          },
          {
            key: 'warehouseId',
            header: t('inventory.warehouse'),
            render: (c) => warehouses.name(c.warehouseId),
          },
          {
            key: 'locationId',
            header: t('inventory.location'),
            render: (c) => locations.label(c.locationId),
          },
          {
            key: 'state',
            header: t('common.status'),
            render: (c) => (
              <Badge variant="light" color={STATE_COLORS[c.state ?? ''] ?? 'gray'}>
                {codeLabel(t, 'inventory.state', c.state)}
              </Badge>
            ),
          },
        ]}
      />
    </>
  );
}

/** A count of a location (the warehouse's root when none) and everything under it. */
function CountDialog(props: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const warehouses = useWarehouses();
  const form = useContractForm(CreateCountInputSchema, {
    warehouseId: '',
    locationId: '',
    effectiveDate: today(),
    notes: '',
  });
  const submit = useSubmit(form);
  const warehouseId = form.getValues().warehouseId as string;
  const locations = useLocations(warehouseId || null);
  return (
    <Modal opened onClose={props.onClose} title={t('inventory.count.new')}>
      <form
        noValidate
        onSubmit={form.onSubmit(
          submit.handler(
            (values) =>
              api.POST('/api/v1/inventory/counts', {
                body: contractValues(CreateCountInputSchema, values),
              }),
            (created) => {
              notify.success(t('inventory.count.drafted'));
              if (created.id) props.onCreated(created.id);
            },
          ),
        )}
      >
        <Stack>
          <ProblemAlert problem={submit.problem} />
          <Select
            label={t('inventory.warehouse')}
            data={warehouses.options}
            required
            allowDeselect={false}
            {...form.getInputProps('warehouseId')}
            onChange={(v: string | null) =>
              form.setValues({ warehouseId: v ?? '', locationId: '' })
            }
          />
          <Select
            label={t('inventory.location')}
            description={t('inventory.count.locationHelp')}
            data={locations.options}
            disabled={!warehouseId}
            clearable
            searchable
            {...form.getInputProps('locationId')}
            onChange={(v: string | null) => form.setFieldValue('locationId', v ?? '')}
          />
          <TextInput
            type="date"
            label={t('inventory.date')}
            {...form.getInputProps('effectiveDate')}
          />
          <Textarea
            label={t('common.notes')}
            autosize
            minRows={2}
            {...form.getInputProps('notes')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submit.pending}>
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
