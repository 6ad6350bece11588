'use client';
import { Anchor, Card, Group, SegmentedControl, Table, TextInput } from '@mantine/core';
import type { components } from '@nexo/api-client';
import { useI18n, type Translate } from '@nexo/i18n';
import { EmptyBlock, PageHeader, ProblemAlert, useApiQuery } from '@nexo/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from '../../../../../lib/api';
import { ExportLinks, isDay, isZero, RIGHT, today } from '../../accounts-lookups';

type Kind = 'receivable' | 'payable';
export type AgingReport = components['schemas']['Aging'];

/** A bucket's label: "current" is what is not due yet; "1-30" reads "1-30 días". */
export const bucketLabel = (t: Translate, bucket: string) =>
  bucket === 'current' ? t('accounts.bucket.current') : t('accounts.bucketDays', { range: bucket });

/**
 * Receivables or payables by party and currency at a day, in buckets of days past due; each
 * party opens its current account.
 */
export function Aging(props: { kind: Kind; asOf: string | null }) {
  const { t, f } = useI18n();
  const router = useRouter();
  const [kind, setKind] = useState<Kind>(props.kind);
  const [asOf, setAsOf] = useState(isDay(props.asOf) ? props.asOf : today());
  const query = { kind, asOf };
  const report = useApiQuery(isDay(asOf) ? `accounts:aging:${kind}:${asOf}` : null, () =>
    api.GET('/api/v1/accounts/reports/aging', { params: { query } }),
  );
  const r = report.data;
  const money = (v: string, currency: string) => (isZero(v) ? '' : f.money(v, currency));
  return (
    <>
      <PageHeader
        title={t('accounts.aging')}
        actions={isDay(asOf) ? <ExportLinks report="aging" query={query} /> : null}
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={kind}
          onChange={(v) => {
            setKind(v);
            router.replace(`/accounts/reports/aging?kind=${v}`);
          }}
          data={[
            { value: 'receivable', label: t('accounts.aging.receivable') },
            { value: 'payable', label: t('accounts.aging.payable') },
          ]}
        />
        <TextInput
          type="date"
          label={t('accounts.asOf')}
          value={asOf}
          onChange={(e) => setAsOf(e.currentTarget.value)}
          w={170}
        />
      </Group>
      <ProblemAlert problem={report.problem} onRetry={report.reload} />
      {r && r.rows.length === 0 ? <EmptyBlock title={t('accounts.noAging')} /> : null}
      {r?.rows.length ? (
        <Card p={0}>
          <Table.ScrollContainer minWidth={800}>
            <Table aria-label={t('accounts.aging')} aria-busy={report.loading}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('accounts.party')}</Table.Th>
                  <Table.Th>{t('accounts.currency')}</Table.Th>
                  {r.buckets.map((b) => (
                    <Table.Th key={b} style={RIGHT}>
                      {bucketLabel(t, b)}
                    </Table.Th>
                  ))}
                  <Table.Th style={RIGHT}>{t('accounts.balance')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.rows.map((row) => (
                  <Table.Tr key={`${row.partyId}:${row.currency}`}>
                    <Table.Td>
                      <Anchor component={Link} href={`/accounts/parties/${row.partyId}`} size="sm">
                        {row.partyName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{row.currency}</Table.Td>
                    {row.buckets.map((amount, i) => (
                      <Table.Td key={i} style={RIGHT}>
                        {money(amount, row.currency)}
                      </Table.Td>
                    ))}
                    <Table.Td style={RIGHT} fw={700}>
                      {f.money(row.balance, row.currency)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                {r.totals.map((total) => (
                  <Table.Tr key={total.currency}>
                    <Table.Th>{t('accounts.totals')}</Table.Th>
                    <Table.Th>{total.currency}</Table.Th>
                    {total.buckets.map((amount, i) => (
                      <Table.Th key={i} style={RIGHT}>
                        {money(amount, total.currency)}
                      </Table.Th>
                    ))}
                    <Table.Th style={RIGHT}>{f.money(total.balance, total.currency)}</Table.Th>
                  </Table.Tr>
                ))}
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ) : null}
    </>
  );
}
