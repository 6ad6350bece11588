'use client';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { components } from '@nexo/api-client';
import { UpdateTaxRateInputSchema } from '@nexo/contracts';
import { codeLabel, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import {
  contractValues,
  EmptyBlock,
  notify,
  ProblemAlert,
  useApiQuery,
  useContractForm,
  useSubmit,
} from '@nexo/ui';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { api, listQuery } from '../../../../lib/api';

type TaxRate = components['schemas']['TaxRate'];

/** The catalog's tax rates, where the company's settings are: read, and changed in place. */
export function TaxRatesCard() {
  const { t, f } = useI18n();
  const canEdit = useCan('update', 'catalog.tax');
  const rates = useApiQuery('tax-rates', () =>
    api.GET('/api/v1/catalog/tax-rates', { params: { query: listQuery({ limit: '200' }) } }),
  );
  const [editing, setEditing] = useState<TaxRate | null>(null);
  return (
    <Card>
      <Title order={2} size="h4" mb="xs">
        {t('company.taxes')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('company.taxesHelp')}
      </Text>
      <ProblemAlert problem={rates.problem} onRetry={rates.reload} />
      {rates.data?.items.length === 0 ? <EmptyBlock title={t('company.noTaxes')} /> : null}
      {rates.data?.items.length ? (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('company.taxes')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tax.code')}</Table.Th>
                <Table.Th>{t('common.name')}</Table.Th>
                <Table.Th>{t('common.kind')}</Table.Th>
                <Table.Th>{t('tax.rate')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rates.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <code>{r.code}</code>
                  </Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{codeLabel(t, 'tax.kind', r.kind)}</Table.Td>
                  <Table.Td>{f.number(r.rate)} %</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={r.active ? 'teal' : 'gray'}>
                      {r.active ? t('tax.active') : t('tax.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {canEdit ? (
                      <ActionIcon
                        variant="subtle"
                        aria-label={`${t('common.edit')}: ${r.name}`}
                        onClick={() => setEditing(r)}
                      >
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {editing ? (
        <TaxRateDialog
          rate={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            rates.reload();
          }}
        />
      ) : null}
    </Card>
  );
}

function TaxRateDialog(props: { rate: TaxRate; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const form = useContractForm(UpdateTaxRateInputSchema, {
    name: props.rate.name,
    rate: props.rate.rate,
    active: props.rate.active,
  });
  const submit = useSubmit(form);
  return (
    <Modal opened onClose={props.onClose} title={props.rate.name}>
      <form
        noValidate
        onSubmit={form.onSubmit(
          submit.handler(
            (values) =>
              api.PATCH('/api/v1/catalog/tax-rates/{id}', {
                params: {
                  path: { id: props.rate.id },
                  header: { 'If-Match': `"${props.rate.version}"` },
                },
                body: contractValues(UpdateTaxRateInputSchema, values),
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
          <TextInput label={t('common.name')} required {...form.getInputProps('name')} />
          <TextInput label={t('tax.rate')} {...form.getInputProps('rate')} />
          <Switch label={t('tax.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
