'use client';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { codeLabel, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import {
  asProblem,
  Field,
  LoadingBlock,
  notify,
  PageHeader,
  ProblemAlert,
  useApiQuery,
} from '@nexo/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from '../../../../../lib/api';
import { ConfirmDialog } from '../../../../../components/inventory/confirm-dialog';
import { isZero, RIGHT, today, useJournals, usePartyNames } from '../../accounts-lookups';
import { ENTRY_STATE_COLORS } from '../entry-list';

/**
 * An entry with its lines, its number and its place in the hash chain. A draft is posted or
 * deleted; a posted entry never changes and is corrected by reversing it on a date.
 */
export function EntryDetail(props: { id: string }) {
  const { t, f } = useI18n();
  const router = useRouter();
  const journals = useJournals();
  const canTransition = useCan('transition', 'accounts.entry');
  const canDelete = useCan('delete', 'accounts.entry');
  const [confirming, setConfirming] = useState<'post' | 'delete' | null>(null);
  const [reversing, setReversing] = useState(false);
  const entry = useApiQuery(`accounts:entry:${props.id}`, () =>
    api.GET('/api/v1/accounts/entries/{id}', { params: { path: { id: props.id } } }),
  );
  const e = entry.data;
  const partyName = usePartyNames((e?.lines ?? []).map((l) => l.partyId));
  if (!e)
    return entry.problem !== undefined ? (
      <ProblemAlert problem={entry.problem} />
    ) : (
      <LoadingBlock />
    );
  const draft = e.state === 'draft';
  const money = (amount: string, currency?: string) =>
    isZero(amount) ? '' : f.money(amount, currency ?? e.lines[0]?.currency);
  return (
    <>
      <PageHeader
        title={
          e.number
            ? `${t('accounts.entry')} ${e.number}`
            : `${t('accounts.entry')} (${t('accounts.draft')})`
        }
        subtitle={
          <Badge variant="light" color={ENTRY_STATE_COLORS[e.state] ?? 'gray'}>
            {codeLabel(t, 'accounts.state', e.state)}
          </Badge>
        }
        actions={
          <Group>
            {canTransition && draft ? (
              <Button onClick={() => setConfirming('post')}>{t('accounts.post')}</Button>
            ) : null}
            {canDelete && draft ? (
              <Button variant="light" color="red" onClick={() => setConfirming('delete')}>
                {t('accounts.deleteDraft')}
              </Button>
            ) : null}
            {canTransition && !draft && !e.reversedById ? (
              <Button variant="light" onClick={() => setReversing(true)}>
                {t('accounts.reverse')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <Card mb="lg">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Field label={t('accounts.number')} value={e.number ?? ''} />
          <Field label={t('accounts.date')} value={f.date(e.entryDate)} />
          <Field label={t('accounts.journal')} value={journals.name(e.journalId)} />
          <Field label={t('accounts.total')} value={f.money(e.total, e.lines[0]?.currency)} />
          <Field label={t('accounts.postedAt')} value={f.dateTime(e.postedAt)} />
          <Field label={t('accounts.chainSeq')} value={e.chainSeq?.toString() ?? ''} />
          {e.sourceType ? <Field label={t('accounts.source')} value={e.sourceType} /> : null}
          {e.reversesEntryId ? (
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('accounts.reverses')}
              </Text>
              <Anchor component={Link} href={`/accounts/entries/${e.reversesEntryId}`} size="sm">
                {t('accounts.show')}
              </Anchor>
            </Stack>
          ) : null}
          {e.reversedById ? (
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('accounts.reversedBy')}
              </Text>
              <Anchor component={Link} href={`/accounts/entries/${e.reversedById}`} size="sm">
                {t('accounts.show')}
              </Anchor>
            </Stack>
          ) : null}
        </SimpleGrid>
        {e.description ? (
          <Text size="sm" mt="md">
            {e.description}
          </Text>
        ) : null}
        {e.hash ? (
          <Group gap="xs" mt="md" wrap="nowrap">
            <Text size="xs" c="dimmed">
              {t('accounts.hash')}
            </Text>
            <Code style={{ wordBreak: 'break-all' }}>{e.hash}</Code>
          </Group>
        ) : null}
      </Card>
      <Card>
        <Title order={2} size="h5" mb="sm">
          {t('accounts.lines')}
        </Title>
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={t('accounts.lines')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accounts.account')}</Table.Th>
                <Table.Th>{t('accounts.party')}</Table.Th>
                <Table.Th>{t('accounts.description')}</Table.Th>
                <Table.Th>{t('accounts.dueDate')}</Table.Th>
                <Table.Th style={RIGHT}>{t('accounts.debit')}</Table.Th>
                <Table.Th style={RIGHT}>{t('accounts.credit')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {e.lines.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    <Text size="sm">
                      <code>{l.accountCode}</code> {l.accountName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {l.partyId ? (
                      <Anchor component={Link} href={`/accounts/parties/${l.partyId}`} size="sm">
                        {partyName(l.partyId) || '…'}
                      </Anchor>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{l.description}</Table.Td>
                  <Table.Td>{f.date(l.dueDate)}</Table.Td>
                  <Table.Td style={RIGHT}>{money(l.debit)}</Table.Td>
                  <Table.Td style={RIGHT}>{money(l.credit)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={4}>{t('accounts.totals')}</Table.Th>
                <Table.Th style={RIGHT}>{f.money(e.total, e.lines[0]?.currency)}</Table.Th>
                <Table.Th style={RIGHT}>{f.money(e.total, e.lines[0]?.currency)}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {confirming ? (
        <ConfirmDialog
          title={t(confirming === 'post' ? 'accounts.post' : 'accounts.deleteDraft')}
          message={t(confirming === 'post' ? 'accounts.confirmPost' : 'accounts.confirmDelete')}
          confirm={t(confirming === 'post' ? 'accounts.post' : 'accounts.deleteDraft')}
          color={confirming === 'delete' ? 'red' : undefined}
          run={() =>
            confirming === 'post'
              ? api.POST('/api/v1/accounts/entries/{id}/post', {
                  params: { path: { id: e.id } },
                })
              : api.DELETE('/api/v1/accounts/entries/{id}', {
                  params: { path: { id: e.id }, header: { 'If-Match': `"${e.version}"` } },
                })
          }
          onClose={() => setConfirming(null)}
          onDone={() => {
            const done = confirming;
            setConfirming(null);
            notify.success(t(done === 'post' ? 'accounts.entryPosted' : 'accounts.entryDeleted'));
            if (done === 'delete') router.push('/accounts/entries');
            else entry.reload();
          }}
        />
      ) : null}
      {reversing ? (
        <ReverseDialog
          id={e.id}
          date={e.entryDate > today() ? e.entryDate : today()}
          onClose={() => setReversing(false)}
          onDone={(id) => {
            setReversing(false);
            notify.success(t('accounts.entryReversed'));
            router.push(`/accounts/entries/${id}`);
          }}
        />
      ) : null}
    </>
  );
}

/** Reverses a posted entry on a date (on or after the original's). */
function ReverseDialog(props: {
  id: string;
  date: string;
  onClose: () => void;
  onDone: (reversalId: string) => void;
}) {
  const { t } = useI18n();
  const [date, setDate] = useState(props.date);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ReturnType<typeof asProblem> | undefined>(undefined);
  return (
    <Modal opened onClose={props.onClose} title={t('accounts.reverse')}>
      <Stack>
        <Text size="sm">{t('accounts.reverseHelp')}</Text>
        <ProblemAlert problem={problem} />
        <TextInput
          type="date"
          label={t('accounts.reverseDate')}
          value={date}
          onChange={(ev) => setDate(ev.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={busy}
            onClick={async () => {
              setBusy(true);
              const { data, error } = await api.POST('/api/v1/accounts/entries/{id}/reverse', {
                params: { path: { id: props.id } },
                body: date ? { date } : {},
              });
              setBusy(false);
              if (data) props.onDone(data.id);
              else setProblem(asProblem(error));
            }}
          >
            {t('accounts.reverse')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
