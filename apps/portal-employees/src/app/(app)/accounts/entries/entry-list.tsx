'use client';
import { Anchor, Badge, Button, TextInput } from '@mantine/core';
import { codeLabel, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import { DataTable, PageHeader } from '@nexo/ui';
import { IconPlus } from '@tabler/icons-react';
import Link from 'next/link';
import { useState } from 'react';
import { api, listQuery } from '../../../../lib/api';
import { isDay, useJournals } from '../accounts-lookups';

export const ENTRY_STATE_COLORS: Record<string, string> = { draft: 'gray', posted: 'teal' };

/** Journal entries, newest first: filter by journal, state and dates; a new manual entry. */
export function EntryList() {
  const { t, f } = useI18n();
  const canCreate = useCan('create', 'accounts.entry');
  const journals = useJournals();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [tick, setTick] = useState(0);
  const dates = {
    ...(isDay(from) ? { 'entryDate.gte': from } : {}),
    ...(isDay(to) ? { 'entryDate.lte': to } : {}),
  };
  return (
    <>
      <PageHeader
        title={t('accounts.entries')}
        actions={
          canCreate ? (
            <Button
              component={Link}
              href="/accounts/entries/new"
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('accounts.newEntry')}
            </Button>
          ) : null
        }
      />
      <DataTable
        load={(query) =>
          api.GET('/api/v1/accounts/entries', {
            params: { query: listQuery({ ...query, ...dates }) },
          })
        }
        id="accounts-entries"
        label={t('accounts.entries')}
        rowKey={(e) => e.id}
        reloadKey={tick}
        toolbar={
          <>
            <TextInput
              type="date"
              aria-label={t('accounts.from')}
              value={from}
              onChange={(e) => {
                setFrom(e.currentTarget.value);
                setTick((n) => n + 1);
              }}
              w={160}
            />
            <TextInput
              type="date"
              aria-label={t('accounts.to')}
              value={to}
              onChange={(e) => {
                setTo(e.currentTarget.value);
                setTick((n) => n + 1);
              }}
              w={160}
            />
          </>
        }
        filters={[
          { key: 'journalId', label: t('accounts.journal'), options: journals.options },
          {
            key: 'state',
            label: t('accounts.state'),
            options: (['draft', 'posted'] as const).map((s) => ({
              value: s,
              label: t(`accounts.state.${s}`),
            })),
          },
        ]}
        columns={[
          {
            key: 'number',
            header: t('accounts.number'),
            render: (e) => (
              <Anchor component={Link} href={`/accounts/entries/${e.id}`} fw={600}>
                {e.number ?? `(${t('accounts.draft')})`}
              </Anchor>
            ),
          },
          {
            key: 'entryDate',
            header: t('accounts.date'),
            sortable: true,
            render: (e) => f.date(e.entryDate),
          },
          {
            key: 'journalId',
            header: t('accounts.journal'),
            render: (e) => journals.name(e.journalId),
          },
          { key: 'description', header: t('accounts.description'), render: (e) => e.description },
          {
            key: 'state',
            header: t('accounts.state'),
            render: (e) => (
              <Badge variant="light" color={ENTRY_STATE_COLORS[e.state] ?? 'gray'}>
                {codeLabel(t, 'accounts.state', e.state)}
              </Badge>
            ),
          },
        ]}
      />
    </>
  );
}
