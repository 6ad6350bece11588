'use client';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { components } from '@nexo/api-client';
import { problemMessage, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import { asProblem, notify, PageHeader, ProblemAlert, useApiQuery } from '@nexo/ui';
import { IconArrowsMove, IconCalendar, IconPlus } from '@tabler/icons-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type DragEvent } from 'react';
import { api } from '../../../../lib/api';
import { useCompanyCurrency, useMoney } from '../../../../lib/company';
import { OpportunityForm } from '../opportunities/opportunity-form';
import { OpportunityTable } from '../opportunities/opportunity-table';
import { totalsByCurrency } from './column-totals';
import { afterIdAt, placeAfter, predecessorOf } from './drop-position';

type Opportunity = components['schemas']['Opportunity'];
type Board = {
  pipeline: components['schemas']['Pipeline'];
  columns: { stageId: string; cards: Opportunity[]; more: boolean }[];
};

/**
 * The kanban: a column per stage, cards in rank order. Drag a card between two cards of any
 * column, its own included (or use its "Move to…" menu from the keyboard: the end of the
 * column); the card moves at once and the API is told in one request with the card it now
 * follows — a refusal puts it back and says why.
 */
export function PipelineBoard(props: { pipelineId: string | null }) {
  const { t, f } = useI18n();
  const money = useMoney();
  const companyCurrency = useCompanyCurrency();
  const router = useRouter();
  const canCreate = useCan('create', 'crm.opportunity');
  const [view, setView] = useState<'board' | 'list'>('board');
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const pipelines = useApiQuery('pipelines', () => api.GET('/api/v1/crm/pipelines'));
  const pipelineId =
    props.pipelineId ??
    pipelines.data?.find((p) => p.isDefault)?.id ??
    pipelines.data?.[0]?.id ??
    null;
  const board = useApiQuery<Board>(pipelineId, () =>
    api.GET('/api/v1/crm/pipelines/{id}/board', { params: { path: { id: pipelineId! } } }),
  );
  const stages = board.data?.pipeline.stages ?? [];

  /** To a stage, after a card (`undefined`: the end of the column, as the keyboard menu does). */
  async function move(card: Opportunity, toStageId: string, after?: string | null) {
    const data = board.data;
    const target = data?.columns.find((c) => c.stageId === toStageId);
    if (!data || !target) return;
    const afterId =
      after === undefined
        ? (target.cards.filter((c) => c.id !== card.id).at(-1)?.id ?? null)
        : after;
    // Dropped where it already was: nothing to tell the API.
    if (card.stageId === toStageId && predecessorOf(target.cards, card.id) === afterId) return;
    const stage = stages.find((s) => s.id === toStageId);
    // Optimistic: the card is in its new place before the API answers.
    board.setData((current) =>
      current
        ? {
            ...current,
            columns: current.columns.map((column) => ({
              ...column,
              cards:
                column.stageId === toStageId
                  ? placeAfter(column.cards, { ...card, stageId: toStageId }, afterId)
                  : column.cards.filter((c) => c.id !== card.id),
            })),
          }
        : current,
    );
    const { error } = await api.POST('/api/v1/crm/opportunities/{id}/move', {
      params: { path: { id: card.id } },
      body: { stageId: toStageId, afterId },
    });
    if (error) {
      notify.error(problemMessage(asProblem(error), t));
      board.setData(() => data);
      return;
    }
    notify.success(t('opportunity.moved', { title: card.title ?? '', stage: stage?.name ?? '' }));
    board.reload();
  }

  const onDrop = (stageId: string) => (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setOver(null);
    const id = event.dataTransfer.getData('text/plain') || dragging;
    const card = board.data?.columns.flatMap((c) => c.cards).find((c) => c.id === id);
    setDragging(null);
    if (!card) return;
    // Between which cards it was released: the column's cards as laid out on screen.
    const boxes = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-card-id]')].map(
      (element) => {
        const rect = element.getBoundingClientRect();
        return { id: element.dataset.cardId ?? '', top: rect.top, height: rect.height };
      },
    );
    void move(card, stageId, afterIdAt(boxes, card.id, event.clientY));
  };

  return (
    <>
      <PageHeader
        title={t('nav.pipeline')}
        subtitle={board.data?.pipeline.name}
        actions={
          <>
            {pipelines.data && pipelines.data.length > 1 ? (
              <Select
                aria-label={t('opportunity.pipeline')}
                data={pipelines.data.map((p) => ({ value: p.id, label: p.name ?? '' }))}
                value={pipelineId}
                allowDeselect={false}
                onChange={(id) => id && router.push(`/crm/pipeline?pipeline=${id}`)}
                w={220}
              />
            ) : null}
            <SegmentedControl
              aria-label={t('opportunity.board')}
              value={view}
              onChange={(v) => setView(v)}
              data={[
                { value: 'board', label: t('opportunity.board') },
                { value: 'list', label: t('opportunity.list') },
              ]}
            />
            {canCreate ? (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setCreating(true)}
              >
                {t('opportunity.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <ProblemAlert problem={pipelines.problem ?? board.problem} onRetry={board.reload} />
      {creating && pipelineId ? (
        <OpportunityForm
          pipelineId={pipelineId}
          stages={stages}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            board.reload();
          }}
        />
      ) : null}
      {view === 'list' ? (
        pipelineId ? (
          <OpportunityTable pipelineId={pipelineId} stages={stages} />
        ) : null
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {t('opportunity.dragHint')}
          </Text>
          <div
            className="nexo-kanban"
            role="list"
            aria-label={t('nav.pipeline')}
            aria-busy={board.loading}
          >
            {!board.data
              ? Array.from({ length: 5 }, (_, i) => <Skeleton key={i} height={320} radius="md" />)
              : board.data.columns.map((column) => {
                  const stage = stages.find((s) => s.id === column.stageId);
                  const totals = totalsByCurrency(column.cards, companyCurrency);
                  const total = totals.length
                    ? totals.map((s) => money(s.total, s.currency)).join(' + ')
                    : money('0');
                  return (
                    <section
                      key={column.stageId}
                      role="listitem"
                      aria-label={stage?.name}
                      className="nexo-kanban-column"
                      data-over={over === column.stageId}
                      data-stage-id={column.stageId}
                      onDragOver={(e) => {
                        e.preventDefault();
                        e.dataTransfer.dropEffect = 'move';
                        if (over !== column.stageId) setOver(column.stageId);
                      }}
                      onDragLeave={() => setOver(null)}
                      onDrop={onDrop(column.stageId)}
                    >
                      <Group justify="space-between" mb="xs" wrap="nowrap">
                        <Title order={2} size="h5">
                          {stage?.name}
                        </Title>
                        <Badge
                          variant="light"
                          color={stage?.isWon ? 'teal' : stage?.isLost ? 'red' : 'nexo'}
                        >
                          {column.cards.length}
                          {column.more ? '+' : ''}
                        </Badge>
                      </Group>
                      <Text size="xs" c="dimmed" mb="sm">
                        {stage?.probability}% · {t('opportunity.total', { amount: total })}
                      </Text>
                      <Stack gap="xs" role="list" aria-label={stage?.name}>
                        {column.cards.length === 0 ? (
                          <Text size="sm" c="dimmed" ta="center" py="lg">
                            {t('opportunity.emptyStage')}
                          </Text>
                        ) : null}
                        {column.cards.map((card) => (
                          <Card
                            key={card.id}
                            role="listitem"
                            aria-label={card.title}
                            data-card-id={card.id}
                            className="nexo-card"
                            data-dragging={dragging === card.id}
                            draggable
                            onDragStart={(e) => {
                              e.dataTransfer.setData('text/plain', card.id);
                              e.dataTransfer.effectAllowed = 'move';
                              setDragging(card.id);
                            }}
                            onDragEnd={() => setDragging(null)}
                            padding="sm"
                            radius="md"
                            shadow="xs"
                          >
                            <Group justify="space-between" align="flex-start" wrap="nowrap" gap={4}>
                              <Text
                                component={Link}
                                href={`/crm/opportunities/${card.id}`}
                                size="sm"
                                fw={600}
                                lineClamp={2}
                                draggable={false}
                              >
                                {card.title}
                              </Text>
                              <Menu position="bottom-end" withinPortal>
                                <Menu.Target>
                                  <ActionIcon
                                    variant="subtle"
                                    size="sm"
                                    aria-label={t('opportunity.moveCard', {
                                      title: card.title ?? '',
                                    })}
                                  >
                                    <IconArrowsMove size={14} aria-hidden />
                                  </ActionIcon>
                                </Menu.Target>
                                <Menu.Dropdown>
                                  <Menu.Label>{t('opportunity.moveTo')}</Menu.Label>
                                  {stages
                                    .filter((s) => s.id !== column.stageId)
                                    .map((s) => (
                                      <Menu.Item key={s.id} onClick={() => void move(card, s.id)}>
                                        {s.name}
                                      </Menu.Item>
                                    ))}
                                </Menu.Dropdown>
                              </Menu>
                            </Group>
                            <Group justify="space-between" mt={6} gap={4}>
                              <Text size="sm" fw={700} c="nexo.7">
                                {money(card.amount, card.currency)}
                              </Text>
                              {card.expectedCloseDate ? (
                                <Group gap={4} wrap="nowrap">
                                  <IconCalendar size={12} aria-hidden />
                                  <Text size="xs" c="dimmed">
                                    {f.date(card.expectedCloseDate)}
                                  </Text>
                                </Group>
                              ) : null}
                            </Group>
                          </Card>
                        ))}
                        {column.more ? (
                          <Text size="xs" c="dimmed" ta="center">
                            {t('opportunity.more')}
                          </Text>
                        ) : null}
                      </Stack>
                    </section>
                  );
                })}
          </div>
        </>
      )}
    </>
  );
}
