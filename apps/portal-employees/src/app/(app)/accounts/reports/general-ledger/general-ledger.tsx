'use client';
import { Card, Group, TextInput } from '@mantine/core';
import { useI18n } from '@nexo/i18n';
import { EmptyBlock, PageHeader, ProblemAlert, useApiQuery } from '@nexo/ui';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from '../../../../../lib/api';
import {
  AccountPicker,
  ExportLinks,
  isDay,
  today,
  useAccounts,
  yearStart,
} from '../../accounts-lookups';
import { StatementTable } from '../../parties/[partyId]/current-account';

/** An account's lines for a period with the running balance; each line opens its entry. */
export function GeneralLedger(props: {
  accountId: string | null;
  from: string | null;
  to: string | null;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const accounts = useAccounts();
  const [accountId, setAccountId] = useState<string | null>(props.accountId);
  const [from, setFrom] = useState(isDay(props.from) ? props.from : yearStart(today()));
  const [to, setTo] = useState(isDay(props.to) ? props.to : today());
  const valid = Boolean(accountId) && isDay(from) && isDay(to);
  const ledger = useApiQuery(valid ? `accounts:gl:${accountId}:${from}:${to}` : null, () =>
    api.GET('/api/v1/accounts/reports/general-ledger', {
      params: { query: { accountId: accountId!, from, to } },
    }),
  );
  const pick = (id: string | null) => {
    setAccountId(id);
    router.replace(
      id
        ? `/accounts/reports/general-ledger?accountId=${id}&from=${from}&to=${to}`
        : '/accounts/reports/general-ledger',
    );
  };
  const g = ledger.data;
  return (
    <>
      <PageHeader
        title={
          accountId && accounts.label(accountId)
            ? `${t('accounts.generalLedger')}: ${accounts.label(accountId)}`
            : t('accounts.generalLedger')
        }
        actions={
          valid ? (
            <ExportLinks report="general-ledger" query={{ accountId: accountId!, from, to }} />
          ) : null
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <AccountPicker
          accounts={accounts}
          label={t('accounts.account')}
          value={accountId}
          onChange={pick}
          withHeadings
          w={360}
        />
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
      {!accountId ? <EmptyBlock title={t('accounts.pickAccount')} /> : null}
      <ProblemAlert problem={ledger.problem} onRetry={ledger.reload} />
      {g && accountId ? (
        <Card p={0}>
          <StatementTable statement={g} label={t('accounts.generalLedger')} />
        </Card>
      ) : null}
    </>
  );
}
