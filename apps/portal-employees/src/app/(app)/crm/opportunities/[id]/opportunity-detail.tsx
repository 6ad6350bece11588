'use client';
import { Anchor, Badge, Card, Grid, Group, SimpleGrid, Title } from '@mantine/core';
import { useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import { Field, LoadingBlock, PageHeader, ProblemAlert, useApiQuery } from '@nexo/ui';
import Link from 'next/link';
import { api } from '../../../../../lib/api';
import { useMoney } from '../../../../../lib/company';
import { ActivityForm } from '../../../../../components/activity-form';
import { Timeline } from '../../../../../components/timeline';

export function OpportunityDetail(props: { id: string }) {
  const { t, f } = useI18n();
  const money = useMoney();
  const canLog = useCan('create', 'crm.activity');
  const path = { params: { path: { id: props.id } } };
  const opportunity = useApiQuery(`opp:${props.id}`, () =>
    api.GET('/api/v1/crm/opportunities/{id}', path),
  );
  const timeline = useApiQuery(`opp-timeline:${props.id}`, () =>
    api.GET('/api/v1/crm/opportunities/{id}/timeline', path),
  );
  const pipelines = useApiQuery('pipelines', () => api.GET('/api/v1/crm/pipelines'));
  const o = opportunity.data;
  const party = useApiQuery(o?.partyId ? `party:${o.partyId}` : null, () =>
    api.GET('/api/v1/crm/parties/{id}', { params: { path: { id: o!.partyId! } } }),
  );
  if (!o)
    return opportunity.problem !== undefined ? (
      <ProblemAlert problem={opportunity.problem} />
    ) : (
      <LoadingBlock />
    );
  const stage = pipelines.data?.flatMap((p) => p.stages ?? []).find((s) => s.id === o.stageId);
  return (
    <>
      <PageHeader
        title={o.title}
        subtitle={
          <Group gap="xs" component="span">
            <Badge variant="light">{stage?.name}</Badge>
            <Badge
              variant="light"
              color={o.status === 'won' ? 'teal' : o.status === 'lost' ? 'red' : 'gray'}
            >
              {o.status ? t(`opportunity.status.${o.status}`) : ''}
            </Badge>
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card>
            <SimpleGrid cols={2} spacing="md">
              <Field label={t('opportunity.amount')} value={money(o.amount, o.currency)} />
              <Field label={t('opportunity.expectedClose')} value={f.date(o.expectedCloseDate)} />
              <Field
                label={t('opportunity.party')}
                value={
                  party.data ? (
                    <Anchor component={Link} href={`/crm/parties/${party.data.id}`}>
                      {party.data.name}
                    </Anchor>
                  ) : (
                    '—'
                  )
                }
              />
              <Field label={t('common.updated')} value={f.relative(o.updatedAt)} />
            </SimpleGrid>
          </Card>
          {canLog ? (
            <Card mt="lg">
              <Title order={2} size="h5" mb="sm">
                {t('activity.new')}
              </Title>
              <ActivityForm link={{ opportunityId: o.id }} onCreated={timeline.reload} />
            </Card>
          ) : null}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card>
            <Group justify="space-between" mb="md">
              <Title order={2} size="h4">
                {t('party.timeline')}
              </Title>
              <Anchor component="button" size="sm" onClick={timeline.reload}>
                {t('common.refresh')}
              </Anchor>
            </Group>
            <ProblemAlert problem={timeline.problem} />
            {timeline.data ? <Timeline items={timeline.data} /> : <LoadingBlock />}
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
