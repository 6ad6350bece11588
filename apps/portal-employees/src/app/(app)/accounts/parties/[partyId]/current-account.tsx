'use client';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { components } from '@nexo/api-client';
import { subtractDecimals, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import {
  asProblem,
  EmptyBlock,
  Field,
  LoadingBlock,
  notify,
  PageHeader,
  ProblemAlert,
  useApiQuery,
} from '@nexo/ui';
import Link from 'next/link';
import { useState } from 'react';
import { api } from '../../../../../lib/api';
import { ConfirmDialog } from '../../../../../components/inventory/confirm-dialog';
import {
  absolute,
  daysBetween,
  isDay,
  isDecimal,
  isNegative,
  isZero,
  RIGHT,
  today,
  yearStart,
} from '../../accounts-lookups';

type OpenItem = components['schemas']['OpenItem'];
type Allocation = components['schemas']['Allocation'];

/** The smaller of two non-negative decimal strings. */
const smaller = (a: string, b: string) => (isNegative(subtractDecimals(a, b)) ? a : b);

/**
 * A party's current account: its balance per currency, its open items with their due dates
 * and days overdue, the allocation of payments and credits to invoices, the allocations made
 * (each one undone by its opposite) and the statement of a period, printable.
 */
export function CurrentAccount(props: { partyId: string }) {
  const { t, f } = useI18n();
  const canAllocate = useCan('create', 'accounts.current-account');
  const canUndo = useCan('update', 'accounts.current-account');
  const path = { params: { path: { partyId: props.partyId } } };
  const party = useApiQuery(`party:${props.partyId}`, () =>
    api.GET('/api/v1/crm/parties/{id}', { params: { path: { id: props.partyId } } }),
  );
  const account = useApiQuery(`accounts:current:${props.partyId}`, () =>
    api.GET('/api/v1/accounts/parties/{partyId}/current-account', {
      params: { path: { partyId: props.partyId }, query: { items: 'all' } },
    }),
  );
  const allocations = useApiQuery(`accounts:allocations:${props.partyId}`, () =>
    api.GET('/api/v1/accounts/parties/{partyId}/allocations', path),
  );
  const [debits, setDebits] = useState<Record<string, string>>({});
  const [credit, setCredit] = useState<string | null>(null);
  const [allocating, setAllocating] = useState(false);
  const [problem, setProblem] = useState<ReturnType<typeof asProblem> | undefined>(undefined);
  const [undoing, setUndoing] = useState<Allocation | null>(null);
  const [from, setFrom] = useState(yearStart(today()));
  const [to, setTo] = useState(today());

  const a = account.data;
  const all = a?.items ?? [];
  const open = all.filter((i) => !isZero(i.open));
  const byId = new Map(all.map((i) => [i.id, i]));
  const creditItem = credit ? byId.get(credit) : undefined;
  const name = party.data?.name ?? '';
  const asOf = a?.asOf ?? today();
  const reload = () => {
    account.reload();
    allocations.reload();
  };

  /** Ticking a charge proposes what is open on it, up to what is left of the payment. */
  const toggleDebit = (item: OpenItem, on: boolean) => {
    setDebits((current) => {
      const next = { ...current };
      if (!on) {
        delete next[item.id];
        return next;
      }
      let amount = absolute(item.open);
      if (creditItem) {
        const used = Object.values(next).filter(isDecimal);
        let left = absolute(creditItem.open);
        for (const u of used) left = subtractDecimals(left, u);
        if (!isNegative(left)) amount = smaller(amount, left);
      }
      next[item.id] = amount;
      return next;
    });
  };

  const allocate = async () => {
    if (!credit) return setProblem({ title: t('accounts.pickCredit') });
    const chosen = Object.entries(debits).filter(
      ([, amount]) => isDecimal(amount) && !isZero(amount),
    );
    if (!chosen.length) return setProblem({ title: t('accounts.pickDebits') });
    setAllocating(true);
    const { error } = await api.POST('/api/v1/accounts/parties/{partyId}/allocations', {
      params: { path: { partyId: props.partyId } },
      body: {
        allocations: chosen.map(([debitItemId, amount]) => ({
          debitItemId,
          creditItemId: credit,
          amount: amount.trim(),
        })),
      },
    });
    setAllocating(false);
    if (error) return setProblem(asProblem(error));
    setProblem(undefined);
    setDebits({});
    setCredit(null);
    notify.success(t('accounts.allocated'));
    reload();
  };

  if (!a)
    return account.problem !== undefined ? (
      <ProblemAlert problem={account.problem} onRetry={account.reload} />
    ) : (
      <LoadingBlock />
    );
  const itemLabel = (id: string) => {
    const i = byId.get(id);
    return i ? `${i.number}${i.description ? ` · ${i.description}` : ''}` : '';
  };
  const statementQuery = isDay(from) && isDay(to) ? `from=${from}&to=${to}` : '';
  return (
    <>
      <PageHeader
        title={t('accounts.currentAccountOf', { name })}
        actions={
          <Anchor component={Link} href={`/crm/parties/${props.partyId}`} size="sm">
            {name}
          </Anchor>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card h="100%">
            <Title order={2} size="h5" mb="sm">
              {t('accounts.balances')}
            </Title>
            {a.balances.length === 0 ? <Text c="dimmed">{t('accounts.noBalance')}</Text> : null}
            <SimpleGrid cols={1} spacing="xs">
              {a.balances.map((b) => (
                <Field
                  key={b.currency}
                  label={`${t('accounts.balance')} ${b.currency}`}
                  value={f.money(b.balance, b.currency)}
                />
              ))}
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt="sm">
              {t('accounts.balanceHelp')} {t('accounts.asOf')} {f.date(asOf)}
            </Text>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card>
            <Title order={2} size="h5" mb="xs">
              {t('accounts.openItems')}
            </Title>
            {canAllocate ? (
              <Text size="xs" c="dimmed" mb="sm">
                {t('accounts.allocationHelp')}
              </Text>
            ) : null}
            <ProblemAlert problem={problem} />
            {open.length === 0 ? <EmptyBlock title={t('accounts.noOpenItems')} /> : null}
            {open.length ? (
              <Table.ScrollContainer minWidth={720}>
                <Table aria-label={t('accounts.openItems')}>
                  <Table.Thead>
                    <Table.Tr>
                      {canAllocate ? <Table.Th /> : null}
                      <Table.Th>{t('accounts.number')}</Table.Th>
                      <Table.Th>{t('accounts.type')}</Table.Th>
                      <Table.Th>{t('accounts.date')}</Table.Th>
                      <Table.Th>{t('accounts.dueDate')}</Table.Th>
                      <Table.Th style={RIGHT}>{t('accounts.daysOverdue')}</Table.Th>
                      <Table.Th style={RIGHT}>{t('accounts.amount')}</Table.Th>
                      <Table.Th style={RIGHT}>{t('accounts.open')}</Table.Th>
                      {canAllocate ? (
                        <Table.Th style={RIGHT}>{t('accounts.allocateTo')}</Table.Th>
                      ) : null}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {open.map((i) => {
                      const overdue = daysBetween(i.dueDate, asOf);
                      const isDebit = i.side === 'debit';
                      return (
                        <Table.Tr key={i.id}>
                          {canAllocate ? (
                            <Table.Td>
                              {isDebit ? (
                                <Checkbox
                                  aria-label={`${t('accounts.charge')} ${i.number}`}
                                  checked={debits[i.id] !== undefined}
                                  onChange={(e) => toggleDebit(i, e.currentTarget.checked)}
                                />
                              ) : (
                                <Radio
                                  aria-label={`${t('accounts.payment')} ${i.number}`}
                                  checked={credit === i.id}
                                  onChange={() => setCredit(i.id)}
                                />
                              )}
                            </Table.Td>
                          ) : null}
                          <Table.Td>
                            <Anchor
                              component={Link}
                              href={`/accounts/entries/${i.entryId}`}
                              size="sm"
                            >
                              {i.number}
                            </Anchor>
                            {i.description ? (
                              <Text size="xs" c="dimmed">
                                {i.description}
                              </Text>
                            ) : null}
                          </Table.Td>
                          <Table.Td>
                            <Badge variant="light" color={isDebit ? 'blue' : 'teal'}>
                              {t(isDebit ? 'accounts.side.debit' : 'accounts.side.credit')}
                            </Badge>
                          </Table.Td>
                          <Table.Td>{f.date(i.documentDate)}</Table.Td>
                          <Table.Td>{f.date(i.dueDate)}</Table.Td>
                          <Table.Td style={RIGHT} c={overdue > 0 ? 'red' : undefined}>
                            {overdue > 0 ? overdue : ''}
                          </Table.Td>
                          <Table.Td style={RIGHT}>
                            {f.money(absolute(i.amountCurrency), i.currency)}
                          </Table.Td>
                          <Table.Td style={RIGHT} fw={600}>
                            {f.money(absolute(i.open), i.currency)}
                          </Table.Td>
                          {canAllocate ? (
                            <Table.Td style={RIGHT}>
                              {isDebit && debits[i.id] !== undefined ? (
                                <TextInput
                                  aria-label={`${t('accounts.amount')} ${i.number}`}
                                  inputMode="decimal"
                                  size="xs"
                                  w={120}
                                  ml="auto"
                                  value={debits[i.id]}
                                  error={isDecimal(debits[i.id]) ? undefined : true}
                                  onChange={(e) => {
                                    const value = e.currentTarget.value;
                                    setDebits((c) => ({ ...c, [i.id]: value }));
                                  }}
                                />
                              ) : null}
                            </Table.Td>
                          ) : null}
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
            {canAllocate && open.length ? (
              <Group justify="flex-end" mt="sm">
                <Button onClick={() => void allocate()} loading={allocating}>
                  {t('accounts.allocate')}
                </Button>
              </Group>
            ) : null}
          </Card>
        </Grid.Col>
      </Grid>

      <Card mt="lg">
        <Title order={2} size="h5" mb="sm">
          {t('accounts.allocations')}
        </Title>
        <ProblemAlert problem={allocations.problem} onRetry={allocations.reload} />
        {allocations.data?.items.length === 0 ? (
          <EmptyBlock title={t('accounts.noAllocations')} />
        ) : null}
        {allocations.data?.items.length ? (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={t('accounts.allocations')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('accounts.date')}</Table.Th>
                  <Table.Th>{t('accounts.charge')}</Table.Th>
                  <Table.Th>{t('accounts.payment')}</Table.Th>
                  <Table.Th style={RIGHT}>{t('accounts.amount')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {allocations.data.items.map((al) => {
                  const undone = allocations.data?.items.some((x) => x.undoesId === al.id);
                  return (
                    <Table.Tr key={al.id} c={al.undoesId || undone ? 'dimmed' : undefined}>
                      <Table.Td>{f.date(al.allocatedOn)}</Table.Td>
                      <Table.Td>{itemLabel(al.debitItemId)}</Table.Td>
                      <Table.Td>{itemLabel(al.creditItemId)}</Table.Td>
                      <Table.Td style={RIGHT}>{f.money(al.amountCurrency, al.currency)}</Table.Td>
                      <Table.Td style={RIGHT}>
                        {al.undoesId ? (
                          <Badge size="xs" variant="outline" color="gray">
                            {t('accounts.undoes')}
                          </Badge>
                        ) : canUndo && !undone ? (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            onClick={() => setUndoing(al)}
                          >
                            {t('accounts.undo')}
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Card>

      <Statement
        partyId={props.partyId}
        from={from}
        to={to}
        setFrom={setFrom}
        setTo={setTo}
        query={statementQuery}
      />

      {undoing ? (
        <ConfirmDialog
          title={t('accounts.undo')}
          message={t('accounts.undoConfirm')}
          confirm={t('accounts.undo')}
          color="red"
          run={() =>
            api.POST('/api/v1/accounts/allocations/{id}/undo', {
              params: { path: { id: undoing.id } },
              body: {},
            })
          }
          onClose={() => setUndoing(null)}
          onDone={() => {
            setUndoing(null);
            notify.success(t('accounts.undone'));
            reload();
          }}
        />
      ) : null}
    </>
  );
}

/** The party's statement for a period, with the way to print it. */
function Statement(props: {
  partyId: string;
  from: string;
  to: string;
  setFrom: (v: string) => void;
  setTo: (v: string) => void;
  query: string;
}) {
  const { t, f } = useI18n();
  const statement = useApiQuery(
    props.query ? `accounts:statement:${props.partyId}:${props.query}` : null,
    () =>
      api.GET('/api/v1/accounts/parties/{partyId}/statement', {
        params: {
          path: { partyId: props.partyId },
          query: { from: props.from, to: props.to },
        },
      }),
  );
  const s = statement.data;
  return (
    <Card mt="lg">
      <Group justify="space-between" mb="sm" align="flex-end">
        <Title order={2} size="h5">
          {t('accounts.statement')}
        </Title>
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('accounts.from')}
            value={props.from}
            onChange={(e) => props.setFrom(e.currentTarget.value)}
            w={160}
          />
          <TextInput
            type="date"
            label={t('accounts.to')}
            value={props.to}
            onChange={(e) => props.setTo(e.currentTarget.value)}
            w={160}
          />
          <Button
            component={Link}
            href={`/accounts/parties/${props.partyId}/statement?${props.query}&print=1`}
            variant="light"
            disabled={!props.query}
          >
            {t('accounts.print')}
          </Button>
        </Group>
      </Group>
      <ProblemAlert problem={statement.problem} onRetry={statement.reload} />
      {s ? <StatementTable statement={s} /> : null}
      {s && s.lines.length === 0 ? <Text c="dimmed">{t('accounts.noData')}</Text> : null}
      {!s && statement.loading ? <LoadingBlock /> : null}
      <Stack gap={0} mt="xs">
        <Text size="xs" c="dimmed">
          {s ? t('accounts.statementPeriod', { from: f.date(s.from), to: f.date(s.to) }) : ''}
        </Text>
      </Stack>
    </Card>
  );
}

type Movements = components['schemas']['LedgerMovements'];

/** Opening, the lines with their running balance, closing: a statement or a ledger. */
export function StatementTable(props: { statement: Movements; label?: string; links?: boolean }) {
  const { t, f } = useI18n();
  const s = props.statement;
  const money = (v: string) => (isZero(v) ? '' : f.money(v, s.currency));
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={props.label ?? t('accounts.statement')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('accounts.date')}</Table.Th>
            <Table.Th>{t('accounts.number')}</Table.Th>
            <Table.Th>{t('accounts.description')}</Table.Th>
            <Table.Th style={RIGHT}>{t('accounts.debit')}</Table.Th>
            <Table.Th style={RIGHT}>{t('accounts.credit')}</Table.Th>
            <Table.Th style={RIGHT}>{t('accounts.balance')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td colSpan={5}>
              <Text size="sm" fw={600}>
                {t('accounts.opening')}
              </Text>
            </Table.Td>
            <Table.Td style={RIGHT} fw={600}>
              {f.money(s.opening, s.currency)}
            </Table.Td>
          </Table.Tr>
          {s.lines.map((l) => (
            <Table.Tr key={l.lineId}>
              <Table.Td>{f.date(l.date)}</Table.Td>
              <Table.Td>
                {props.links === false ? (
                  l.number
                ) : (
                  <Anchor component={Link} href={`/accounts/entries/${l.entryId}`} size="sm">
                    {l.number}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>{l.description}</Table.Td>
              <Table.Td style={RIGHT}>{money(l.debit)}</Table.Td>
              <Table.Td style={RIGHT}>{money(l.credit)}</Table.Td>
              <Table.Td style={RIGHT}>{f.money(l.balance, s.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={5}>{t('accounts.closing')}</Table.Th>
            <Table.Th style={RIGHT}>{f.money(s.closing, s.currency)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
