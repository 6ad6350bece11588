'use client';
import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import type { components } from '@nexo/api-client';
import { isDocumentLevel, TAX_KINDS, type TaxKind } from '@nexo/commerce';
import { CreateTaxRateInputSchema, UpdateTaxRateInputSchema } from '@nexo/contracts';
import { codeLabel, useI18n } from '@nexo/i18n';
import {
  asProblem,
  contractValues,
  notify,
  ProblemAlert,
  useContractForm,
  useSubmit,
} from '@nexo/ui';
import { decimal, decimalString } from '@nexo/utils';
import { useState } from 'react';
import { api } from '../../../../lib/api';
import { COUNTRIES } from './company-options';

export type TaxRate = components['schemas']['TaxRate'];
type Values = Record<string, unknown>;

/** Exempt and non-taxable are VAT at 0: they have no rate of their own. */
const isZeroRated = (kind: TaxKind) => kind === 'exempt' || kind === 'non_taxable';
/** Only line taxes with a rate may be a fixed amount per unit instead (excises, mostly). */
const mayBeFixed = (kind: TaxKind) => !isDocumentLevel(kind) && !isZeroRated(kind);
/** A stored decimal as typed: `21.000000` → `21`, exact (no float). */
const plain = (v: string | null | undefined) => (v ? decimalString(decimal(v)) : '');
const blankToNull = (v: unknown) => (v == null || (typeof v === 'string' && !v.trim()) ? null : v);

/**
 * The form with what does not apply to its kind and computation set aside (`taxShapeProblems`
 * of @nexo/commerce): a fixed tax has rate 0 and an amount, exempt and non-taxable rate 0,
 * only perceptions and withholdings a threshold and minimum, and those never in the price.
 */
function fitted(v: Values): Values {
  const kind = v.kind as TaxKind;
  const fixed = mayBeFixed(kind) && v.computation === 'fixed';
  const documentLevel = isDocumentLevel(kind);
  return {
    ...v,
    computation: fixed ? 'fixed' : 'percent',
    rate: fixed || isZeroRated(kind) ? '0' : v.rate,
    amount: fixed ? v.amount : '',
    includedInPrice: documentLevel ? false : v.includedInPrice,
    threshold: documentLevel ? v.threshold : '',
    minimumTax: documentLevel ? v.minimumTax : '',
  };
}

/** The body: fields that do not apply, or were emptied, are sent as null (cleared on a change). */
function body(v: Values): Values {
  const f = fitted(v);
  return {
    ...f,
    amount: blankToNull(f.amount),
    country: blankToNull(f.country),
    threshold: blankToNull(f.threshold),
    minimumTax: blankToNull(f.minimumTax),
  };
}

/** A new tax (`rate` null) or a change to one: every field, those its kind uses. */
export function TaxRateDialog(props: {
  rate: TaxRate | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const r = props.rate;
  // Validated as a whole tax (the create contract checks its shape), sent as a change when editing.
  const form = useContractForm(CreateTaxRateInputSchema, {
    code: r?.code ?? '',
    name: r?.name ?? '',
    kind: r?.kind ?? 'vat',
    computation: r?.computation ?? 'percent',
    rate: plain(r?.rate),
    amount: plain(r?.amount),
    includedInPrice: r?.includedInPrice ?? false,
    country: r?.country ?? null,
    threshold: plain(r?.threshold),
    minimumTax: plain(r?.minimumTax),
    active: r?.active ?? true,
  });
  const submit = useSubmit(form);
  const kind = form.values.kind as TaxKind;
  const fixed = form.values.computation === 'fixed';
  const documentLevel = isDocumentLevel(kind);
  // A country outside the usual list, kept when it is the tax's own.
  const countries = [...new Set<string>([...COUNTRIES, ...(r?.country ? [r.country] : [])])];
  const change = (field: 'kind' | 'computation') => (value: string | null) =>
    value && form.setValues(fitted({ ...form.getValues(), [field]: value }));
  const decimalInput = (field: string, label: string, description?: string) => (
    <TextInput
      label={label}
      description={description}
      inputMode="decimal"
      {...form.getInputProps(field)}
    />
  );
  return (
    <Modal opened onClose={props.onClose} title={r?.name ?? t('tax.new')} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit(
          submit.handler(
            (values) =>
              r
                ? api.PATCH('/api/v1/catalog/tax-rates/{id}', {
                    params: { path: { id: r.id }, header: { 'If-Match': `"${r.version}"` } },
                    body: contractValues(UpdateTaxRateInputSchema, body(values)),
                  })
                : api.POST('/api/v1/catalog/tax-rates', {
                    body: contractValues(CreateTaxRateInputSchema, body(values)),
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
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('tax.code')} required {...form.getInputProps('code')} />
            <TextInput label={t('common.name')} required {...form.getInputProps('name')} />
            <Select
              label={t('common.kind')}
              data={TAX_KINDS.map((k) => ({ value: k, label: codeLabel(t, 'tax.kind', k) }))}
              allowDeselect={false}
              required
              {...form.getInputProps('kind')}
              onChange={change('kind')}
            />
            {mayBeFixed(kind) ? (
              <Select
                label={t('tax.computedAs')}
                data={(['percent', 'fixed'] as const).map((c) => ({
                  value: c,
                  label: codeLabel(t, 'tax.computation', c),
                }))}
                allowDeselect={false}
                {...form.getInputProps('computation')}
                onChange={change('computation')}
              />
            ) : null}
            {fixed ? decimalInput('amount', t('tax.amount'), t('tax.amountHelp')) : null}
            {!fixed && !isZeroRated(kind) ? decimalInput('rate', t('tax.rate')) : null}
            {documentLevel ? (
              <>
                {decimalInput('threshold', t('tax.threshold'), t('tax.thresholdHelp'))}
                {decimalInput('minimumTax', t('tax.minimumTax'), t('tax.minimumTaxHelp'))}
              </>
            ) : null}
            <Select
              label={t('tax.country')}
              data={countries.map((c) => ({ value: c, label: codeLabel(t, 'country', c) }))}
              searchable
              clearable
              {...form.getInputProps('country')}
            />
            <Text size="sm" c="dimmed">
              {t('tax.accountHelp')}
            </Text>
          </SimpleGrid>
          {documentLevel ? null : (
            <Switch
              label={t('tax.includedInPrice')}
              description={t('tax.includedHelp')}
              {...form.getInputProps('includedInPrice', { type: 'checkbox' })}
            />
          )}
          <Switch label={t('tax.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
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

/** Deletes a tax nothing uses; one in use is refused (409) and is better deactivated. */
export function DeleteTaxRateDialog(props: {
  rate: TaxRate;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ReturnType<typeof asProblem> | undefined>(undefined);
  const { rate } = props;
  return (
    <Modal opened onClose={props.onClose} title={t('common.delete')}>
      <Stack>
        <Text>{t('tax.deleteConfirm', { name: rate.name })}</Text>
        {problem?.status === 409 ? (
          <Alert color="red" variant="light" role="alert" title={t('tax.inUse')} />
        ) : (
          <ProblemAlert problem={problem} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={busy}
            disabled={problem?.status === 409}
            onClick={async () => {
              setBusy(true);
              const { error } = await api.DELETE('/api/v1/catalog/tax-rates/{id}', {
                params: { path: { id: rate.id }, header: { 'If-Match': `"${rate.version}"` } },
              });
              setBusy(false);
              if (error) return setProblem(asProblem(error));
              notify.success(t('tax.deleted'));
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
