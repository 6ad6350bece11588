'use client';
import { Anchor, Card, Group, Table, Text, TextInput } from '@mantine/core';
import { codeLabel, useI18n } from '@nexo/i18n';
import { EmptyBlock, PageHeader, ProblemAlert, useApiQuery } from '@nexo/ui';
import Link from 'next/link';
import { useState } from 'react';
import { api } from '../../../../../lib/api';
import { ExportLinks, isDay, isZero, RIGHT, today, yearStart } from '../../accounts-lookups';

/**
 * Every account's opening, debits, credits and closing for a period. Each figure opens the
 * account's general ledger for the same period, whose lines open their entries.
 */
export function TrialBalance(props: { from: string | null; to: string | null }) {
  const { t, f } = useI18n();
  const [from, setFrom] = useState(isDay(props.from) ? props.from : yearStart(today()));
  const [to, setTo] = useState(isDay(props.to) ? props.to : today());
  const valid = isDay(from) && isDay(to);
  const report = useApiQuery(valid ? `accounts:tb:${from}:${to}` : null, () =>
    api.GET('/api/v1/accounts/reports/trial-balance', { params: { query: { from, to } } }),
  );
  const r = report.data;
  const money = (v: string) => (isZero(v) ? '' : f.money(v, r?.currency));
  const ledger = (accountId: string, figure: string) => (
    <Anchor
      component={Link}
      href={`/accounts/reports/general-ledger?accountId=${accountId}&from=${from}&to=${to}`}
      size="sm"
      c="inherit"
    >
      {figure}
    </Anchor>
  );
  return (
    <>
      <PageHeader
        title={t('accounts.trialBalance')}
        subtitle={t('accounts.trialBalanceHelp')}
        actions={valid ? <ExportLinks report="trial-balance" query={{ from, to }} /> : null}
      />
      <Group mb="md" align="flex-end">
        <TextInput
          type="date"
          label={t('accounts.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={170}
        />
        <TextInput
          type="date"
          label={t('accounts.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          w={170}
        />
      </Group>
      <ProblemAlert problem={report.problem} onRetry={report.reload} />
      {r && r.rows.length === 0 ? <EmptyBlock title={t('accounts.noData')} /> : null}
      {r?.rows.length ? (
        <Card p={0}>
          <Table.ScrollContainer minWidth={800}>
            <Table
              aria-label={t('accounts.trialBalance')}
              aria-busy={report.loading}
              highlightOnHover
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('accounts.code')}</Table.Th>
                  <Table.Th>{t('accounts.account')}</Table.Th>
                  <Table.Th>{t('accounts.type')}</Table.Th>
                  <Table.Th style={RIGHT}>{t('accounts.opening')}</Table.Th>
                  <Table.Th style={RIGHT}>{t('accounts.debit')}</Table.Th>
                  <Table.Th style={RIGHT}>{t('accounts.credit')}</Table.Th>
                  <Table.Th style={RIGHT}>{t('accounts.closing')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.rows.map((row) => (
                  <Table.Tr key={row.accountId}>
                    <Table.Td>{ledger(row.accountId, row.code)}</Table.Td>
                    <Table.Td>{ledger(row.accountId, row.name)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{codeLabel(t, 'accounts.type', row.type)}</Text>
                    </Table.Td>
                    <Table.Td style={RIGHT}>{money(row.opening)}</Table.Td>
                    <Table.Td style={RIGHT}>{ledger(row.accountId, money(row.debit))}</Table.Td>
                    <Table.Td style={RIGHT}>{ledger(row.accountId, money(row.credit))}</Table.Td>
                    <Table.Td style={RIGHT} fw={600}>
                      {ledger(row.accountId, f.money(row.closing, r.currency))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th colSpan={3}>{t('accounts.totals')}</Table.Th>
                  <Table.Th style={RIGHT}>{f.money(r.totals.opening, r.currency)}</Table.Th>
                  <Table.Th style={RIGHT}>{f.money(r.totals.debit, r.currency)}</Table.Th>
                  <Table.Th style={RIGHT}>{f.money(r.totals.credit, r.currency)}</Table.Th>
                  <Table.Th style={RIGHT}>{f.money(r.totals.closing, r.currency)}</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ) : null}
    </>
  );
}
