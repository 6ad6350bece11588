'use client';
import { Group, TextInput } from '@mantine/core';
import { useI18n } from '@nexo/i18n';
import { LoadingBlock, PageHeader, ProblemAlert, useApiQuery } from '@nexo/ui';
import { useState } from 'react';
import { api } from '../../../../../lib/api';
import { ExportLinks, isDay, today, yearStart } from '../../accounts-lookups';
import { FinancialStatementTable } from '../financial-statement';

/** Assets, liabilities and equity at a day, optionally beside another day. */
export function BalanceSheet() {
  const { t } = useI18n();
  const [asOf, setAsOf] = useState(today());
  const [compareAsOf, setCompareAsOf] = useState('');
  const query = { asOf, ...(isDay(compareAsOf) ? { compareAsOf } : {}) };
  const report = useApiQuery(isDay(asOf) ? `accounts:bs:${JSON.stringify(query)}` : null, () =>
    api.GET('/api/v1/accounts/reports/balance-sheet', { params: { query } }),
  );
  return (
    <>
      <PageHeader
        title={t('accounts.balanceSheet')}
        actions={isDay(asOf) ? <ExportLinks report="balance-sheet" query={query} /> : null}
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          type="date"
          label={t('accounts.asOf')}
          value={asOf}
          onChange={(e) => setAsOf(e.currentTarget.value)}
          w={170}
        />
        <TextInput
          type="date"
          label={t('accounts.compareAsOf')}
          value={compareAsOf}
          onChange={(e) => setCompareAsOf(e.currentTarget.value)}
          w={170}
        />
      </Group>
      <ProblemAlert problem={report.problem} onRetry={report.reload} />
      {report.data ? (
        <FinancialStatementTable
          statement={report.data}
          label={t('accounts.balanceSheet')}
          resultLabel={t('accounts.resultCheck')}
          from={yearStart(isDay(asOf) ? asOf : today())}
          to={asOf}
        />
      ) : report.loading ? (
        <LoadingBlock />
      ) : null}
    </>
  );
}
