'use client';
import { Badge, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import type { components } from '@nexo/api-client';
import { CreateLeadInputSchema, LEAD_SOURCES, LEAD_STATUSES } from '@nexo/contracts';
import { codeLabel, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import {
  contractValues,
  DataTable,
  notify,
  PageHeader,
  ProblemAlert,
  useContractForm,
  useSubmit,
} from '@nexo/ui';
import { IconPlus, IconTransform } from '@tabler/icons-react';
import { useState } from 'react';
import { api, listQuery } from '../../../../lib/api';
import { ConvertLeadDialog } from './convert-lead-dialog';

type Lead = components['schemas']['Lead'];
const STATUS_COLORS: Record<string, string> = {
  new: 'nexo',
  contacted: 'cyan',
  qualified: 'teal',
  converted: 'green',
  lost: 'gray',
};

export function LeadList() {
  const { t, f } = useI18n();
  const canCreate = useCan('create', 'crm.lead');
  const canConvert = useCan('convert', 'crm.lead');
  const [creating, setCreating] = useState(false);
  const [converting, setConverting] = useState<Lead | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <>
      <PageHeader
        title={t('lead.title')}
        actions={
          canCreate ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setCreating(true)}
            >
              {t('lead.new')}
            </Button>
          ) : null
        }
      />
      {creating ? (
        <LeadForm
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            setReloadKey((k) => k + 1);
          }}
        />
      ) : null}
      {converting ? (
        <ConvertLeadDialog
          lead={converting}
          onClose={() => setConverting(null)}
          onConverted={() => setReloadKey((k) => k + 1)}
        />
      ) : null}
      <DataTable
        load={(query) => api.GET('/api/v1/crm/leads', { params: { query: listQuery(query) } })}
        id="leads"
        label={t('lead.title')}
        rowKey={(l) => l.id}
        defaultSort="-updatedAt"
        reloadKey={reloadKey}
        filters={[
          {
            key: 'status',
            label: t('common.status'),
            options: LEAD_STATUSES.map((s) => ({ value: s, label: t(`lead.status.${s}`) })),
          },
          {
            key: 'source',
            label: t('lead.source'),
            options: LEAD_SOURCES.map((s) => ({ value: s, label: t(`lead.source.${s}`) })),
          },
        ]}
        columns={[
          {
            key: 'name',
            header: t('common.name'),
            sortable: true,
            render: (l) => <strong>{l.name}</strong>,
          },
          { key: 'companyName', header: t('lead.companyName'), render: (l) => l.companyName ?? '' },
          { key: 'email', header: t('common.email'), render: (l) => l.email ?? '' },
          {
            key: 'source',
            header: t('lead.source'),
            render: (l) => codeLabel(t, 'lead.source', l.source),
          },
          {
            key: 'status',
            header: t('common.status'),
            render: (l) => (
              <Badge variant="light" color={STATUS_COLORS[l.status ?? 'new']}>
                {l.status ? t(`lead.status.${l.status}`) : ''}
              </Badge>
            ),
          },
          {
            key: 'updatedAt',
            header: t('common.updated'),
            sortable: true,
            hidden: true,
            render: (l) => f.relative(l.updatedAt),
          },
          {
            key: 'actions',
            header: t('common.actions'),
            render: (l) =>
              canConvert && l.status !== 'converted' && l.status !== 'lost' ? (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconTransform size={14} aria-hidden />}
                  aria-label={`${t('lead.convert')}: ${l.name}`}
                  onClick={() => setConverting(l)}
                >
                  {t('lead.convert')}
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}

function LeadForm(props: { onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n();
  const form = useContractForm(CreateLeadInputSchema, {
    name: '',
    companyName: '',
    email: '',
    phone: '',
    source: 'other',
  });
  const submit = useSubmit(form);
  return (
    <Modal opened onClose={props.onClose} title={t('lead.new')}>
      <form
        onSubmit={form.onSubmit(
          submit.handler(
            (values) =>
              api.POST('/api/v1/crm/leads', {
                body: contractValues(CreateLeadInputSchema, values),
              }),
            () => {
              notify.success(t('common.saved'));
              props.onCreated();
            },
          ),
        )}
      >
        <Stack>
          <ProblemAlert problem={submit.problem} />
          <TextInput
            label={t('common.name')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput label={t('lead.companyName')} {...form.getInputProps('companyName')} />
          <TextInput label={t('common.email')} type="email" {...form.getInputProps('email')} />
          <TextInput label={t('common.phone')} type="tel" {...form.getInputProps('phone')} />
          <Select
            label={t('lead.source')}
            data={LEAD_SOURCES.map((s) => ({ value: s, label: t(`lead.source.${s}`) }))}
            allowDeselect={false}
            {...form.getInputProps('source')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{t('common.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
