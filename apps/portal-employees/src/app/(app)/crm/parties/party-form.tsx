'use client';
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { CreatePartyInputSchema } from '@nexo/contracts';
import { useI18n } from '@nexo/i18n';
import { contractValues, notify, ProblemAlert, useContractForm, useSubmit } from '@nexo/ui';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from '../../../../lib/api';
import { hasRecargoEquivalencia, taxConditionOptions } from './party-tax';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const emptyContact = () => ({ name: '', role: '', email: '', phone: '', isPrimary: false });

/** A new party with its contacts, validated by the API's own contract before it is sent. */
export function PartyForm(props: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [duplicates, setDuplicates] = useState<string[]>([]);
  const form = useContractForm(CreatePartyInputSchema, {
    kind: 'organization',
    name: '',
    legalName: '',
    isCustomer: true,
    isSupplier: false,
    taxCountry: 'AR',
    taxId: '',
    taxCondition: null,
    recargoEquivalencia: false,
    email: '',
    phone: '',
    contacts: [{ ...emptyContact(), isPrimary: true }],
  });
  const submit = useSubmit(form);
  const contacts = form.values.contacts as ReturnType<typeof emptyContact>[];
  const conditions = taxConditionOptions(text(form.values.taxCountry).toUpperCase(), locale);
  const recargo = hasRecargoEquivalencia(text(form.values.taxCountry).toUpperCase());

  const checkDuplicates = async () => {
    const name = text(form.values.name).trim();
    if (name.length < 3) return setDuplicates([]);
    const { data } = await api.POST('/api/v1/crm/parties/duplicates', {
      body: {
        name,
        ...(form.values.taxId
          ? { taxCountry: text(form.values.taxCountry), taxId: text(form.values.taxId) }
          : {}),
      },
    });
    setDuplicates((data ?? []).map((d) => d.name));
  };

  return (
    <Modal opened onClose={props.onClose} title={t('party.new')} size="xl">
      <form
        onSubmit={form.onSubmit(
          submit.handler(
            (values) =>
              api.POST('/api/v1/crm/parties', {
                body: contractValues(CreatePartyInputSchema, {
                  ...values,
                  // Only a condition and regime of the country the party ends up in.
                  taxCondition: conditions.some((c) => c.value === values.taxCondition)
                    ? values.taxCondition
                    : null,
                  recargoEquivalencia: recargo && values.recargoEquivalencia === true,
                }),
              }),
            (party) => {
              notify.success(t('party.created', { name: party.name ?? '' }));
              router.push(`/crm/parties/${party.id}`);
            },
          ),
        )}
        noValidate
      >
        <Stack>
          <ProblemAlert problem={submit.problem} />
          <SegmentedControl
            aria-label={t('common.kind')}
            data={[
              { value: 'organization', label: t('party.kind.organization') },
              { value: 'person', label: t('party.kind.person') },
            ]}
            {...form.getInputProps('kind')}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('common.name')}
              required
              data-autofocus
              {...form.getInputProps('name')}
              onBlur={() => void checkDuplicates()}
            />
            <TextInput label={t('party.legalName')} {...form.getInputProps('legalName')} />
          </Group>
          {duplicates.length ? (
            <Alert color="yellow" variant="light">
              {t('party.duplicates', { names: duplicates.join(', ') })}
            </Alert>
          ) : null}
          <Group grow align="flex-start">
            <TextInput
              label={t('party.taxCountry')}
              maxLength={2}
              {...form.getInputProps('taxCountry')}
            />
            <TextInput label={t('party.taxId')} {...form.getInputProps('taxId')} />
          </Group>
          {conditions.length || recargo ? (
            <Group grow align="flex-start">
              {conditions.length ? (
                <Select
                  label={t('party.taxCondition')}
                  placeholder={t('party.noTaxCondition')}
                  data={conditions}
                  clearable
                  {...form.getInputProps('taxCondition')}
                />
              ) : null}
              {recargo ? (
                <Checkbox
                  mt="lg"
                  label={t('party.recargoEquivalencia')}
                  description={t('party.recargoEquivalenciaHelp')}
                  {...form.getInputProps('recargoEquivalencia', { type: 'checkbox' })}
                />
              ) : null}
            </Group>
          ) : null}
          <Group grow align="flex-start">
            <TextInput label={t('common.email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={t('common.phone')} type="tel" {...form.getInputProps('phone')} />
          </Group>
          <Group>
            <Checkbox
              label={t('party.isCustomer')}
              {...form.getInputProps('isCustomer', { type: 'checkbox' })}
            />
            <Checkbox
              label={t('party.isSupplier')}
              {...form.getInputProps('isSupplier', { type: 'checkbox' })}
            />
          </Group>
          <Divider />
          <Group justify="space-between">
            <Title order={3} size="h5">
              {t('party.contacts')}
            </Title>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => form.insertListItem('contacts', emptyContact())}
            >
              {t('contact.new')}
            </Button>
          </Group>
          {contacts.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('contact.none')}
            </Text>
          ) : null}
          {contacts.map((_, index) => (
            <fieldset
              key={index}
              aria-label={`${t('party.contacts')} ${index + 1}`}
              style={{
                border: '1px solid var(--mantine-color-default-border)',
                borderRadius: 8,
                padding: 12,
              }}
            >
              <Group grow align="flex-start">
                <TextInput
                  label={t('common.name')}
                  aria-label={`${t('contact.new')} ${index + 1}: ${t('common.name')}`}
                  {...form.getInputProps(`contacts.${index}.name`)}
                />
                <TextInput
                  label={t('contact.role')}
                  {...form.getInputProps(`contacts.${index}.role`)}
                />
              </Group>
              <Group grow align="flex-start" mt="xs">
                <TextInput
                  label={t('common.email')}
                  type="email"
                  {...form.getInputProps(`contacts.${index}.email`)}
                />
                <TextInput
                  label={t('common.phone')}
                  type="tel"
                  {...form.getInputProps(`contacts.${index}.phone`)}
                />
              </Group>
              <Group justify="space-between" mt="xs">
                <Checkbox
                  label={t('contact.isPrimary')}
                  {...form.getInputProps(`contacts.${index}.isPrimary`, { type: 'checkbox' })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`${t('common.remove')} ${index + 1}`}
                  onClick={() => form.removeListItem('contacts', index)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            </fieldset>
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submit.pending}>
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
