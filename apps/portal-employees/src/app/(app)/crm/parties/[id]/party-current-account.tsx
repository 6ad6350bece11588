'use client';
import { Anchor, Card, Group, Table, Text, Title } from '@mantine/core';
import { useI18n } from '@nexo/i18n';
import { EmptyBlock, ProblemAlert, useApiQuery } from '@nexo/ui';
import Link from 'next/link';
import { api } from '../../../../../lib/api';

/** A party's current account in brief: its balances and open items, and the way to all of it. */
export function PartyCurrentAccount(props: { partyId: string }) {
  const { t, f } = useI18n();
  const account = useApiQuery(`accounts:current:${props.partyId}:panel`, () =>
    api.GET('/api/v1/accounts/parties/{partyId}/current-account', {
      params: { path: { partyId: props.partyId } },
    }),
  );
  const a = account.data;
  const right = { textAlign: 'right' } as const;
  const positive = (v: string) => (v.startsWith('-') ? v.slice(1) : v);
  return (
    <Card mt="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {t('accounts.currentAccount')}
        </Title>
        <Anchor component={Link} href={`/accounts/parties/${props.partyId}`} size="sm">
          {t('accounts.openFull')}
        </Anchor>
      </Group>
      <ProblemAlert problem={account.problem} onRetry={account.reload} />
      {a ? (
        <Group gap="lg" mb="sm" aria-label={t('accounts.balances')}>
          {a.balances.length === 0 ? <Text c="dimmed">{t('accounts.noBalance')}</Text> : null}
          {a.balances.map((b) => (
            <Text key={b.currency} fw={700}>
              {f.money(b.balance, b.currency)}
            </Text>
          ))}
        </Group>
      ) : null}
      {a && a.items.length === 0 ? <EmptyBlock title={t('accounts.noOpenItems')} /> : null}
      {a?.items.length ? (
        <Table aria-label={t('accounts.openItems')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accounts.number')}</Table.Th>
              <Table.Th>{t('accounts.dueDate')}</Table.Th>
              <Table.Th style={right}>{t('accounts.open')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.items.slice(0, 10).map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.number}</Table.Td>
                <Table.Td>{f.date(i.dueDate)}</Table.Td>
                <Table.Td style={right}>
                  {i.side === 'credit' ? '−' : ''}
                  {f.money(positive(i.open), i.currency)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Card>
  );
}
