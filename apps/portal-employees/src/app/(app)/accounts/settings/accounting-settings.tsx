'use client';
import {
  Accordion,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { components } from '@nexo/api-client';
import { codeLabel, problemMessage, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import {
  asProblem,
  EmptyBlock,
  LoadingBlock,
  notify,
  PageHeader,
  ProblemAlert,
  useApiQuery,
} from '@nexo/ui';
import { useEffect, useState } from 'react';
import { api } from '../../../../lib/api';
import { AccountPicker, isDay, today, useAccounts } from '../accounts-lookups';

type Settings = components['schemas']['AccountingSettings'];
type PostingRule = components['schemas']['PostingRule'];

/**
 * The books' settings: the lock dates, the fiscal years with their periods (each locked and
 * unlocked on its own), the posting rules with the account each purpose uses, and the check
 * of the entries' hash chain.
 */
export function AccountingSettings() {
  const { t } = useI18n();
  const canUpdate = useCan('update', 'accounts.settings');
  const settings = useApiQuery('accounts:settings', () => api.GET('/api/v1/accounts/settings'));
  const s = settings.data;
  if (!s)
    return settings.problem !== undefined ? (
      <ProblemAlert problem={settings.problem} onRetry={settings.reload} />
    ) : (
      <LoadingBlock />
    );
  return (
    <>
      <PageHeader title={t('accounts.settings')} />
      {!s.chartInstalled ? (
        <Alert color="yellow" mb="lg">
          {t('accounts.chartMissing')}
        </Alert>
      ) : null}
      <LockDates settings={s} canUpdate={canUpdate} onSaved={settings.reload} />
      <FiscalYears settings={s} canUpdate={canUpdate} onChanged={settings.reload} />
      <PostingRules canUpdate={canUpdate} />
      <ChainCheck />
    </>
  );
}

function LockDates(props: { settings: Settings; canUpdate: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const [lockDate, setLockDate] = useState(props.settings.lockDate ?? '');
  const [staffLockDate, setStaffLockDate] = useState(props.settings.staffLockDate ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ReturnType<typeof asProblem> | undefined>(undefined);
  useEffect(() => {
    setLockDate(props.settings.lockDate ?? '');
    setStaffLockDate(props.settings.staffLockDate ?? '');
  }, [props.settings.lockDate, props.settings.staffLockDate]);
  return (
    <Card mb="lg">
      <Title order={2} size="h5" mb="sm">
        {t('accounts.lockDates')}
      </Title>
      <ProblemAlert problem={problem} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} style={{ alignItems: 'end' }}>
        <TextInput
          type="date"
          label={t('accounts.lockDate')}
          description={t('accounts.lockDateHelp')}
          value={lockDate}
          onChange={(e) => setLockDate(e.currentTarget.value)}
          disabled={!props.canUpdate}
        />
        <TextInput
          type="date"
          label={t('accounts.staffLockDate')}
          description={t('accounts.staffLockDateHelp')}
          value={staffLockDate}
          onChange={(e) => setStaffLockDate(e.currentTarget.value)}
          disabled={!props.canUpdate}
        />
        {props.canUpdate ? (
          <Group>
            <Button
              loading={busy}
              onClick={async () => {
                setBusy(true);
                const { error } = await api.PATCH('/api/v1/accounts/settings', {
                  body: {
                    lockDate: isDay(lockDate) ? lockDate : null,
                    staffLockDate: isDay(staffLockDate) ? staffLockDate : null,
                  },
                });
                setBusy(false);
                if (error) return setProblem(asProblem(error));
                setProblem(undefined);
                notify.success(t('accounts.settingsSaved'));
                props.onSaved();
              }}
            >
              {t('common.save')}
            </Button>
          </Group>
        ) : null}
      </SimpleGrid>
    </Card>
  );
}

function FiscalYears(props: { settings: Settings; canUpdate: boolean; onChanged: () => void }) {
  const { t, f } = useI18n();
  const [year, setYear] = useState<number>(Number(today().slice(0, 4)) + 1);
  const [busy, setBusy] = useState<string | null>(null);
  const years = [...props.settings.fiscalYears].sort((a, b) =>
    b.startDate.localeCompare(a.startDate),
  );
  const toggle = async (id: string, locked: boolean) => {
    setBusy(id);
    const path = { params: { path: { id } } };
    const { error } = locked
      ? await api.POST('/api/v1/accounts/periods/{id}/unlock', path)
      : await api.POST('/api/v1/accounts/periods/{id}/lock', path);
    setBusy(null);
    if (error) return notify.error(problemMessage(asProblem(error), t));
    notify.success(t(locked ? 'accounts.periodUnlocked' : 'accounts.periodLocked'));
    props.onChanged();
  };
  return (
    <Card mb="lg">
      <Group justify="space-between" mb="sm" align="flex-end">
        <Title order={2} size="h5">
          {t('accounts.fiscalYears')}
        </Title>
        {props.canUpdate ? (
          <Group align="flex-end">
            <NumberInput
              label={t('accounts.year')}
              value={year}
              onChange={(v) => setYear(Number(v))}
              min={2000}
              max={2100}
              w={110}
            />
            <Button
              variant="light"
              loading={busy === 'year'}
              onClick={async () => {
                setBusy('year');
                const { error } = await api.POST('/api/v1/accounts/fiscal-years', {
                  body: { year },
                });
                setBusy(null);
                if (error) return notify.error(problemMessage(asProblem(error), t));
                notify.success(t('accounts.yearOpened'));
                props.onChanged();
              }}
            >
              {t('accounts.openYear')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {years.length === 0 ? <EmptyBlock title={t('accounts.noData')} /> : null}
      <Accordion defaultValue={years[0]?.id ?? null} variant="separated">
        {years.map((y) => (
          <Accordion.Item key={y.id} value={y.id}>
            <Accordion.Control>
              {y.name} ({f.date(y.startDate)} – {f.date(y.endDate)})
            </Accordion.Control>
            <Accordion.Panel>
              <Table aria-label={`${t('accounts.fiscalYears')} ${y.name}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('accounts.period')}</Table.Th>
                    <Table.Th>{t('accounts.from')}</Table.Th>
                    <Table.Th>{t('accounts.to')}</Table.Th>
                    <Table.Th>{t('accounts.state')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {y.periods.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{p.number}</Table.Td>
                      <Table.Td>{f.date(p.startDate)}</Table.Td>
                      <Table.Td>{f.date(p.endDate)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={p.locked ? 'red' : 'teal'}>
                          {t(p.locked ? 'accounts.locked' : 'accounts.unlocked')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {props.canUpdate ? (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            loading={busy === p.id}
                            onClick={() => void toggle(p.id, p.locked)}
                          >
                            {t(p.locked ? 'accounts.unlock' : 'accounts.lock')}
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Card>
  );
}

function PostingRules(props: { canUpdate: boolean }) {
  const { t } = useI18n();
  const accounts = useAccounts();
  const rules = useApiQuery('accounts:posting-rules', () =>
    api.GET('/api/v1/accounts/posting-rules'),
  );
  const set = async (rule: PostingRule, accountId: string | null) => {
    if (!accountId || accountId === rule.accountId) return;
    const { error } = await api.PUT('/api/v1/accounts/posting-rules', {
      body: {
        purpose: rule.purpose,
        matchKind: rule.matchKind,
        matchId: rule.matchId,
        accountId,
      },
    });
    if (error) notify.error(problemMessage(asProblem(error), t));
    else notify.success(t('accounts.ruleSaved'));
    rules.reload();
  };
  const items = [...(rules.data?.items ?? [])].sort(
    (a, b) => a.purpose.localeCompare(b.purpose) || a.matchKind.localeCompare(b.matchKind),
  );
  return (
    <Card mb="lg">
      <Title order={2} size="h5" mb="xs">
        {t('accounts.postingRules')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('accounts.postingRulesHelp')}
      </Text>
      <ProblemAlert problem={rules.problem} onRetry={rules.reload} />
      {rules.data && items.length === 0 ? <EmptyBlock title={t('accounts.noData')} /> : null}
      {items.length ? (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('accounts.postingRules')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accounts.purpose')}</Table.Th>
                <Table.Th>{t('accounts.match')}</Table.Th>
                <Table.Th>{t('accounts.account')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((rule) => (
                <Table.Tr key={rule.id}>
                  <Table.Td>{codeLabel(t, 'accounts.purpose', rule.purpose)}</Table.Td>
                  <Table.Td>
                    {codeLabel(t, 'accounts.match', rule.matchKind)}
                    {rule.matchId ? (
                      <Text size="xs" c="dimmed">
                        {rule.matchId.slice(0, 8)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {props.canUpdate ? (
                      <AccountPicker
                        accounts={accounts}
                        label=""
                        value={rule.accountId}
                        onChange={(id) => void set(rule, id)}
                        w={360}
                      />
                    ) : (
                      accounts.label(rule.accountId)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Card>
  );
}

function ChainCheck() {
  const { t } = useI18n();
  const canRead = useCan('read', 'accounts.report');
  const [result, setResult] = useState<components['schemas']['ChainReport'] | null>(null);
  const [busy, setBusy] = useState(false);
  if (!canRead) return null;
  return (
    <Card mb="lg">
      <Group justify="space-between">
        <Title order={2} size="h5">
          {t('accounts.verifyChain')}
        </Title>
        <Button
          variant="light"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            const { data, error } = await api.GET('/api/v1/accounts/chain/verify');
            setBusy(false);
            if (data) setResult(data);
            else notify.error(problemMessage(asProblem(error), t));
          }}
        >
          {t('accounts.verifyChain')}
        </Button>
      </Group>
      {result ? (
        <Alert mt="sm" color={result.valid ? 'teal' : 'red'}>
          {t(result.valid ? 'accounts.chainOk' : 'accounts.chainBroken')} ({result.entries})
          {result.firstBreak
            ? ` · ${result.firstBreak.number ?? result.firstBreak.seq} · ${result.firstBreak.reason}`
            : ''}
        </Alert>
      ) : null}
    </Card>
  );
}
