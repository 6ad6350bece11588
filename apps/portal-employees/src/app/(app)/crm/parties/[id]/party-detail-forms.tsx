'use client';
import {
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { AddressInputSchema, ContactInputSchema } from '@nexo/contracts';
import { useI18n } from '@nexo/i18n';
import { contractValues, ProblemAlert, useContractForm, useSubmit } from '@nexo/ui';
import { api } from '../../../../../lib/api';

/** A new contact of the party, validated by the route's contract. */
export function ContactForm(props: { partyId: string; onCreated: () => void }) {
  const { t } = useI18n();
  const form = useContractForm(ContactInputSchema, {
    name: '',
    role: '',
    email: '',
    phone: '',
    isPrimary: false,
  });
  const submit = useSubmit(form);
  return (
    <form
      onSubmit={form.onSubmit(
        submit.handler(
          (values) =>
            api.POST('/api/v1/crm/parties/{id}/contacts', {
              params: { path: { id: props.partyId } },
              body: contractValues(ContactInputSchema, values),
            }),
          () => {
            form.reset();
            props.onCreated();
          },
        ),
      )}
    >
      <Stack gap="xs" mt="md">
        <Title order={3} size="h6">
          {t('contact.new')}
        </Title>
        <ProblemAlert problem={submit.problem} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('common.name')} required {...form.getInputProps('name')} />
          <TextInput label={t('contact.role')} {...form.getInputProps('role')} />
          <TextInput label={t('common.email')} type="email" {...form.getInputProps('email')} />
          <TextInput label={t('common.phone')} type="tel" {...form.getInputProps('phone')} />
        </SimpleGrid>
        <Group justify="space-between">
          <Checkbox
            label={t('contact.isPrimary')}
            {...form.getInputProps('isPrimary', { type: 'checkbox' })}
          />
          <Button type="submit" variant="light">
            {t('common.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A new address of the party, validated by the route's contract. */
export function AddressForm(props: { partyId: string; onCreated: () => void }) {
  const { t } = useI18n();
  const form = useContractForm(AddressInputSchema, {
    kind: 'billing',
    line1: '',
    line2: '',
    city: '',
    region: '',
    postalCode: '',
    country: 'AR',
    isDefault: false,
  });
  const submit = useSubmit(form);
  return (
    <form
      onSubmit={form.onSubmit(
        submit.handler(
          (values) =>
            api.POST('/api/v1/crm/parties/{id}/addresses', {
              params: { path: { id: props.partyId } },
              body: contractValues(AddressInputSchema, values),
            }),
          () => {
            form.reset();
            props.onCreated();
          },
        ),
      )}
    >
      <Stack gap="xs" mt="md">
        <Title order={3} size="h6">
          {t('address.new')}
        </Title>
        <ProblemAlert problem={submit.problem} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('common.kind')}
            data={[
              { value: 'billing', label: t('address.kind.billing') },
              { value: 'shipping', label: t('address.kind.shipping') },
            ]}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <TextInput label={t('address.line1')} required {...form.getInputProps('line1')} />
          <TextInput label={t('address.line2')} {...form.getInputProps('line2')} />
          <TextInput label={t('address.city')} required {...form.getInputProps('city')} />
          <TextInput label={t('address.region')} {...form.getInputProps('region')} />
          <TextInput label={t('address.postalCode')} {...form.getInputProps('postalCode')} />
          <TextInput
            label={t('address.country')}
            maxLength={2}
            {...form.getInputProps('country')}
          />
        </SimpleGrid>
        <Group justify="space-between">
          <Checkbox
            label={t('address.isDefault')}
            {...form.getInputProps('isDefault', { type: 'checkbox' })}
          />
          <Button type="submit" variant="light">
            {t('common.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
