'use client';
import {
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Title,
} from '@mantine/core';
import type { components } from '@nexo/api-client';
import { UpdateTenantInputSchema, taxConditionsOf, tenantTaxIdIssue } from '@nexo/contracts';
import { codeLabel, problemMessage, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import { notify, ProblemAlert, useContractForm, useSubmit } from '@nexo/ui';
import { useRouter } from 'next/navigation';
import { api } from '../../../../lib/api';
import { COUNTRIES, CURRENCIES, timeZones } from './company-options';

type Tenant = components['schemas']['Tenant'];

/** The offered codes plus whatever the company already has (set through the API, say). */
const options = (offered: readonly string[], current: unknown): string[] => {
  const have = (Array.isArray(current) ? current : [current]).filter(
    (v): v is string => typeof v === 'string' && v !== '',
  );
  return [...new Set([...offered, ...have])];
};

const formValues = (tenant: Tenant) => ({
  name: tenant.name ?? '',
  legalName: tenant.legalName ?? '',
  taxId: tenant.taxId ?? '',
  taxCondition: tenant.taxCondition ?? null,
  country: tenant.country ?? 'AR',
  currency: tenant.currency ?? '',
  currencies: tenant.currencies ?? [],
  locale: tenant.locale ?? 'es',
  timezone: tenant.timezone ?? 'America/Argentina/Buenos_Aires',
  requireMfaEmployees: tenant.requireMfaEmployees ?? false,
});

/**
 * The company's record, validated by the route's own contract and sent with the version it
 * was read at: when someone changed it meanwhile (412) the form says so and reloads theirs.
 */
export function CompanyForm(props: { tenant: Tenant; onSaved: (tenant: Tenant) => void }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const form = useContractForm(UpdateTenantInputSchema, formValues(props.tenant));
  const submit = useSubmit(form);
  // What the person's roles let them change (a company's own role may narrow it by field).
  const writable = {
    legalName: useCan('update', 'tenancy.tenant', 'legal_name'),
    taxId: useCan('update', 'tenancy.tenant', 'tax_id'),
    country: useCan('update', 'tenancy.tenant', 'country'),
    taxCondition: useCan('update', 'tenancy.tenant', 'tax_condition'),
    mfa: useCan('update', 'tenancy.tenant', 'require_mfa_employees'),
  };
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  // The tax id's own name in the chosen country (CUIT, NIF, RFC…), else the generic one.
  const taxIdName = (country: string) => {
    const name = codeLabel(t, 'taxIdName', country);
    return name && name !== country ? name : t('company.taxId');
  };
  // The tax conditions of the chosen country's pack (none: the field is not shown).
  const conditions = taxConditionsOf(text(form.values.country)).map((c) => ({
    value: c.code,
    label: locale === 'en' ? c.label.en : c.label.es,
  }));
  const currency = (code: string) => ({
    value: code,
    label: `${code} · ${codeLabel(t, 'currency', code)}`,
  });

  const reload = async () => {
    const { data } = await api.GET('/api/v1/tenancy/tenants/{id}', {
      params: { path: { id: props.tenant.id } },
    });
    if (data) {
      form.setValues(formValues(data));
      form.resetDirty(formValues(data));
      props.onSaved(data);
    }
  };

  const save = submit.handler(
    (values: Record<string, unknown>) =>
      api.PATCH('/api/v1/tenancy/tenants/{id}', {
        params: {
          path: { id: props.tenant.id },
          header: { 'If-Match': `"${props.tenant.version ?? 0}"` },
        },
        // Blank text clears the field (null); everything else as the contract parses it.
        body: UpdateTenantInputSchema.parse({
          ...values,
          legalName: text(values.legalName) || null,
          taxId: text(values.taxId) || null,
          // None when blank, or when the country has no such conditions; unread: not sent.
          taxCondition:
            (conditions.some((c) => c.value === values.taxCondition) &&
              text(values.taxCondition)) ||
            (props.tenant.taxCondition === undefined ? undefined : null),
          // Not sent when unknown (a role that may not read it): never replaced by a guess.
          currency: text(values.currency) || undefined,
        }),
      }),
    (saved) => {
      form.resetDirty(formValues(saved));
      props.onSaved(saved);
      notify.success(t('company.saved'));
      // The shell (company name in the switcher) is drawn by the server: redraw it.
      router.refresh();
    },
    // Changed meanwhile: said so, and theirs loaded into the form.
    async (problem, show) => {
      show();
      if (problem?.code !== 'precondition_failed') return;
      notify.error(problemMessage(problem, t));
      await reload();
    },
  );

  return (
    <Card>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          const issue = tenantTaxIdIssue(text(values.country), text(values.taxId));
          if (issue) return form.setFieldError('taxId', t('company.taxIdInvalid'));
          return save(values);
        })}
      >
        <Stack>
          <Title order={2} size="h4">
            {t('company.general')}
          </Title>
          <ProblemAlert problem={submit.problem} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('company.name')} required {...form.getInputProps('name')} />
            <TextInput
              label={t('company.legalName')}
              disabled={!writable.legalName}
              {...form.getInputProps('legalName')}
            />
            <Select
              label={t('company.country')}
              data={options(COUNTRIES, form.values.country).map((c) => ({
                value: c,
                label: codeLabel(t, 'country', c),
              }))}
              searchable
              allowDeselect={false}
              disabled={!writable.country}
              {...form.getInputProps('country')}
              onChange={(value: string | null) => {
                form.setFieldValue('country', value ?? '');
                // A condition of the old country means nothing in the new one.
                if (!taxConditionsOf(value).some((c) => c.code === form.values.taxCondition))
                  form.setFieldValue('taxCondition', null);
              }}
            />
            <TextInput
              label={taxIdName(text(form.values.country))}
              description={t('company.taxIdHelp')}
              disabled={!writable.taxId}
              {...form.getInputProps('taxId')}
            />
            {conditions.length ? (
              <Select
                label={t('company.taxCondition')}
                description={t('company.taxConditionHelp')}
                placeholder={t('company.noTaxCondition')}
                data={conditions}
                clearable
                disabled={!writable.taxCondition}
                {...form.getInputProps('taxCondition')}
              />
            ) : null}
            <Select
              label={t('company.currency')}
              description={t('company.currencyHelp')}
              data={options(CURRENCIES, form.values.currency).map(currency)}
              searchable
              allowDeselect={false}
              {...form.getInputProps('currency')}
            />
            <MultiSelect
              label={t('company.currencies')}
              description={t('company.currenciesHelp')}
              data={options(CURRENCIES, form.values.currencies)
                .filter((c) => c !== form.values.currency)
                .map(currency)}
              searchable
              clearable
              {...form.getInputProps('currencies')}
            />
            <Select
              label={t('company.locale')}
              data={[
                { value: 'es', label: t('locale.es') },
                { value: 'en', label: t('locale.en') },
              ]}
              allowDeselect={false}
              {...form.getInputProps('locale')}
            />
            <Select
              label={t('company.timezone')}
              data={timeZones(text(form.values.timezone))}
              searchable
              allowDeselect={false}
              {...form.getInputProps('timezone')}
            />
          </SimpleGrid>
          <Switch
            label={t('company.requireMfa')}
            disabled={!writable.mfa}
            {...form.getInputProps('requireMfaEmployees', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button
              variant="default"
              disabled={!form.isDirty()}
              onClick={() => form.setValues(formValues(props.tenant))}
            >
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submit.pending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
