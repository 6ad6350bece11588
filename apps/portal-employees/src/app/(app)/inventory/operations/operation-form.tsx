'use client';
import {
  ActionIcon,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  ADJUSTMENT_REASONS,
  CreateOperationInputSchema,
  type OperationKind,
} from '@nexo/contracts/inventory';
import { useI18n } from '@nexo/i18n';
import { contractValues, notify, ProblemAlert, useContractForm, useSubmit } from '@nexo/ui';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../../../lib/api';
import {
  ItemPicker,
  LotPicker,
  today,
  useLocations,
  useWarehouses,
} from '../../../../components/inventory/stock-lookups';

interface LineValues {
  itemId: string;
  lotId: string | null;
  lotCode: string;
  quantity: string;
  unitCost: string;
}
const newLine = (): LineValues => ({
  itemId: '',
  lotId: null,
  lotCode: '',
  quantity: '',
  unitCost: '',
});

/**
 * Drafts an adjustment (signed lines in one location, with a reason), a transfer (from a
 * location of the warehouse to another, directly or through transit) or scrap. The draft
 * opens; it moves stock when posted there.
 */
export function OperationForm(props: {
  kind: OperationKind;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useI18n();
  const { kind } = props;
  const warehouses = useWarehouses();
  const form = useContractForm(CreateOperationInputSchema, {
    kind,
    warehouseId: '',
    locationId: null,
    fromLocationId: null,
    toLocationId: null,
    viaTransit: false,
    reason: kind === 'transfer' ? null : kind === 'scrap' ? 'damage' : null,
    effectiveDate: today(),
    notes: '',
    lines: [newLine()],
  });
  const submit = useSubmit(form);
  // Lines of items tracked by lot or serial: a lot in stock, or a new one's code.
  const [tracked, setTracked] = useState<boolean[]>([false]);
  const values = form.getValues();
  const warehouseId = typeof values.warehouseId === 'string' ? values.warehouseId : '';
  const here = useLocations(warehouseId || null);
  const everywhere = useLocations();
  const lines = (values.lines as LineValues[] | undefined) ?? [];
  const locationSelect = (field: string, label: string, options: typeof here.options) => (
    <Select
      label={label}
      data={options}
      searchable
      required
      disabled={!warehouseId}
      {...form.getInputProps(field)}
    />
  );
  return (
    <Modal opened onClose={props.onClose} title={t(`inventory.operation.new.${kind}`)} size="xl">
      <form
        noValidate
        onSubmit={form.onSubmit(
          submit.handler(
            (v) =>
              api.POST('/api/v1/inventory/operations', {
                body: contractValues(CreateOperationInputSchema, {
                  ...v,
                  lines: (v.lines as LineValues[]).map((l) => ({
                    ...l,
                    unitCost: kind === 'adjustment' ? l.unitCost : '',
                  })),
                }),
              }),
            (created) => {
              notify.success(t('inventory.operation.drafted'));
              if (created.id) props.onCreated(created.id);
            },
          ),
        )}
      >
        <Stack>
          <ProblemAlert problem={submit.problem} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('inventory.warehouse')}
              data={warehouses.options}
              required
              allowDeselect={false}
              {...form.getInputProps('warehouseId')}
              onChange={(v: string | null) =>
                form.setValues({
                  warehouseId: v ?? '',
                  locationId: null,
                  fromLocationId: null,
                })
              }
            />
            <TextInput
              type="date"
              label={t('inventory.date')}
              {...form.getInputProps('effectiveDate')}
            />
            {kind === 'transfer' ? (
              <>
                {locationSelect('fromLocationId', t('inventory.from'), here.options)}
                {locationSelect('toLocationId', t('inventory.to'), everywhere.options)}
                <Switch
                  label={t('inventory.viaTransit')}
                  description={t('inventory.viaTransitHelp')}
                  {...form.getInputProps('viaTransit', { type: 'checkbox' })}
                />
              </>
            ) : (
              <>
                {locationSelect('locationId', t('inventory.location'), here.options)}
                <Select
                  label={t('inventory.reason')}
                  data={ADJUSTMENT_REASONS.map((r) => ({
                    value: r,
                    label: t(`inventory.reason.${r}`),
                  }))}
                  required
                  {...form.getInputProps('reason')}
                />
              </>
            )}
          </SimpleGrid>
          <Title order={3} size="h5">
            {t('inventory.lines')}
          </Title>
          {kind === 'adjustment' ? (
            <Text size="xs" c="dimmed">
              {t('inventory.adjustmentHelp')}
            </Text>
          ) : null}
          {lines.map((line, i) => (
            <Group key={i} align="flex-start" wrap="wrap" gap="sm">
              <ItemPicker
                label={t('inventory.item')}
                value={line.itemId || null}
                onChange={(id, item) => {
                  form.setFieldValue(`lines.${i}.itemId`, id ?? '');
                  form.setFieldValue(`lines.${i}.lotId`, null);
                  form.setFieldValue(`lines.${i}.lotCode`, '');
                  setTracked((all) => {
                    const next = [...all];
                    next[i] = Boolean(item?.tracking && item.tracking !== 'none');
                    return next;
                  });
                }}
                error={form.errors[`lines.${i}.itemId`] as string | undefined}
                required
                w={300}
              />
              <LotPicker
                label={t('inventory.lot.code')}
                itemId={line.itemId || null}
                value={line.lotId}
                onChange={(id) => form.setFieldValue(`lines.${i}.lotId`, id)}
                error={form.errors[`lines.${i}.lotId`] as string | undefined}
              />
              {tracked[i] && kind === 'adjustment' && !line.lotId ? (
                <TextInput
                  label={t('inventory.lot.newCode')}
                  w={160}
                  {...form.getInputProps(`lines.${i}.lotCode`)}
                />
              ) : null}
              <TextInput
                label={t('inventory.quantity')}
                inputMode="decimal"
                required
                w={140}
                {...form.getInputProps(`lines.${i}.quantity`)}
              />
              {kind === 'adjustment' ? (
                <TextInput
                  label={t('inventory.unitCost')}
                  description={t('common.optional')}
                  inputMode="decimal"
                  w={160}
                  {...form.getInputProps(`lines.${i}.unitCost`)}
                />
              ) : null}
              <ActionIcon
                variant="subtle"
                color="red"
                mt={28}
                disabled={lines.length === 1}
                aria-label={`${t('common.remove')}: ${i + 1}`}
                onClick={() => {
                  form.removeListItem('lines', i);
                  setTracked((all) => all.filter((_, at) => at !== i));
                }}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => {
                form.insertListItem('lines', newLine());
                setTracked((all) => [...all, false]);
              }}
            >
              {t('inventory.addLine')}
            </Button>
          </Group>
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
              {t('inventory.saveDraft')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
