'use client';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import type { components } from '@nexo/api-client';
import {
  CreatePointOfSaleInputSchema,
  UpdatePointOfSaleInputSchema,
  formatPointOfSale,
} from '@nexo/contracts';
import { problemMessage, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import {
  asProblem,
  EmptyBlock,
  notify,
  ProblemAlert,
  useApiQuery,
  useContractForm,
  useSubmit,
} from '@nexo/ui';
import { IconPencil, IconPlayerPause, IconPlayerPlay, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../../../lib/api';

type PointOfSale = components['schemas']['PointOfSale'];

/** The number as it prints on an invoice (`00001`), or as stored when out of range. */
const printed = (n: number | undefined) => {
  try {
    return n === undefined ? '—' : formatPointOfSale(n);
  } catch {
    return String(n);
  }
};

/** The company's points of sale: list, add, rename, deactivate (or activate again). */
export function PointsOfSaleCard() {
  const { t } = useI18n();
  const points = useApiQuery('points-of-sale', () =>
    api.GET('/api/v1/tenancy/points-of-sale', { params: { query: { limit: '100' } } }),
  );
  const canCreate = useCan('create', 'tenancy.point-of-sale');
  const canUpdate = useCan('update', 'tenancy.point-of-sale');
  const [editing, setEditing] = useState<PointOfSale | 'new' | null>(null);
  const items = points.data?.items ?? [];

  const toggle = async (point: PointOfSale) => {
    const answer = await api.PATCH('/api/v1/tenancy/points-of-sale/{id}', {
      params: { path: { id: point.id }, header: { 'If-Match': `"${point.version ?? 0}"` } },
      body: { active: !point.active },
    });
    if (answer.error) notify.error(problemMessage(asProblem(answer.error), t));
    else notify.success(t('pos.saved'));
    points.reload();
  };

  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('pos.title')}
        </Title>
        {canCreate ? (
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setEditing('new')}
          >
            {t('pos.new')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('pos.help')}
      </Text>
      <ProblemAlert problem={points.problem} onRetry={points.reload} />
      {points.data && items.length === 0 ? <EmptyBlock title={t('pos.none')} /> : null}
      {items.length ? (
        <Table.ScrollContainer minWidth={420}>
          <Table aria-label={t('pos.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pos.number')}</Table.Th>
                <Table.Th>{t('pos.name')}</Table.Th>
                <Table.Th>{t('pos.active')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <code>{printed(p.number)}</code>
                  </Table.Td>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={p.active ? 'green' : 'gray'}>
                      {p.active ? t('pos.active') : t('pos.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {canUpdate ? (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label={t('pos.rename')}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={`${t('pos.rename')}: ${p.name}`}
                            onClick={() => setEditing(p)}
                          >
                            <IconPencil size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={p.active ? t('pos.deactivate') : t('pos.activate')}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={`${p.active ? t('pos.deactivate') : t('pos.activate')}: ${p.name}`}
                            onClick={() => void toggle(p)}
                          >
                            {p.active ? (
                              <IconPlayerPause size={16} aria-hidden />
                            ) : (
                              <IconPlayerPlay size={16} aria-hidden />
                            )}
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {editing ? (
        <PointOfSaleDialog
          point={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            points.reload();
          }}
        />
      ) : null}
    </Card>
  );
}

/** A new point of sale (number and name), or a new name for one (If-Match). */
function PointOfSaleDialog(props: {
  point: PointOfSale | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const current = props.point;
  const schema = current ? UpdatePointOfSaleInputSchema : CreatePointOfSaleInputSchema;
  const form = useContractForm(schema, {
    ...(current ? {} : { number: 1 }),
    name: current?.name ?? '',
  });
  const submit = useSubmit(form);
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={current ? `${printed(current.number)} · ${current.name ?? ''}` : t('pos.new')}
    >
      <form
        noValidate
        onSubmit={form.onSubmit(
          submit.handler(
            async (values: Record<string, unknown>) =>
              current
                ? api.PATCH('/api/v1/tenancy/points-of-sale/{id}', {
                    params: {
                      path: { id: current.id },
                      header: { 'If-Match': `"${current.version ?? 0}"` },
                    },
                    body: UpdatePointOfSaleInputSchema.parse({ name: values.name }),
                  })
                : api.POST('/api/v1/tenancy/points-of-sale', {
                    body: CreatePointOfSaleInputSchema.parse(values),
                  }),
            () => {
              notify.success(t('pos.saved'));
              props.onSaved();
            },
          ),
        )}
      >
        <Stack>
          <ProblemAlert problem={submit.problem} />
          {current ? null : (
            <NumberInput
              label={t('pos.number')}
              description={t('pos.numberHelp')}
              min={1}
              max={99999}
              allowDecimal={false}
              thousandSeparator=""
              required
              {...form.getInputProps('number')}
            />
          )}
          <TextInput label={t('pos.name')} required {...form.getInputProps('name')} />
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
