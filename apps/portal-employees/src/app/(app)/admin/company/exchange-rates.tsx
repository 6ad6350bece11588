'use client';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { components } from '@nexo/api-client';
import { SaveExchangeRateInputSchema } from '@nexo/contracts';
import { codeLabel, problemMessage, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import {
  asProblem,
  contractValues,
  EmptyBlock,
  notify,
  ProblemAlert,
  useApiQuery,
  useContractForm,
  useSubmit,
} from '@nexo/ui';
import { IconPlus, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { api, listQuery } from '../../../../lib/api';

type Rate = components['schemas']['ExchangeRate'];
type ImportResult = components['schemas']['ExchangeRateImportResult'];

/** A rate as typed, grouped for the reader's language, every decimal kept (Intl reads the string). */
function useRateFormat(): (rate: string) => string {
  const { f } = useI18n();
  const format = new Intl.NumberFormat(f.locale === 'es' ? 'es-AR' : 'en-US', {
    maximumFractionDigits: 10,
  });
  return (rate) => format.format(rate as unknown as number);
}

/**
 * The company's exchange rates, per currency and date: what 1 unit of each accepted currency is
 * worth in the base one. Add (a rate for a currency and date already entered replaces it),
 * delete, and import a CSV.
 */
export function ExchangeRatesCard(props: { baseCurrency: string; currencies: string[] }) {
  const { t, f } = useI18n();
  const rateText = useRateFormat();
  const canWrite = useCan('create', 'tenancy.exchange-rate');
  const canDelete = useCan('delete', 'tenancy.exchange-rate');
  const canImport = useCan('import', 'tenancy.exchange-rate');
  const [currency, setCurrency] = useState<string | null>(null);
  const [more, setMore] = useState<{ items: Rate[]; nextCursor: string | null } | null>(null);
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);
  const [deleting, setDeleting] = useState<Rate | null>(null);
  const rates = useApiQuery(`exchange-rates:${currency ?? ''}`, () => {
    setMore(null);
    return api.GET('/api/v1/tenancy/exchange-rates', {
      params: { query: listQuery({ limit: '50', ...(currency ? { currency } : {}) }) },
    });
  });
  const items = [...(rates.data?.items ?? []), ...(more?.items ?? [])];
  const nextCursor = more ? more.nextCursor : (rates.data?.nextCursor ?? null);
  const reload = () => {
    setMore(null);
    rates.reload();
  };

  const loadMore = async () => {
    if (!nextCursor) return;
    const { data, error } = await api.GET('/api/v1/tenancy/exchange-rates', {
      params: {
        query: listQuery({ limit: '50', cursor: nextCursor, ...(currency ? { currency } : {}) }),
      },
    });
    if (data)
      setMore({ items: [...(more?.items ?? []), ...data.items], nextCursor: data.nextCursor });
    else notify.error(problemMessage(asProblem(error), t));
  };

  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('rates.title')}
        </Title>
        <Group gap="xs">
          {canImport ? (
            <Button
              variant="default"
              size="xs"
              leftSection={<IconUpload size={14} aria-hidden />}
              onClick={() => setDialog('import')}
            >
              {t('rates.import')}
            </Button>
          ) : null}
          {canWrite ? (
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setDialog('new')}
            >
              {t('rates.new')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('rates.help', { base: props.baseCurrency })}
      </Text>
      {props.currencies.length > 1 ? (
        <Select
          mb="sm"
          maw={240}
          label={t('rates.currency')}
          placeholder={t('rates.allCurrencies')}
          data={props.currencies}
          value={currency}
          onChange={setCurrency}
          clearable
        />
      ) : null}
      <ProblemAlert problem={rates.problem} onRetry={rates.reload} />
      {rates.data && items.length === 0 ? <EmptyBlock title={t('rates.none')} /> : null}
      {items.length ? (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label={t('rates.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rates.currency')}</Table.Th>
                <Table.Th>{t('rates.date')}</Table.Th>
                <Table.Th>{t('rates.rate')}</Table.Th>
                <Table.Th>{t('rates.source')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <code>{r.currency}</code>
                  </Table.Td>
                  <Table.Td>{f.date(r.date)}</Table.Td>
                  <Table.Td>
                    1 {r.currency} = {rateText(r.rate)} {r.baseCurrency}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={r.source === 'csv' ? 'blue' : 'gray'}>
                      {codeLabel(t, 'rates.source', r.source)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {canDelete ? (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`${t('common.delete')}: ${r.currency} ${f.date(r.date)}`}
                        onClick={() => setDeleting(r)}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {nextCursor ? (
        <Group justify="center" mt="sm">
          <Button variant="subtle" size="xs" onClick={() => void loadMore()}>
            {t('rates.more')}
          </Button>
        </Group>
      ) : null}
      {dialog === 'new' ? (
        <RateDialog
          baseCurrency={props.baseCurrency}
          currencies={props.currencies}
          initialCurrency={currency}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            reload();
          }}
        />
      ) : null}
      {dialog === 'import' ? (
        <ImportRatesDialog onClose={() => setDialog(null)} onImported={reload} />
      ) : null}
      {deleting ? (
        <DeleteRateDialog
          rate={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
            reload();
          }}
        />
      ) : null}
    </Card>
  );
}

/** A rate for a currency and date; one already entered for that date is replaced. */
function RateDialog(props: {
  baseCurrency: string;
  currencies: string[];
  initialCurrency: string | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const form = useContractForm(SaveExchangeRateInputSchema, {
    currency: props.initialCurrency ?? props.currencies[0] ?? '',
    date: new Date().toISOString().slice(0, 10),
    rate: '',
  });
  const submit = useSubmit(form);
  const typed = form.getValues().currency;
  const currency = typeof typed === 'string' && typed ? typed : '…';
  return (
    <Modal opened onClose={props.onClose} title={t('rates.new')}>
      <form
        noValidate
        onSubmit={form.onSubmit(
          submit.handler(
            (values) =>
              api.POST('/api/v1/tenancy/exchange-rates', {
                body: contractValues(SaveExchangeRateInputSchema, values),
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
          {props.currencies.length ? (
            <Select
              label={t('rates.currency')}
              data={props.currencies}
              allowDeselect={false}
              required
              {...form.getInputProps('currency')}
            />
          ) : (
            <TextInput
              label={t('rates.currency')}
              required
              maxLength={3}
              {...form.getInputProps('currency')}
            />
          )}
          <TextInput type="date" label={t('rates.date')} required {...form.getInputProps('date')} />
          <TextInput
            label={t('rates.rate')}
            description={t('rates.rateHelp', { currency, base: props.baseCurrency })}
            inputMode="decimal"
            required
            {...form.getInputProps('rate')}
          />
          <Text size="xs" c="dimmed">
            {t('rates.replaces')}
          </Text>
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

function DeleteRateDialog(props: { rate: Rate; onClose: () => void; onDeleted: () => void }) {
  const { t, f } = useI18n();
  const [busy, setBusy] = useState(false);
  const { rate } = props;
  return (
    <Modal opened onClose={props.onClose} title={t('common.delete')}>
      <Stack>
        <Text>
          {t('rates.deleteConfirm', { currency: rate.currency, date: f.date(rate.date) })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={busy}
            onClick={async () => {
              setBusy(true);
              const { error } = await api.DELETE('/api/v1/tenancy/exchange-rates/{id}', {
                params: { path: { id: rate.id }, header: { 'If-Match': `"${rate.version}"` } },
              });
              setBusy(false);
              if (error) return notify.error(problemMessage(asProblem(error), t));
              notify.success(t('rates.deleted'));
              props.onDeleted();
            }}
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A CSV `currency,date,rate`: all rows or none by default; the report names each bad line. */
function ImportRatesDialog(props: { onClose: () => void; onImported: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<ReturnType<typeof asProblem> | undefined>(undefined);
  return (
    <Modal opened onClose={props.onClose} title={t('rates.import')} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('rates.importHelp')}
        </Text>
        <ProblemAlert problem={problem} />
        <FileInput
          label={t('rates.importFile')}
          accept=".csv,text/csv"
          value={file}
          onChange={(next) => {
            setFile(next);
            setResult(null);
          }}
          clearable
        />
        <Switch
          label={t('rates.importValidOnly')}
          checked={validOnly}
          onChange={(e) => setValidOnly(e.currentTarget.checked)}
        />
        {result ? (
          <Alert
            color={result.issues.length ? (result.imported ? 'yellow' : 'red') : 'teal'}
            role="status"
          >
            <Text size="sm">
              {t('rates.imported', { imported: result.imported, rows: result.rows })}
            </Text>
            {result.issues.length ? (
              <>
                <Text size="sm" mt="xs">
                  {t('rates.importIssues')}
                </Text>
                {result.issues.slice(0, 30).map((i) => (
                  <Text key={`${i.line}:${i.column}`} size="xs">
                    {t('rates.importLine', { line: i.line, column: i.column, message: i.message })}
                  </Text>
                ))}
              </>
            ) : null}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.close')}
          </Button>
          <Button
            disabled={!file}
            loading={busy}
            onClick={async () => {
              if (!file) return;
              setBusy(true);
              const { data, error } = await api.POST('/api/v1/tenancy/exchange-rates/import', {
                body: { csv: await file.text(), mode: validOnly ? 'valid-only' : 'all-or-nothing' },
              });
              setBusy(false);
              if (!data) return setProblem(asProblem(error));
              setProblem(undefined);
              setResult(data);
              if (data.imported) props.onImported();
            }}
          >
            {t('rates.import')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
