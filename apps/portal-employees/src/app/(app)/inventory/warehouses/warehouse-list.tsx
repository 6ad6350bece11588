'use client';
import { Anchor, Badge, Button, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import type { components } from '@nexo/api-client';
import { CreateWarehouseInputSchema, UpdateWarehouseInputSchema } from '@nexo/contracts/inventory';
import { useI18n } from '@nexo/i18n';
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
import { useState } from 'react';
import { api, listQuery } from '../../../../lib/api';

type Warehouse = components['schemas']['Warehouse'];

/** The company's warehouses: search, filter by active, create; each opens its locations. */
export function WarehouseList() {
  const { t } = useI18n();
  const canCreate = useCan('create', 'inventory.warehouse');
  const [creating, setCreating] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <>
      <PageHeader
        title={t('inventory.warehouses')}
        actions={
          canCreate ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setCreating(true)}
            >
              {t('inventory.warehouse.new')}
            </Button>
          ) : null
        }
      />
      {creating ? (
        <WarehouseDialog
          warehouse={null}
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            setReloadKey((k) => k + 1);
          }}
        />
      ) : null}
      <DataTable
        load={(query) =>
          api.GET('/api/v1/inventory/warehouses', { params: { query: listQuery(query) } })
        }
        id="warehouses"
        label={t('inventory.warehouses')}
        rowKey={(w) => w.id}
        defaultSort="code"
        reloadKey={reloadKey}
        filters={[
          {
            key: 'active',
            label: t('common.status'),
            options: [
              { value: 'true', label: t('inventory.active') },
              { value: 'false', label: t('inventory.inactive') },
            ],
          },
        ]}
        columns={[
          {
            key: 'code',
            header: t('inventory.warehouse.code'),
            sortable: true,
            render: (w) => (
              <Anchor component={Link} href={`/inventory/warehouses/${w.id}`} fw={600}>
                <code>{w.code}</code>
              </Anchor>
            ),
          },
          { key: 'name', header: t('common.name'), sortable: true, render: (w) => w.name },
          { key: 'address', header: t('inventory.warehouse.address'), render: (w) => w.address },
          {
            key: 'allowNegative',
            header: t('inventory.warehouse.allowNegative'),
            render: (w) => t(w.allowNegative ? 'common.yes' : 'common.no'),
          },
          {
            key: 'active',
            header: t('common.status'),
            render: (w) => (
              <Badge variant="light" color={w.active ? 'teal' : 'gray'}>
                {t(w.active ? 'inventory.active' : 'inventory.inactive')}
              </Badge>
            ),
          },
        ]}
      />
    </>
  );
}

/** A new warehouse (`warehouse` null) or a change to one. */
export function WarehouseDialog(props: {
  warehouse: Warehouse | null;
  onClose: () => void;
  onSaved: (saved: Warehouse) => void;
}) {
  const { t } = useI18n();
  const w = props.warehouse;
  const form = useContractForm(CreateWarehouseInputSchema, {
    code: w?.code ?? '',
    name: w?.name ?? '',
    address: w?.address ?? '',
    allowNegative: w?.allowNegative ?? false,
    active: w?.active ?? true,
  });
  const submit = useSubmit(form);
  const body = (values: Record<string, unknown>) => ({
    ...values,
    address: typeof values.address === 'string' && values.address.trim() ? values.address : null,
  });
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={w ? `${t('common.edit')}: ${w.code}` : t('inventory.warehouse.new')}
    >
      <form
        noValidate
        onSubmit={form.onSubmit(
          submit.handler(
            (values) =>
              w
                ? api.PATCH('/api/v1/inventory/warehouses/{id}', {
                    params: { path: { id: w.id }, header: { 'If-Match': `"${w.version}"` } },
                    body: contractValues(UpdateWarehouseInputSchema, body(values)),
                  })
                : api.POST('/api/v1/inventory/warehouses', {
                    body: contractValues(CreateWarehouseInputSchema, body(values)),
                  }),
            (saved) => {
              notify.success(t('common.saved'));
              props.onSaved(saved);
            },
          ),
        )}
      >
        <Stack>
          <ProblemAlert problem={submit.problem} />
          <TextInput
            label={t('inventory.warehouse.code')}
            description={t('inventory.codeHelp')}
            required
            {...form.getInputProps('code')}
          />
          <TextInput label={t('common.name')} required {...form.getInputProps('name')} />
          <TextInput label={t('inventory.warehouse.address')} {...form.getInputProps('address')} />
          <Switch
            label={t('inventory.warehouse.allowNegative')}
            {...form.getInputProps('allowNegative', { type: 'checkbox' })}
          />
          <Switch
            label={t('inventory.active')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submit.pending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
