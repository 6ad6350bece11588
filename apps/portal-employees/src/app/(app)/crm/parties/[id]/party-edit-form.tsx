'use client';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { components } from '@nexo/api-client';
import { UpdatePartyInputSchema } from '@nexo/contracts';
import { useI18n } from '@nexo/i18n';
import { notify, ProblemAlert, useContractForm, useSubmit } from '@nexo/ui';
import { useState } from 'react';
import { api } from '../../../../../lib/api';
import { hasRecargoEquivalencia, taxConditionOptions } from '../party-tax';

type Party = components['schemas']['Party'];

const formValues = (p: Party) => ({
  name: p.name ?? '',
  legalName: p.legalName ?? '',
  taxCountry: p.taxCountry ?? 'AR',
  taxId: p.taxId ?? '',
  taxCondition: p.taxCondition ?? null,
  recargoEquivalencia: p.recargoEquivalencia ?? false,
  language: p.language ?? null,
  email: p.email ?? '',
  phone: p.phone ?? '',
  website: p.website ?? '',
  customerGroup: p.customerGroup ?? '',
  paymentTermsDays: p.paymentTermsDays ?? '',
  creditLimit: p.creditLimit ?? '',
  tags: p.tags ?? [],
  notes: p.notes ?? '',
  isCustomer: p.isCustomer ?? false,
  isSupplier: p.isSupplier ?? false,
  status: p.status === 'archived' ? 'archived' : 'active',
});
type Values = ReturnType<typeof formValues>;

/** Fields the API can clear (null); the others are left out when blank. */
const NULLABLE = new Set([
  'customerGroup',
  'paymentTermsDays',
  'creditLimit',
  'notes',
  'taxCondition',
]);

/**
 * Only what the person changed is sent (a role may be refused a field it did not touch
 * otherwise); a tax id travels with its country, which the API checks it against.
 */
function changes(values: Values, initial: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(values) as (keyof Values)[]) {
    if (JSON.stringify(values[key]) === JSON.stringify(initial[key])) continue;
    const value = typeof values[key] === 'string' ? String(values[key]).trim() : values[key];
    if (value === '') {
      if (NULLABLE.has(key)) body[key] = null;
    } else body[key] = value;
  }
  if ('taxId' in body || 'taxCountry' in body) {
    body.taxCountry = values.taxCountry;
    if (values.taxId.trim()) body.taxId = values.taxId.trim();
  }
  return body;
}

/** Edit a party with the version it was read at; a change made meanwhile is loaded, not lost. */
export function PartyEditForm(props: {
  party: Party;
  onClose: () => void;
  onSaved: (party: Party) => void;
}) {
  const { t, locale } = useI18n();
  const [base, setBase] = useState(props.party);
  const [stale, setStale] = useState(false);
  const form = useContractForm(UpdatePartyInputSchema, formValues(base));
  const submit = useSubmit(form);
  const country = (
    typeof form.values.taxCountry === 'string' ? form.values.taxCountry : ''
  ).toUpperCase();
  const conditions = taxConditionOptions(country, locale);
  const recargo = hasRecargoEquivalencia(country);
  // A condition of another country, or the regime outside Spain, is dropped when it changes.
  const fitCountry = (value: string) => {
    const next = value.toUpperCase();
    if (!taxConditionOptions(next, locale).some((c) => c.value === form.values.taxCondition))
      form.setFieldValue('taxCondition', null);
    if (!hasRecargoEquivalencia(next)) form.setFieldValue('recargoEquivalencia', false);
  };

  const reload = async () => {
    const { data } = await api.GET('/api/v1/crm/parties/{id}', {
      params: { path: { id: base.id } },
    });
    if (!data) return;
    setBase(data);
    form.setValues(formValues(data));
    form.resetDirty(formValues(data));
  };

  return (
    <Modal opened onClose={props.onClose} title={t('party.edit')} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit(
          submit.handler(
            (values) =>
              api.PATCH('/api/v1/crm/parties/{id}', {
                params: {
                  path: { id: base.id },
                  header: { 'If-Match': `"${base.version ?? 0}"` },
                },
                body: UpdatePartyInputSchema.parse(changes(values as Values, formValues(base))),
              }),
            (saved) => {
              notify.success(t('party.saved'));
              props.onSaved(saved);
            },
            // Changed meanwhile: theirs is loaded and said so, instead of an error.
            (problem, show) => {
              if (problem?.code !== 'precondition_failed') return show();
              submit.clear();
              setStale(true);
              notify.error(t('party.staleReloaded'));
              return reload();
            },
          ),
        )}
      >
        <Stack>
          {stale ? (
            <Alert color="yellow" variant="light" role="alert">
              {t('party.staleReloaded')}
            </Alert>
          ) : null}
          <ProblemAlert problem={submit.problem} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('common.name')} required {...form.getInputProps('name')} />
            <TextInput label={t('party.legalName')} {...form.getInputProps('legalName')} />
            <TextInput
              label={t('party.taxCountry')}
              maxLength={2}
              {...form.getInputProps('taxCountry')}
              onChange={(event) => {
                form.setFieldValue('taxCountry', event.currentTarget.value);
                fitCountry(event.currentTarget.value);
              }}
            />
            <TextInput label={t('party.taxId')} {...form.getInputProps('taxId')} />
            {conditions.length ? (
              <Select
                label={t('party.taxCondition')}
                placeholder={t('party.noTaxCondition')}
                data={conditions}
                clearable
                {...form.getInputProps('taxCondition')}
              />
            ) : null}
            <Select
              label={t('party.language')}
              description={t('party.languageHelp')}
              placeholder={t('party.languageOfCompany')}
              data={[
                { value: 'es', label: t('locale.es') },
                { value: 'en', label: t('locale.en') },
              ]}
              clearable
              {...form.getInputProps('language')}
            />
            <TextInput label={t('common.email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={t('common.phone')} type="tel" {...form.getInputProps('phone')} />
            <TextInput label={t('party.website')} {...form.getInputProps('website')} />
            <TextInput label={t('party.customerGroup')} {...form.getInputProps('customerGroup')} />
            <NumberInput
              label={t('party.paymentTerms')}
              min={0}
              max={365}
              allowDecimal={false}
              {...form.getInputProps('paymentTermsDays')}
            />
            <TextInput label={t('party.creditLimit')} {...form.getInputProps('creditLimit')} />
            <TagsInput label={t('party.tags')} {...form.getInputProps('tags')} />
            <Select
              label={t('party.status')}
              data={[
                { value: 'active', label: t('party.status.active') },
                { value: 'archived', label: t('party.status.archived') },
              ]}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
          </SimpleGrid>
          <Textarea
            label={t('common.notes')}
            autosize
            minRows={2}
            {...form.getInputProps('notes')}
          />
          <Group>
            <Checkbox
              label={t('party.isCustomer')}
              {...form.getInputProps('isCustomer', { type: 'checkbox' })}
            />
            <Checkbox
              label={t('party.isSupplier')}
              {...form.getInputProps('isSupplier', { type: 'checkbox' })}
            />
            {recargo ? (
              <Checkbox
                label={t('party.recargoEquivalencia')}
                description={t('party.recargoEquivalenciaHelp')}
                {...form.getInputProps('recargoEquivalencia', { type: 'checkbox' })}
              />
            ) : null}
          </Group>
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
