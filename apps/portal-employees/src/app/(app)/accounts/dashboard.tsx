'use client';
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { percentOf, sumDecimals, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import { EmptyBlock, LoadingBlock, PageHeader, ProblemAlert, useApiQuery } from '@nexo/ui';
import Link from 'next/link';
import { useMemo } from 'react';
import { api } from '../../../lib/api';
import { absolute, dayOf, isNegative, monthStart, today, useAccounts } from './accounts-lookups';
import type { AgingReport } from './reports/aging/aging';

/**
 * What is to be collected and paid (the aging's totals: overdue and not yet due, per
 * currency) and the money in and out of the cash and bank accounts in the last six months.
 */
export function AccountsDashboard() {
  const { t } = useI18n();
  const canReports = useCan('read', 'accounts.report');
  const receivable = useApiQuery('accounts:dash:aging:receivable', () =>
    api.GET('/api/v1/accounts/reports/aging', { params: { query: { kind: 'receivable' } } }),
  );
  const payable = useApiQuery('accounts:dash:aging:payable', () =>
    api.GET('/api/v1/accounts/reports/aging', { params: { query: { kind: 'payable' } } }),
  );
  return (
    <>
      <PageHeader title={t('accounts.dashboard')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="lg">
        <AgingCard
          title={t('accounts.receivablesDue')}
          kind="receivable"
          report={receivable.data}
          problem={receivable.problem}
        />
        <AgingCard
          title={t('accounts.payablesDue')}
          kind="payable"
          report={payable.data}
          problem={payable.problem}
        />
      </SimpleGrid>
      {canReports ? <CashFlow /> : null}
    </>
  );
}

function AgingCard(props: {
  title: string;
  kind: 'receivable' | 'payable';
  report: AgingReport | undefined;
  problem: Parameters<typeof ProblemAlert>[0]['problem'];
}) {
  const { t, f } = useI18n();
  const r = props.report;
  const current = r ? r.buckets.indexOf('current') : -1;
  // Payables come as credits (negative): what is to be paid reads as a positive amount.
  const shown = (v: string) => (props.kind === 'payable' ? absolute(v) : v);
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {props.title}
        </Title>
        <Anchor component={Link} href={`/accounts/reports/aging?kind=${props.kind}`} size="sm">
          {t('accounts.aging')}
        </Anchor>
      </Group>
      <ProblemAlert problem={props.problem} />
      {!r && props.problem === undefined ? <LoadingBlock /> : null}
      {r && r.totals.length === 0 ? <Text c="dimmed">{t('accounts.noAging')}</Text> : null}
      <Stack gap="xs">
        {r?.totals.map((total) => {
          const notDue = current >= 0 ? (total.buckets[current] ?? '0') : '0';
          const overdue = sumDecimals(total.buckets.filter((_, i) => i !== current));
          return (
            <Group key={total.currency} justify="space-between" wrap="wrap">
              <Text fw={700} size="lg">
                {f.money(shown(total.balance), total.currency)}
              </Text>
              <Group gap="md">
                <Text size="sm" c="red">
                  {t('accounts.overdue')}: {f.money(shown(overdue), total.currency)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('accounts.notDue')}: {f.money(shown(notDue), total.currency)}
                </Text>
              </Group>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}

/** The last six months, oldest first: `2026-07`…`2026-12`. */
function lastMonths(count: number): string[] {
  const now = new Date();
  return Array.from({ length: count }, (_, i) =>
    dayOf(new Date(now.getFullYear(), now.getMonth() - (count - 1 - i), 1)).slice(0, 7),
  );
}

/** Debits (in) and credits (out) of the cash and bank accounts per month, as SVG bars. */
function CashFlow() {
  const { t, f } = useI18n();
  const accounts = useAccounts();
  const months = useMemo(() => lastMonths(6), []);
  const cash = useMemo(
    () => accounts.items.filter((a) => !a.heading && (a.type === 'cash' || a.type === 'bank')),
    [accounts.items],
  );
  const from = `${months[0]}-01`;
  const to = today();
  const key = accounts.loaded ? `accounts:dash:cash:${cash.map((a) => a.id).join(',')}` : null;
  const flows = useApiQuery(key, async () => {
    const ledgers = await Promise.all(
      cash.map((a) =>
        api.GET('/api/v1/accounts/reports/general-ledger', {
          params: { query: { accountId: a.id, from, to } },
        }),
      ),
    );
    const failed = ledgers.find((l) => !l.data);
    if (failed) return { error: failed.error };
    const byMonth = new Map(months.map((m) => [m, { in: [] as string[], out: [] as string[] }]));
    let currency: string | null = null;
    for (const ledger of ledgers) {
      currency ??= ledger.data?.currency ?? null;
      for (const line of ledger.data?.lines ?? []) {
        const month = byMonth.get(monthStart(line.date).slice(0, 7));
        month?.in.push(line.debit);
        month?.out.push(line.credit);
      }
    }
    return {
      data: {
        currency,
        months: months.map((m) => ({
          month: m,
          in: sumDecimals(byMonth.get(m)?.in ?? []),
          out: sumDecimals(byMonth.get(m)?.out ?? []),
        })),
      },
    };
  });
  const data = flows.data;
  const max = data
    ? data.months
        .flatMap((m) => [m.in, m.out])
        .reduce((a, b) => (isNegative(sumDecimals([a, `-${b}`])) ? b : a), '0')
    : '0';
  const W = 640;
  const H = 200;
  const slot = W / months.length;
  const bar = slot / 3;
  const height = (value: string) => (Number(percentOf(value, max) ?? '0') * (H - 20)) / 100;
  const monthName = (m: string) =>
    new Intl.DateTimeFormat(f.locale === 'es' ? 'es-AR' : 'en-US', {
      month: 'short',
      year: '2-digit',
    }).format(new Date(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1));
  return (
    <Card>
      <Title order={2} size="h5">
        {t('accounts.cashFlow')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('accounts.cashFlowHelp')}
      </Text>
      <ProblemAlert problem={flows.problem} onRetry={flows.reload} />
      {accounts.loaded && cash.length === 0 ? (
        <EmptyBlock title={t('accounts.noCashAccounts')} />
      ) : null}
      {!data && cash.length ? <LoadingBlock /> : null}
      {data && cash.length ? (
        <>
          <Group gap="md" mb="xs">
            <Group gap={4}>
              <svg width="12" height="12" aria-hidden>
                <rect width="12" height="12" fill="var(--mantine-color-teal-6)" />
              </svg>
              <Text size="xs">{t('accounts.cashIn')}</Text>
            </Group>
            <Group gap={4}>
              <svg width="12" height="12" aria-hidden>
                <rect width="12" height="12" fill="var(--mantine-color-red-6)" />
              </svg>
              <Text size="xs">{t('accounts.cashOut')}</Text>
            </Group>
          </Group>
          <svg
            viewBox={`0 0 ${W} ${H + 24}`}
            width="100%"
            style={{ maxWidth: W }}
            role="img"
            aria-label={t('accounts.cashFlow')}
          >
            <line x1={0} x2={W} y1={H} y2={H} stroke="var(--mantine-color-gray-5)" />
            {data.months.map((m, i) => {
              const x = i * slot + bar / 2;
              const hin = height(m.in);
              const hout = height(m.out);
              return (
                <g key={m.month}>
                  <rect
                    x={x}
                    y={H - hin}
                    width={bar}
                    height={hin}
                    fill="var(--mantine-color-teal-6)"
                  >
                    <title>{`${t('accounts.cashIn')} ${monthName(m.month)}: ${f.money(m.in, data.currency)}`}</title>
                  </rect>
                  <rect
                    x={x + bar}
                    y={H - hout}
                    width={bar}
                    height={hout}
                    fill="var(--mantine-color-red-6)"
                  >
                    <title>{`${t('accounts.cashOut')} ${monthName(m.month)}: ${f.money(m.out, data.currency)}`}</title>
                  </rect>
                  <text
                    x={i * slot + slot / 2}
                    y={H + 16}
                    textAnchor="middle"
                    fontSize="12"
                    fill="currentColor"
                  >
                    {monthName(m.month)}
                  </text>
                </g>
              );
            })}
          </svg>
        </>
      ) : null}
    </Card>
  );
}
