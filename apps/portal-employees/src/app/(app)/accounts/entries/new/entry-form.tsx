'use client';
import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { CreateEntryInputSchema } from '@nexo/contracts/accounts';
import { subtractDecimals, useI18n } from '@nexo/i18n';
import {
  contractValues,
  notify,
  PageHeader,
  ProblemAlert,
  useContractForm,
  useSubmit,
} from '@nexo/ui';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { api } from '../../../../../lib/api';
import { useMoney } from '../../../../../lib/company';
import { PartyPicker } from '../../../../../components/party-picker';
import {
  AccountPicker,
  isZero,
  PARTY_TYPES,
  today,
  total,
  useAccounts,
  useJournals,
} from '../../accounts-lookups';

interface LineValues {
  accountId: string;
  partyId: string | null;
  debit: string;
  credit: string;
  dueDate: string;
  description: string;
}
const newLine = (): LineValues => ({
  accountId: '',
  partyId: null,
  debit: '',
  credit: '',
  dueDate: '',
  description: '',
});

/**
 * A manual entry: a journal, a date and its lines (an account, a party for receivable and
 * payable accounts, a debit or a credit), with the difference between the debits and the
 * credits shown as it is typed. Saved as a draft or posted at once.
 */
export function EntryForm() {
  const { t } = useI18n();
  const router = useRouter();
  const money = useMoney();
  const accounts = useAccounts();
  const journals = useJournals();
  const post = useRef(false);
  const form = useContractForm(CreateEntryInputSchema, {
    journalId: '',
    date: today(),
    description: '',
    lines: [newLine(), newLine()],
  });
  const submit = useSubmit(form);
  const values = form.getValues();
  const lines = (values.lines as LineValues[] | undefined) ?? [];
  // The general journal first, the one a manual entry goes to.
  const general = journals.items.find((j) => j.kind === 'general')?.id;
  useEffect(() => {
    if (general && !form.getValues().journalId) form.setFieldValue('journalId', general);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [general]);
  const debits = total(lines.map((l) => l.debit));
  const credits = total(lines.map((l) => l.credit));
  const difference = subtractDecimals(debits, credits);
  const needsParty = (accountId: string) => {
    const type = accounts.byId.get(accountId)?.type;
    return Boolean(type && PARTY_TYPES.includes(type));
  };
  return (
    <>
      <PageHeader
        title={t('accounts.newEntry')}
        actions={
          <Anchor component={Link} href="/accounts/entries" size="sm">
            {t('accounts.entries')}
          </Anchor>
        }
      />
      <form
        noValidate
        onSubmit={form.onSubmit(
          submit.handler(
            (v) => {
              const body = contractValues(CreateEntryInputSchema, {
                ...v,
                lines: (v.lines as LineValues[]).map((l) => ({
                  ...l,
                  partyId: needsParty(l.accountId) ? l.partyId : null,
                })),
              });
              return api.POST('/api/v1/accounts/entries', {
                body: { ...body, post: post.current },
              });
            },
            (created) => {
              notify.success(t(post.current ? 'accounts.entryPosted' : 'accounts.entryDrafted'));
              router.push(`/accounts/entries/${created.id}`);
            },
          ),
        )}
      >
        <Stack>
          <ProblemAlert problem={submit.problem} />
          <Card>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('accounts.journal')}
                data={journals.options}
                required
                allowDeselect={false}
                {...form.getInputProps('journalId')}
              />
              <TextInput
                type="date"
                label={t('accounts.date')}
                required
                {...form.getInputProps('date')}
              />
              <TextInput label={t('accounts.description')} {...form.getInputProps('description')} />
            </SimpleGrid>
          </Card>
          <Card>
            <Title order={2} size="h5" mb="xs">
              {t('accounts.lines')}
            </Title>
            <Text size="xs" c="dimmed" mb="sm">
              {t('accounts.lineAmount')} {t('accounts.partyRequired')}
            </Text>
            <Stack gap="sm">
              {lines.map((line, i) => (
                <Group
                  key={i}
                  align="flex-start"
                  wrap="wrap"
                  gap="sm"
                  role="group"
                  aria-label={`${t('accounts.lines')} ${i + 1}`}
                >
                  <AccountPicker
                    accounts={accounts}
                    label={t('accounts.account')}
                    value={line.accountId || null}
                    onChange={(id) => {
                      form.setFieldValue(`lines.${i}.accountId`, id ?? '');
                      if (!id || !needsParty(id)) form.setFieldValue(`lines.${i}.partyId`, null);
                    }}
                    error={form.errors[`lines.${i}.accountId`] as string | undefined}
                    required
                    w={300}
                  />
                  {needsParty(line.accountId) ? (
                    <div style={{ width: 240 }}>
                      <PartyPicker
                        label={t('accounts.party')}
                        value={line.partyId}
                        onChange={(id) => form.setFieldValue(`lines.${i}.partyId`, id)}
                        error={form.errors[`lines.${i}.partyId`] as string | undefined}
                        required
                      />
                    </div>
                  ) : null}
                  <TextInput
                    label={t('accounts.debit')}
                    inputMode="decimal"
                    w={140}
                    {...form.getInputProps(`lines.${i}.debit`)}
                  />
                  <TextInput
                    label={t('accounts.credit')}
                    inputMode="decimal"
                    w={140}
                    {...form.getInputProps(`lines.${i}.credit`)}
                  />
                  {needsParty(line.accountId) ? (
                    <TextInput
                      type="date"
                      label={t('accounts.dueDate')}
                      w={160}
                      {...form.getInputProps(`lines.${i}.dueDate`)}
                    />
                  ) : null}
                  <TextInput
                    label={t('accounts.description')}
                    w={200}
                    {...form.getInputProps(`lines.${i}.description`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={28}
                    disabled={lines.length <= 2}
                    aria-label={`${t('common.remove')}: ${i + 1}`}
                    onClick={() => form.removeListItem('lines', i)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
            <Group justify="space-between" mt="md">
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => form.insertListItem('lines', newLine())}
              >
                {t('accounts.addLine')}
              </Button>
              <Group gap="lg" role="status" aria-label={t('accounts.difference')}>
                <Text size="sm">
                  {t('accounts.debit')}: <b>{money(debits)}</b>
                </Text>
                <Text size="sm">
                  {t('accounts.credit')}: <b>{money(credits)}</b>
                </Text>
                {isZero(difference) ? (
                  <Text size="sm" c="teal" fw={600}>
                    {t('accounts.balanced')}
                  </Text>
                ) : (
                  <Text size="sm" c="red" fw={600}>
                    {t('accounts.difference')}: {money(difference)}
                  </Text>
                )}
              </Group>
            </Group>
          </Card>
          <Group justify="flex-end">
            <Button
              type="submit"
              variant="default"
              loading={submit.pending && !post.current}
              onClick={() => (post.current = false)}
            >
              {t('accounts.saveDraft')}
            </Button>
            <Button
              type="submit"
              loading={submit.pending && post.current}
              disabled={!isZero(difference)}
              onClick={() => (post.current = true)}
            >
              {t('accounts.post')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
