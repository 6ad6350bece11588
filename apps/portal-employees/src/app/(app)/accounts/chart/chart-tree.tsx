'use client';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { ACCOUNT_TYPES, CreateAccountInputSchema } from '@nexo/contracts/accounts';
import { codeLabel, problemMessage, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import {
  asProblem,
  contractValues,
  EmptyBlock,
  LoadingBlock,
  notify,
  PageHeader,
  ProblemAlert,
  useContractForm,
  useSubmit,
} from '@nexo/ui';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { api } from '../../../../lib/api';
import { AccountPicker, useAccounts, type Account } from '../accounts-lookups';

const CHART_COUNTRIES = ['AR', 'ES', 'MX', 'CL', '*'] as const;

/** The accounts in tree order: each after its parent, with its depth. */
function treeOrder(items: readonly Account[]): { account: Account; depth: number }[] {
  const children = new Map<string | null, Account[]>();
  const ids = new Set(items.map((a) => a.id));
  for (const a of items) {
    const parent = a.parentId && ids.has(a.parentId) ? a.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), a]);
  }
  const out: { account: Account; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const a of (children.get(parent) ?? []).sort((x, y) => x.code.localeCompare(y.code))) {
      out.push({ account: a, depth });
      walk(a.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/**
 * The chart of accounts as a tree: code, name, type; accounts are created, edited and
 * deactivated here (an account with entries is never deleted). An empty chart offers the
 * country's template.
 */
export function ChartOfAccounts() {
  const { t } = useI18n();
  const accounts = useAccounts();
  const canEdit = useCan('update', 'accounts.account');
  const canCreate = useCan('create', 'accounts.account');
  const canInstall = useCan('update', 'accounts.settings');
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [installing, setInstalling] = useState(false);
  const [showInactive, setShowInactive] = useState(false);
  const rows = useMemo(
    () => treeOrder(accounts.items).filter((r) => showInactive || r.account.active),
    [accounts.items, showInactive],
  );
  const toggleActive = async (a: Account) => {
    const { error } = await api.PATCH('/api/v1/accounts/accounts/{id}', {
      params: { path: { id: a.id }, header: { 'If-Match': `"${a.version}"` } },
      body: { active: !a.active },
    });
    if (error) notify.error(problemMessage(asProblem(error), t));
    else notify.success(t(a.active ? 'accounts.deactivated' : 'accounts.activated'));
    accounts.reload();
  };
  return (
    <>
      <PageHeader
        title={t('accounts.chart')}
        subtitle={t('accounts.chartHelp')}
        actions={
          <Group>
            {canInstall && accounts.loaded && accounts.items.length === 0 ? (
              <Button variant="light" onClick={() => setInstalling(true)}>
                {t('accounts.installChart')}
              </Button>
            ) : null}
            {canCreate ? (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setEditing('new')}
              >
                {t('accounts.newAccount')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <ProblemAlert problem={accounts.problem} onRetry={accounts.reload} />
      {!accounts.loaded && accounts.problem === undefined ? <LoadingBlock /> : null}
      {accounts.loaded && accounts.items.length === 0 ? (
        <EmptyBlock title={t('accounts.noAccounts')} />
      ) : null}
      {accounts.items.length ? (
        <Card p={0}>
          <Group p="sm">
            <Switch
              label={t('accounts.showInactive')}
              checked={showInactive}
              onChange={(e) => setShowInactive(e.currentTarget.checked)}
            />
          </Group>
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={t('accounts.chart')} highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('accounts.code')}</Table.Th>
                  <Table.Th>{t('accounts.name')}</Table.Th>
                  <Table.Th>{t('accounts.type')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map(({ account: a, depth }) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Text
                        component="code"
                        size="sm"
                        fw={a.heading ? 700 : 400}
                        style={{ paddingLeft: depth * 16 }}
                      >
                        {a.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text
                        size="sm"
                        fw={a.heading ? 700 : 400}
                        c={a.active ? undefined : 'dimmed'}
                      >
                        {a.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Text size="sm">{codeLabel(t, 'accounts.type', a.type)}</Text>
                        {a.heading ? (
                          <Badge size="xs" variant="light">
                            {t('accounts.heading')}
                          </Badge>
                        ) : null}
                        {!a.active ? (
                          <Badge size="xs" variant="outline" color="gray">
                            {t('accounts.inactive')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {canEdit ? (
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <ActionIcon
                            variant="subtle"
                            aria-label={`${t('common.edit')}: ${a.code}`}
                            onClick={() => setEditing(a)}
                          >
                            <IconPencil size={16} aria-hidden />
                          </ActionIcon>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color={a.active ? 'red' : undefined}
                            onClick={() => void toggleActive(a)}
                          >
                            {t(a.active ? 'accounts.deactivate' : 'accounts.activate')}
                          </Button>
                        </Group>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ) : null}
      {editing ? (
        <AccountForm
          accounts={accounts}
          account={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            notify.success(t('accounts.accountSaved'));
            accounts.reload();
          }}
        />
      ) : null}
      {installing ? (
        <InstallChart
          onClose={() => setInstalling(false)}
          onDone={() => {
            setInstalling(false);
            notify.success(t('accounts.installed'));
            accounts.reload();
          }}
        />
      ) : null}
    </>
  );
}

/** Creates an account or changes one (code, name, type, parent, heading). */
function AccountForm(props: {
  accounts: ReturnType<typeof useAccounts>;
  account: Account | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const a = props.account;
  const form = useContractForm(CreateAccountInputSchema, {
    code: a?.code ?? '',
    name: a?.name ?? '',
    type: a?.type ?? 'asset',
    parentId: a?.parentId ?? null,
    heading: a?.heading ?? false,
  });
  const submit = useSubmit(form);
  const values = form.getValues();
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t(a ? 'accounts.editAccount' : 'accounts.newAccount')}
    >
      <form
        noValidate
        onSubmit={form.onSubmit(
          submit.handler(
            (v) => {
              const body = contractValues(CreateAccountInputSchema, v);
              return a
                ? api.PATCH('/api/v1/accounts/accounts/{id}', {
                    params: { path: { id: a.id }, header: { 'If-Match': `"${a.version}"` } },
                    body: { ...body, parentId: body.parentId ?? null },
                  })
                : api.POST('/api/v1/accounts/accounts', { body });
            },
            () => props.onSaved(),
          ),
        )}
      >
        <Stack>
          <ProblemAlert problem={submit.problem} />
          <TextInput label={t('accounts.code')} required {...form.getInputProps('code')} />
          <TextInput label={t('accounts.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('accounts.type')}
            data={ACCOUNT_TYPES.map((type) => ({
              value: type,
              label: codeLabel(t, 'accounts.type', type),
            }))}
            allowDeselect={false}
            required
            {...form.getInputProps('type')}
          />
          <AccountPicker
            accounts={props.accounts}
            label={t('accounts.parent')}
            withHeadings
            value={typeof values.parentId === 'string' ? values.parentId : null}
            onChange={(id) => form.setFieldValue('parentId', id)}
          />
          <Switch
            label={t('accounts.heading')}
            description={t('accounts.headingHelp')}
            {...form.getInputProps('heading', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submit.pending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Installs a country's chart template (what exists is kept). */
function InstallChart(props: { onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [country, setCountry] = useState<string>('AR');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ReturnType<typeof asProblem> | undefined>(undefined);
  return (
    <Modal opened onClose={props.onClose} title={t('accounts.installChart')}>
      <Stack>
        <Text size="sm">{t('accounts.installHelp')}</Text>
        <ProblemAlert problem={problem} />
        <Select
          label={t('accounts.installCountry')}
          data={CHART_COUNTRIES.map((c) => ({
            value: c,
            label: c === '*' ? t('accounts.installCountry.generic') : c,
          }))}
          value={country}
          onChange={(v) => setCountry(v ?? 'AR')}
          allowDeselect={false}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={busy}
            onClick={async () => {
              setBusy(true);
              const { error } = await api.POST('/api/v1/accounts/chart/install', {
                body: { country },
              });
              setBusy(false);
              if (error) setProblem(asProblem(error));
              else props.onDone();
            }}
          >
            {t('accounts.installChart')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
