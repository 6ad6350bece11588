'use client';
import { Group, TextInput } from '@mantine/core';
import { useI18n } from '@nexo/i18n';
import { LoadingBlock, PageHeader, ProblemAlert, useApiQuery } from '@nexo/ui';
import { useState } from 'react';
import { api } from '../../../../../lib/api';
import { ExportLinks, isDay, today, yearStart } from '../../accounts-lookups';
import { FinancialStatementTable } from '../financial-statement';

/** Income and expenses for a period, optionally beside another period. */
export function ProfitAndLoss() {
  const { t } = useI18n();
  const [from, setFrom] = useState(yearStart(today()));
  const [to, setTo] = useState(today());
  const [compareFrom, setCompareFrom] = useState('');
  const [compareTo, setCompareTo] = useState('');
  const compare = isDay(compareFrom) && isDay(compareTo);
  const query = { from, to, ...(compare ? { compareFrom, compareTo } : {}) };
  const valid = isDay(from) && isDay(to);
  const report = useApiQuery(valid ? `accounts:pl:${JSON.stringify(query)}` : null, () =>
    api.GET('/api/v1/accounts/reports/profit-and-loss', { params: { query } }),
  );
  const dateInput = (label: string, value: string, set: (v: string) => void) => (
    <TextInput
      type="date"
      label={label}
      value={value}
      onChange={(e) => set(e.currentTarget.value)}
      w={170}
    />
  );
  return (
    <>
      <PageHeader
        title={t('accounts.profitAndLoss')}
        actions={valid ? <ExportLinks report="profit-and-loss" query={query} /> : null}
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        {dateInput(t('accounts.from'), from, setFrom)}
        {dateInput(t('accounts.to'), to, setTo)}
        {dateInput(t('accounts.compareFrom'), compareFrom, setCompareFrom)}
        {dateInput(t('accounts.compareTo'), compareTo, setCompareTo)}
      </Group>
      <ProblemAlert problem={report.problem} onRetry={report.reload} />
      {report.data ? (
        <FinancialStatementTable
          statement={report.data}
          label={t('accounts.profitAndLoss')}
          resultLabel={t('accounts.result')}
          from={from}
          to={to}
        />
      ) : report.loading ? (
        <LoadingBlock />
      ) : null}
    </>
  );
}
