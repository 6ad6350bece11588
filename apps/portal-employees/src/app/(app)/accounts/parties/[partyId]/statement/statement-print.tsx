'use client';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '@nexo/i18n';
import { LoadingBlock, ProblemAlert, useApiQuery } from '@nexo/ui';
import { IconPrinter } from '@tabler/icons-react';
import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { api } from '../../../../../../lib/api';
import { isDay, today, yearStart } from '../../../accounts-lookups';
import { StatementTable } from '../current-account';

/** Only the statement goes to paper: the portal's header and menu stay on the screen. */
const PRINT_CSS = `@media print {
  .mantine-AppShell-header, .mantine-AppShell-navbar, .nexo-no-print { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; margin: 0 !important; }
  a { color: inherit !important; text-decoration: none !important; }
}`;

/**
 * A party's statement for a period, laid out for paper: the company's view of what the
 * party owes, line by line, with the closing balance. Opened with `print=1`, it asks the
 * browser to print as soon as it is shown.
 */
export function StatementPrint(props: {
  partyId: string;
  from: string | null;
  to: string | null;
  autoPrint: boolean;
}) {
  const { t, f } = useI18n();
  const from = isDay(props.from) ? props.from : yearStart(today());
  const to = isDay(props.to) ? props.to : today();
  const party = useApiQuery(`party:${props.partyId}`, () =>
    api.GET('/api/v1/crm/parties/{id}', { params: { path: { id: props.partyId } } }),
  );
  const statement = useApiQuery(`accounts:statement:${props.partyId}:${from}:${to}`, () =>
    api.GET('/api/v1/accounts/parties/{partyId}/statement', {
      params: { path: { partyId: props.partyId }, query: { from, to } },
    }),
  );
  const printed = useRef(false);
  const ready = Boolean(statement.data && party.data);
  useEffect(() => {
    if (!props.autoPrint || !ready || printed.current) return;
    printed.current = true;
    // After the table is painted.
    requestAnimationFrame(() => window.print());
  }, [props.autoPrint, ready]);
  const s = statement.data;
  const p = party.data;
  return (
    <Stack gap="md" maw={960}>
      <style>{PRINT_CSS}</style>
      <Group justify="space-between" className="nexo-no-print">
        <Anchor component={Link} href={`/accounts/parties/${props.partyId}`} size="sm">
          {t('accounts.currentAccount')}
        </Anchor>
        <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
          {t('accounts.print')}
        </Button>
      </Group>
      <div>
        <Title order={1} size="h3">
          {t('accounts.statementOf', { name: p?.name ?? '' })}
        </Title>
        {p?.taxId ? (
          <Text size="sm">
            {p.taxCountry ?? ''} {p.taxId}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('accounts.statementPeriod', { from: f.date(from), to: f.date(to) })}
        </Text>
      </div>
      <ProblemAlert problem={statement.problem} onRetry={statement.reload} />
      {s ? <StatementTable statement={s} links={false} /> : <LoadingBlock />}
      {s ? (
        <Text fw={700} aria-label={t('accounts.closing')}>
          {t('accounts.closing')}: {f.money(s.closing, s.currency)}
        </Text>
      ) : null}
    </Stack>
  );
}
