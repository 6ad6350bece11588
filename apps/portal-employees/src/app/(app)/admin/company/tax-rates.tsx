'use client';
import { ActionIcon, Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { isDocumentLevel, TAX_KINDS, type TaxKind } from '@nexo/commerce';
import { codeLabel, problemMessage, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import { asProblem, EmptyBlock, notify, ProblemAlert, useApiQuery } from '@nexo/ui';
import { decimal } from '@nexo/utils';
import {
  IconPencil,
  IconPlus,
  IconToggleLeft,
  IconToggleRight,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { api, listQuery } from '../../../../lib/api';
import { DeleteTaxRateDialog, TaxRateDialog, type TaxRate } from './tax-rate-dialog';

/** VAT first, then its 0 % cases, line taxes, perceptions and withholdings; higher rates first. */
function byKindAndRate(a: TaxRate, b: TaxRate): number {
  const kind = (r: TaxRate) => TAX_KINDS.indexOf(r.kind ?? 'other');
  return (
    kind(a) - kind(b) ||
    decimal(b.rate ?? '0').comparedTo(decimal(a.rate ?? '0')) ||
    (a.code ?? '').localeCompare(b.code ?? '')
  );
}

/** A rate as stored, grouped for the reader's language, up to the 6 places it has. */
function useDecimalFormat(): (value: string | null | undefined) => string {
  const { f } = useI18n();
  const format = new Intl.NumberFormat(f.locale === 'es' ? 'es-AR' : 'en-US', {
    maximumFractionDigits: 6,
  });
  // Intl reads a decimal string exactly (no float).
  return (value) => (value ? format.format(value as unknown as number) : '—');
}

/**
 * The catalog's taxes, where the company's settings are: VAT, exemptions, excises,
 * perceptions and withholdings; created, changed, (de)activated in place and deleted while
 * nothing uses them.
 */
export function TaxRatesCard() {
  const { t, f } = useI18n();
  const num = useDecimalFormat();
  // Amounts are in the company's base currency, which the API names (`currency`).
  const money = (value: string | null | undefined, currency: string | undefined) =>
    value ? f.money(value, currency) : '—';
  const canCreate = useCan('create', 'catalog.tax');
  const canEdit = useCan('update', 'catalog.tax');
  const canDelete = useCan('delete', 'catalog.tax');
  const rates = useApiQuery('tax-rates', () =>
    api.GET('/api/v1/catalog/tax-rates', { params: { query: listQuery({ limit: '200' }) } }),
  );
  const [editing, setEditing] = useState<TaxRate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TaxRate | null>(null);
  const [toggling, setToggling] = useState<string | null>(null);
  const items = [...(rates.data?.items ?? [])].sort(byKindAndRate);

  const toggle = async (r: TaxRate) => {
    setToggling(r.id);
    const { data, error } = await api.PATCH('/api/v1/catalog/tax-rates/{id}', {
      params: { path: { id: r.id }, header: { 'If-Match': `"${r.version}"` } },
      body: { active: !r.active },
    });
    setToggling(null);
    if (!data) return notify.error(problemMessage(asProblem(error), t));
    notify.success(t(data.active ? 'tax.activated' : 'tax.deactivated'));
    rates.setData(
      (page) => page && { ...page, items: page.items.map((i) => (i.id === data.id ? data : i)) },
    );
  };
  const closed = () => {
    setEditing(null);
    setDeleting(null);
    rates.reload();
  };

  return (
    <Card>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('company.taxes')}
        </Title>
        {canCreate ? (
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setEditing('new')}
          >
            {t('tax.new')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('company.taxesHelp')}
      </Text>
      <ProblemAlert problem={rates.problem} onRetry={rates.reload} />
      {rates.data?.items.length === 0 ? <EmptyBlock title={t('company.noTaxes')} /> : null}
      {items.length ? (
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label={t('company.taxes')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tax.code')}</Table.Th>
                <Table.Th>{t('common.name')}</Table.Th>
                <Table.Th>{t('common.kind')}</Table.Th>
                <Table.Th>{t('tax.rateOrAmount')}</Table.Th>
                <Table.Th>{t('tax.includedInPrice')}</Table.Th>
                <Table.Th>{t('tax.threshold')}</Table.Th>
                <Table.Th>{t('tax.country')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => {
                const documentLevel = isDocumentLevel(r.kind as TaxKind);
                return (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <code>{r.code}</code>
                    </Table.Td>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>{codeLabel(t, 'tax.kind', r.kind)}</Table.Td>
                    <Table.Td>
                      {r.computation === 'fixed'
                        ? t('tax.perUnit', { amount: money(r.amount, r.currency) })
                        : `${num(r.rate)} %`}
                    </Table.Td>
                    <Table.Td>
                      {documentLevel ? '—' : t(r.includedInPrice ? 'common.yes' : 'common.no')}
                    </Table.Td>
                    <Table.Td>
                      {documentLevel ? money(r.threshold, r.currency) : '—'}
                      {documentLevel && r.minimumTax ? (
                        <Text size="xs" c="dimmed">
                          {t('tax.minimumShort', { amount: money(r.minimumTax, r.currency) })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{r.country ? codeLabel(t, 'country', r.country) : '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={r.active ? 'teal' : 'gray'} miw="max-content">
                        {r.active ? t('tax.active') : t('tax.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        {canEdit ? (
                          <>
                            <ActionIcon
                              variant="subtle"
                              aria-label={`${t('common.edit')}: ${r.name}`}
                              onClick={() => setEditing(r)}
                            >
                              <IconPencil size={16} aria-hidden />
                            </ActionIcon>
                            <ActionIcon
                              variant="subtle"
                              color={r.active ? 'gray' : 'teal'}
                              loading={toggling === r.id}
                              aria-label={`${t(r.active ? 'tax.deactivate' : 'tax.activate')}: ${r.name}`}
                              onClick={() => void toggle(r)}
                            >
                              {r.active ? (
                                <IconToggleRight size={16} aria-hidden />
                              ) : (
                                <IconToggleLeft size={16} aria-hidden />
                              )}
                            </ActionIcon>
                          </>
                        ) : null}
                        {canDelete ? (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`${t('common.delete')}: ${r.name}`}
                            onClick={() => setDeleting(r)}
                          >
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {editing ? (
        <TaxRateDialog
          rate={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={closed}
        />
      ) : null}
      {deleting ? (
        <DeleteTaxRateDialog rate={deleting} onClose={() => setDeleting(null)} onDeleted={closed} />
      ) : null}
    </Card>
  );
}
