'use client';
import { Anchor, Badge } from '@mantine/core';
import type { components } from '@nexo/api-client';
import { useI18n } from '@nexo/i18n';
import { DataTable } from '@nexo/ui';
import Link from 'next/link';
import { api, listQuery } from '../../../../lib/api';
import { useMoney } from '../../../../lib/company';

/** The pipeline as a list: sort by amount or close date, filter by stage or status. */
export function OpportunityTable(props: {
  pipelineId: string;
  stages: components['schemas']['Stage'][];
}) {
  const { t, f } = useI18n();
  const money = useMoney();
  const stageName = (id?: string) => props.stages.find((s) => s.id === id)?.name ?? '';
  return (
    <DataTable
      load={(query) =>
        api.GET('/api/v1/crm/opportunities', {
          params: { query: listQuery({ ...query, pipelineId: props.pipelineId }) },
        })
      }
      id="opportunities"
      label={t('opportunity.title')}
      rowKey={(o) => o.id}
      defaultSort="-updatedAt"
      filters={[
        {
          key: 'stageId',
          label: t('opportunity.stage'),
          options: props.stages.map((s) => ({ value: s.id, label: s.name ?? '' })),
        },
        {
          key: 'status',
          label: t('common.status'),
          options: (['open', 'won', 'lost'] as const).map((s) => ({
            value: s,
            label: t(`opportunity.status.${s}`),
          })),
        },
      ]}
      columns={[
        {
          key: 'title',
          header: t('opportunity.name'),
          sortable: true,
          render: (o) => (
            <Anchor component={Link} href={`/crm/opportunities/${o.id}`} fw={600}>
              {o.title}
            </Anchor>
          ),
        },
        { key: 'stage', header: t('opportunity.stage'), render: (o) => stageName(o.stageId) },
        {
          key: 'status',
          header: t('common.status'),
          render: (o) => (
            <Badge
              variant="light"
              color={o.status === 'won' ? 'teal' : o.status === 'lost' ? 'red' : 'nexo'}
            >
              {o.status ? t(`opportunity.status.${o.status}`) : ''}
            </Badge>
          ),
        },
        {
          key: 'amount',
          header: t('opportunity.amount'),
          sortable: true,
          numeric: true,
          render: (o) => money(o.amount, o.currency),
        },
        {
          key: 'expectedCloseDate',
          header: t('opportunity.expectedClose'),
          sortable: true,
          render: (o) => f.date(o.expectedCloseDate),
        },
        {
          key: 'updatedAt',
          header: t('common.updated'),
          sortable: true,
          hidden: true,
          render: (o) => f.relative(o.updatedAt),
        },
      ]}
    />
  );
}
