'use client';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import type { components } from '@nexo/api-client';
import { problemMessage, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import {
  asProblem,
  EmptyBlock,
  Field,
  LoadingBlock,
  notify,
  PageHeader,
  ProblemAlert,
  useApiQuery,
} from '@nexo/ui';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api, listQuery } from '../../../../../lib/api';
import { useMoney } from '../../../../../lib/company';
import { ActivityForm } from '../../../../../components/activity-form';
import { Timeline } from '../../../../../components/timeline';
import { AddressForm, ContactForm } from './party-detail-forms';
import { PartyCurrentAccount } from './party-current-account';
import { PartyEditForm } from './party-edit-form';
import { hasRecargoEquivalencia, taxConditionLabel } from '../party-tax';

type Party = components['schemas']['Party'];

export function PartyDetail(props: { id: string }) {
  const { t, f, locale } = useI18n();
  const money = useMoney();
  const path = { params: { path: { id: props.id } } };
  const party = useApiQuery(`party:${props.id}`, () => api.GET('/api/v1/crm/parties/{id}', path));
  const contacts = useApiQuery(`contacts:${props.id}`, () =>
    api.GET('/api/v1/crm/parties/{id}/contacts', path),
  );
  const addresses = useApiQuery(`addresses:${props.id}`, () =>
    api.GET('/api/v1/crm/parties/{id}/addresses', path),
  );
  const timeline = useApiQuery(`timeline:${props.id}`, () =>
    api.GET('/api/v1/crm/parties/{id}/timeline', path),
  );
  const activities = useApiQuery(`activities:${props.id}`, () =>
    api.GET('/api/v1/crm/activities', {
      params: { query: listQuery({ partyId: props.id, sort: '-createdAt', limit: '50' }) },
    }),
  );
  const fields = useApiQuery('fields:crm.party', () =>
    api.GET('/api/v1/custom-fields', { params: { query: { resource: 'crm.party' } } }),
  );
  const canEdit = useCan('update', 'crm.party');
  const [editing, setEditing] = useState(false);
  const canWriteContacts = useCan('create', 'crm.contact');
  const canLog = useCan('create', 'crm.activity');
  const canReadAccount = useCan('read', 'accounts.current-account');
  const p = party.data;
  if (!p)
    return party.problem !== undefined ? (
      <ProblemAlert problem={party.problem} />
    ) : (
      <LoadingBlock />
    );

  return (
    <>
      {editing ? (
        <PartyEditForm
          party={p}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            party.setData(() => saved);
            setEditing(false);
            timeline.reload();
          }}
        />
      ) : null}
      <PageHeader
        title={p.name}
        actions={
          canEdit ? (
            <Button
              variant="light"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t('party.edit')}
            </Button>
          ) : null
        }
        subtitle={
          <Group gap="xs" component="span">
            {p.isCustomer ? <Badge variant="light">{t('party.isCustomer')}</Badge> : null}
            {p.isSupplier ? (
              <Badge variant="light" color="grape">
                {t('party.isSupplier')}
              </Badge>
            ) : null}
            {p.status ? (
              <Badge variant="outline" color={p.status === 'active' ? 'teal' : 'gray'}>
                {t(`party.status.${p.status}`)}
              </Badge>
            ) : null}
            {p.legalName ? (
              <Text span c="dimmed">
                {p.legalName}
              </Text>
            ) : null}
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Tabs defaultValue="details" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="details">{t('party.details')}</Tabs.Tab>
              <Tabs.Tab value="contacts">
                {t('party.contacts')} {contacts.data ? `(${contacts.data.length})` : ''}
              </Tabs.Tab>
              <Tabs.Tab value="addresses">{t('party.addresses')}</Tabs.Tab>
              <Tabs.Tab value="activities">{t('party.activities')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="details">
              <Card>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <Field
                    label={t('party.taxId')}
                    value={p.taxId ? `${p.taxCountry ?? ''} ${p.taxId}` : ''}
                  />
                  <Field
                    label={t('party.taxCondition')}
                    value={taxConditionLabel(p.taxCountry, p.taxCondition, locale)}
                  />
                  {p.recargoEquivalencia || hasRecargoEquivalencia(p.taxCountry) ? (
                    <Field
                      label={t('party.recargoEquivalencia')}
                      value={p.recargoEquivalencia ? t('common.yes') : t('common.no')}
                    />
                  ) : null}
                  <Field label={t('common.email')} value={p.email} />
                  <Field label={t('common.phone')} value={p.phone} />
                  <Field label={t('party.website')} value={p.website} />
                  <Field label={t('party.customerGroup')} value={p.customerGroup} />
                  <Field label={t('party.paymentTerms')} value={p.paymentTermsDays?.toString()} />
                  <Field
                    label={t('party.creditLimit')}
                    value={money(p.creditLimit, p.creditLimitCurrency)}
                  />
                  <Field label={t('party.tags')} value={(p.tags ?? []).join(', ')} />
                  <Field label={t('common.updated')} value={f.dateTime(p.updatedAt)} />
                </SimpleGrid>
                {fields.data && fields.data.filter((d) => !d.archived).length ? (
                  <>
                    <Title order={3} size="h5" mt="lg" mb="sm">
                      {t('party.customFields')}
                    </Title>
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                      {fields.data
                        .filter((d) => !d.archived)
                        .map((d) => (
                          <Field key={d.id} label={d.label} value={formatCustom(p, d.key)} />
                        ))}
                    </SimpleGrid>
                  </>
                ) : null}
              </Card>
            </Tabs.Panel>
            <Tabs.Panel value="contacts">
              <Card>
                <ProblemAlert problem={contacts.problem} />
                {contacts.data?.length === 0 ? <EmptyBlock title={t('contact.none')} /> : null}
                {contacts.data?.length ? (
                  <Table aria-label={t('party.contacts')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('common.name')}</Table.Th>
                        <Table.Th>{t('contact.role')}</Table.Th>
                        <Table.Th>{t('common.email')}</Table.Th>
                        <Table.Th>{t('common.phone')}</Table.Th>
                        <Table.Th />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {contacts.data.map((c) => (
                        <Table.Tr key={c.id}>
                          <Table.Td>
                            {c.name}{' '}
                            {c.isPrimary ? (
                              <Badge size="xs" variant="light">
                                {t('contact.primary')}
                              </Badge>
                            ) : null}
                          </Table.Td>
                          <Table.Td>{c.role}</Table.Td>
                          <Table.Td>{c.email}</Table.Td>
                          <Table.Td>{c.phone}</Table.Td>
                          <Table.Td>
                            {canWriteContacts ? (
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                aria-label={`${t('common.delete')}: ${c.name}`}
                                onClick={async () => {
                                  // Optimistic: gone from the list at once, back if refused.
                                  contacts.setData((list) => list?.filter((x) => x.id !== c.id));
                                  const { error } = await api.DELETE('/api/v1/crm/contacts/{id}', {
                                    params: {
                                      path: { id: c.id },
                                      header: { 'If-Match': `"${c.version}"` },
                                    },
                                  });
                                  if (error) notify.error(problemMessage(asProblem(error), t));
                                  contacts.reload();
                                }}
                              >
                                <IconTrash size={16} aria-hidden />
                              </ActionIcon>
                            ) : null}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                ) : null}
                {canWriteContacts ? (
                  <ContactForm partyId={p.id} onCreated={contacts.reload} />
                ) : null}
              </Card>
            </Tabs.Panel>
            <Tabs.Panel value="addresses">
              <Card>
                {addresses.data?.length === 0 ? <EmptyBlock title={t('address.none')} /> : null}
                <Stack gap="sm">
                  {addresses.data?.map((a) => (
                    <Card key={a.id} padding="sm">
                      <Group justify="space-between">
                        <Text size="sm" fw={600}>
                          {a.line1} {a.line2}
                        </Text>
                        <Group gap={4}>
                          {a.kind ? (
                            <Badge variant="light">{t(`address.kind.${a.kind}`)}</Badge>
                          ) : null}
                          {a.isDefault ? (
                            <Badge variant="outline">{t('address.isDefault')}</Badge>
                          ) : null}
                        </Group>
                      </Group>
                      <Text size="sm" c="dimmed">
                        {[a.postalCode, a.city, a.region, a.country].filter(Boolean).join(', ')}
                      </Text>
                    </Card>
                  ))}
                </Stack>
                {canWriteContacts ? (
                  <AddressForm partyId={p.id} onCreated={addresses.reload} />
                ) : null}
              </Card>
            </Tabs.Panel>
            <Tabs.Panel value="activities">
              <Card>
                {canLog ? (
                  <ActivityForm
                    link={{ partyId: p.id }}
                    onCreated={() => {
                      activities.reload();
                      timeline.reload();
                    }}
                  />
                ) : null}
                <Stack gap="xs" mt="md">
                  {activities.data?.items.length === 0 ? (
                    <EmptyBlock title={t('activity.none')} />
                  ) : null}
                  {activities.data?.items.map((a) => (
                    <Group key={a.id} justify="space-between" wrap="nowrap">
                      <Group gap="xs" wrap="nowrap">
                        {a.kind ? (
                          <Badge variant="light" size="sm">
                            {t(`activity.kind.${a.kind}`)}
                          </Badge>
                        ) : null}
                        <Text size="sm">{a.subject}</Text>
                      </Group>
                      <Text size="xs" c="dimmed">
                        {f.dateTime(a.dueAt ?? a.createdAt)}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Card>
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Card>
            <Group justify="space-between" mb="md">
              <Title order={2} size="h4">
                {t('party.timeline')}
              </Title>
              <Button variant="subtle" size="xs" onClick={timeline.reload}>
                {t('common.refresh')}
              </Button>
            </Group>
            {timeline.data ? <Timeline items={timeline.data} /> : <LoadingBlock />}
          </Card>
          {canReadAccount ? <PartyCurrentAccount partyId={p.id} /> : null}
        </Grid.Col>
      </Grid>
    </>
  );
}

function formatCustom(party: Party, key: string): string {
  const value = party.custom?.[key];
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
