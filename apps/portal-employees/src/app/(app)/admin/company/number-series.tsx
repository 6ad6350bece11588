'use client';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { components } from '@nexo/api-client';
import {
  CreateNumberSeriesInputSchema,
  DOCUMENT_TYPES,
  UpdateNumberSeriesInputSchema,
} from '@nexo/contracts';
import { codeLabel, useI18n } from '@nexo/i18n';
import {
  contractValues,
  EmptyBlock,
  notify,
  ProblemAlert,
  useApiQuery,
  useContractForm,
  useSubmit,
} from '@nexo/ui';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../../../lib/api';

type Series = components['schemas']['NumberSeries'];

/** The company's document number series: how each prints, and the number the next one gets. */
export function NumberSeriesCard() {
  const { t } = useI18n();
  const series = useApiQuery('number-series', () => api.GET('/api/v1/tenancy/number-series'));
  const [editing, setEditing] = useState<Series | 'new' | null>(null);
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('numbering.title')}
        </Title>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setEditing('new')}
        >
          {t('numbering.new')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('numbering.help')}
      </Text>
      <ProblemAlert problem={series.problem} onRetry={series.reload} />
      {series.data?.length === 0 ? <EmptyBlock title={t('numbering.none')} /> : null}
      {series.data?.length ? (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('numbering.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('numbering.documentType')}</Table.Th>
                <Table.Th>{t('numbering.series')}</Table.Th>
                <Table.Th>{t('numbering.prefix')}</Table.Th>
                <Table.Th>{t('numbering.next')}</Table.Th>
                <Table.Th>{t('numbering.yearlyReset')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {series.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{codeLabel(t, 'document', s.documentType)}</Table.Td>
                  <Table.Td>{s.series}</Table.Td>
                  <Table.Td>{s.prefix || '—'}</Table.Td>
                  <Table.Td>
                    <code>{s.preview}</code>
                  </Table.Td>
                  <Table.Td>{s.yearlyReset ? t('common.yes') : t('common.no')}</Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`${t('common.edit')}: ${codeLabel(t, 'document', s.documentType)} ${s.series}`}
                      onClick={() => setEditing(s)}
                    >
                      <IconPencil size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {editing ? (
        <SeriesDialog
          series={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            series.reload();
          }}
        />
      ) : null}
    </Card>
  );
}

/** A new series, or a change to one (If-Match: a change made meanwhile is refused and shown). */
function SeriesDialog(props: { series: Series | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const current = props.series;
  const schema = current ? UpdateNumberSeriesInputSchema : CreateNumberSeriesInputSchema;
  const form = useContractForm(schema, {
    ...(current ? {} : { documentType: 'invoice', series: 'A' }),
    prefix: current?.prefix ?? '',
    padding: current?.padding ?? 8,
    yearlyReset: current?.yearlyReset ?? false,
    next: current?.next ?? 1,
  });
  const submit = useSubmit(form);
  const title = current
    ? `${codeLabel(t, 'document', current.documentType)} ${current.series}`
    : t('numbering.new');
  return (
    <Modal opened onClose={props.onClose} title={title}>
      <form
        noValidate
        onSubmit={form.onSubmit(
          submit.handler(
            async (values) => {
              // The prefix may be blank on purpose: send it as typed, not stripped.
              const body = { ...contractValues(schema, values), prefix: values.prefix ?? '' };
              return current
                ? api.PATCH('/api/v1/tenancy/number-series/{id}', {
                    params: {
                      path: { id: current.id },
                      header: { 'If-Match': `"${current.version}"` },
                    },
                    body: UpdateNumberSeriesInputSchema.parse(body),
                  })
                : api.POST('/api/v1/tenancy/number-series', {
                    body: CreateNumberSeriesInputSchema.parse(body),
                  });
            },
            () => {
              notify.success(t('common.saved'));
              props.onSaved();
            },
          ),
        )}
      >
        <Stack>
          <ProblemAlert problem={submit.problem} />
          {current ? null : (
            <SimpleGrid cols={2}>
              <Select
                label={t('numbering.documentType')}
                data={DOCUMENT_TYPES.map((d) => ({ value: d, label: codeLabel(t, 'document', d) }))}
                allowDeselect={false}
                {...form.getInputProps('documentType')}
              />
              <TextInput label={t('numbering.series')} required {...form.getInputProps('series')} />
            </SimpleGrid>
          )}
          <SimpleGrid cols={2}>
            <TextInput label={t('numbering.prefix')} {...form.getInputProps('prefix')} />
            <NumberInput
              label={t('numbering.padding')}
              min={1}
              max={20}
              allowDecimal={false}
              {...form.getInputProps('padding')}
            />
          </SimpleGrid>
          <NumberInput
            label={t('numbering.nextNumber')}
            description={t('numbering.nextHelp')}
            min={1}
            allowDecimal={false}
            thousandSeparator=""
            {...form.getInputProps('next')}
          />
          <Switch
            label={t('numbering.yearlyReset')}
            {...form.getInputProps('yearlyReset', { type: 'checkbox' })}
          />
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
