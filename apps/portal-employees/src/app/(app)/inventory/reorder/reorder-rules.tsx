'use client';
import {
  ActionIcon,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import type { components } from '@nexo/api-client';
import {
  CreateReorderRuleInputSchema,
  UpdateReorderRuleInputSchema,
} from '@nexo/contracts/inventory';
import { useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import {
  contractValues,
  DataTable,
  notify,
  ProblemAlert,
  useContractForm,
  useSubmit,
} from '@nexo/ui';
import { Quantity } from '@nexo/utils';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api, listQuery } from '../../../../lib/api';
import { ConfirmDialog } from '../../../../components/inventory/confirm-dialog';
import {
  ItemName,
  ItemPicker,
  useQuantity,
  useWarehouses,
} from '../../../../components/inventory/stock-lookups';

type Rule = components['schemas']['ReorderRule'];
const plain = (v: string | null | undefined) => (v ? Quantity.of(v, 'u').toString() : '');

/** The min/max rules the suggestions come from: per item and warehouse. */
export function ReorderRules(props: { onChanged: () => void }) {
  const { t } = useI18n();
  const qty = useQuantity();
  const warehouses = useWarehouses();
  const canCreate = useCan('create', 'inventory.reorder-rule');
  const canEdit = useCan('update', 'inventory.reorder-rule');
  const canDelete = useCan('delete', 'inventory.reorder-rule');
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Rule | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const changed = () => {
    setEditing(null);
    setDeleting(null);
    setReloadKey((k) => k + 1);
    props.onChanged();
  };
  return (
    <>
      <Group justify="space-between" mt="xl" mb="sm">
        <Title order={2} size="h4">
          {t('inventory.reorderRules')}
        </Title>
        {canCreate ? (
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setEditing('new')}
          >
            {t('inventory.reorder.new')}
          </Button>
        ) : null}
      </Group>
      <DataTable
        load={(query) =>
          api.GET('/api/v1/inventory/reorder-rules', { params: { query: listQuery(query) } })
        }
        id="inventory-reorder-rules"
        label={t('inventory.reorderRules')}
        rowKey={(r) => r.id}
        searchable={false}
        reloadKey={reloadKey}
        filters={[
          { key: 'warehouseId', label: t('inventory.warehouse'), options: warehouses.options },
        ]}
        columns={[
          { key: 'item', header: t('inventory.item'), render: (r) => <ItemName id={r.itemId} /> },
          {
            key: 'warehouse',
            header: t('inventory.warehouse'),
            render: (r) => warehouses.name(r.warehouseId),
          },
          {
            key: 'minimum',
            header: t('inventory.reorder.minimum'),
            numeric: true,
            render: (r) => qty(r.minimum),
          },
          {
            key: 'maximum',
            header: t('inventory.reorder.maximum'),
            numeric: true,
            render: (r) => qty(r.maximum),
          },
          {
            key: 'multiple',
            header: t('inventory.reorder.multiple'),
            numeric: true,
            render: (r) => qty(r.multiple),
          },
          {
            key: 'actions',
            header: t('common.actions'),
            render: (r) => (
              <Group gap={4} wrap="nowrap" justify="flex-end">
                {canEdit ? (
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('common.edit')}
                    onClick={() => setEditing(r)}
                  >
                    <IconPencil size={16} aria-hidden />
                  </ActionIcon>
                ) : null}
                {canDelete ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('common.delete')}
                    onClick={() => setDeleting(r)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                ) : null}
              </Group>
            ),
          },
        ]}
      />
      {editing ? (
        <RuleDialog
          rule={editing === 'new' ? null : editing}
          warehouses={warehouses.options}
          onClose={() => setEditing(null)}
          onSaved={changed}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('common.delete')}
          message={t('inventory.reorder.deleteConfirm')}
          confirm={t('common.delete')}
          color="red"
          run={() =>
            api.DELETE('/api/v1/inventory/reorder-rules/{id}', {
              params: {
                path: { id: deleting.id },
                header: { 'If-Match': `"${deleting.version}"` },
              },
            })
          }
          onClose={() => setDeleting(null)}
          onDone={() => {
            notify.success(t('inventory.deleted'));
            changed();
          }}
        />
      ) : null}
    </>
  );
}

/** A new rule (item and warehouse) or a change to one's figures. */
function RuleDialog(props: {
  rule: Rule | null;
  warehouses: { value: string; label: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const r = props.rule;
  const form = useContractForm(r ? UpdateReorderRuleInputSchema : CreateReorderRuleInputSchema, {
    ...(r ? {} : { itemId: '', warehouseId: '' }),
    minimum: plain(r?.minimum),
    maximum: plain(r?.maximum),
    multiple: plain(r?.multiple),
  });
  const submit = useSubmit(form);
  const body = (values: Record<string, unknown>) => ({
    ...values,
    multiple:
      typeof values.multiple === 'string' && values.multiple.trim() ? values.multiple : null,
  });
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={r ? t('inventory.reorder.edit') : t('inventory.reorder.new')}
    >
      <form
        noValidate
        onSubmit={form.onSubmit(
          submit.handler(
            (values) =>
              r
                ? api.PATCH('/api/v1/inventory/reorder-rules/{id}', {
                    params: { path: { id: r.id }, header: { 'If-Match': `"${r.version}"` } },
                    body: contractValues(UpdateReorderRuleInputSchema, body(values)),
                  })
                : api.POST('/api/v1/inventory/reorder-rules', {
                    body: contractValues(CreateReorderRuleInputSchema, body(values)),
                  }),
            () => {
              notify.success(t('common.saved'));
              props.onSaved();
            },
          ),
        )}
      >
        <Stack>
          <ProblemAlert problem={submit.problem} />
          {r ? null : (
            <>
              <ItemPicker
                label={t('inventory.item')}
                value={(form.getValues().itemId as string) || null}
                onChange={(id) => form.setFieldValue('itemId', id ?? '')}
                error={form.errors.itemId as string | undefined}
                required
              />
              <Select
                label={t('inventory.warehouse')}
                data={props.warehouses}
                required
                allowDeselect={false}
                {...form.getInputProps('warehouseId')}
              />
            </>
          )}
          <SimpleGrid cols={3}>
            <TextInput
              label={t('inventory.reorder.minimum')}
              inputMode="decimal"
              required
              {...form.getInputProps('minimum')}
            />
            <TextInput
              label={t('inventory.reorder.maximum')}
              inputMode="decimal"
              required
              {...form.getInputProps('maximum')}
            />
            <TextInput
              label={t('inventory.reorder.multiple')}
              description={t('common.optional')}
              inputMode="decimal"
              {...form.getInputProps('multiple')}
            />
          </SimpleGrid>
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
