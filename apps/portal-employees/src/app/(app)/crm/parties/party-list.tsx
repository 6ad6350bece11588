'use client';
import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import { DataTable, PageHeader } from '@nexo/ui';
import { IconPlus, IconUpload } from '@tabler/icons-react';
import Link from 'next/link';
import { useState } from 'react';
import { api, listQuery } from '../../../../lib/api';
import { useMoney } from '../../../../lib/company';
import { ImportDialog } from './import-dialog';
import { PartyForm } from './party-form';

export function PartyList() {
  const { t, f } = useI18n();
  const money = useMoney();
  const canCreate = useCan('create', 'crm.party');
  const canExport = useCan('export', 'crm.party');
  const canImport = useCan('import', 'crm.party');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <>
      <PageHeader
        title={t('party.title')}
        actions={
          <>
            {canImport ? (
              <Button
                variant="default"
                leftSection={<IconUpload size={16} aria-hidden />}
                onClick={() => setImporting(true)}
              >
                {t('party.import')}
              </Button>
            ) : null}
            {canCreate ? (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setCreating(true)}
              >
                {t('party.new')}
              </Button>
            ) : null}
          </>
        }
      />
      {creating ? <PartyForm onClose={() => setCreating(false)} /> : null}
      {importing ? (
        <ImportDialog
          onClose={() => setImporting(false)}
          onDone={() => setReloadKey((k) => k + 1)}
        />
      ) : null}
      <DataTable
        load={(query) => api.GET('/api/v1/crm/parties', { params: { query: listQuery(query) } })}
        id="parties"
        label={t('party.title')}
        rowKey={(p) => p.id}
        defaultSort="name"
        reloadKey={reloadKey}
        {...(canExport
          ? {
              exportHref: (query: Record<string, string | undefined>) =>
                `/api/v1/crm/parties/export.csv?${new URLSearchParams(
                  Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])),
                )}`,
            }
          : {})}
        filters={[
          {
            key: 'kind',
            label: t('common.kind'),
            options: [
              { value: 'organization', label: t('party.kind.organization') },
              { value: 'person', label: t('party.kind.person') },
            ],
          },
          {
            key: 'isCustomer',
            label: t('party.isCustomer'),
            options: [
              { value: 'true', label: t('common.yes') },
              { value: 'false', label: t('common.no') },
            ],
          },
          {
            key: 'isSupplier',
            label: t('party.isSupplier'),
            options: [
              { value: 'true', label: t('common.yes') },
              { value: 'false', label: t('common.no') },
            ],
          },
        ]}
        columns={[
          {
            key: 'name',
            header: t('common.name'),
            sortable: true,
            render: (p) => (
              <Anchor component={Link} href={`/crm/parties/${p.id}`} fw={600}>
                {p.name}
              </Anchor>
            ),
          },
          {
            key: 'roles',
            header: t('party.roles'),
            render: (p) => (
              <Group gap={4}>
                {p.isCustomer ? <Badge variant="light">{t('party.isCustomer')}</Badge> : null}
                {p.isSupplier ? (
                  <Badge variant="light" color="grape">
                    {t('party.isSupplier')}
                  </Badge>
                ) : null}
              </Group>
            ),
          },
          { key: 'taxId', header: t('party.taxId'), render: (p) => p.taxId ?? '' },
          { key: 'email', header: t('common.email'), render: (p) => p.email ?? '' },
          { key: 'phone', header: t('common.phone'), hidden: true, render: (p) => p.phone ?? '' },
          {
            key: 'tags',
            header: t('party.tags'),
            hidden: true,
            render: (p) => (
              <Text size="sm" c="dimmed">
                {(p.tags ?? []).join(', ')}
              </Text>
            ),
          },
          {
            key: 'creditLimit',
            header: t('party.creditLimit'),
            numeric: true,
            hidden: true,
            render: (p) => money(p.creditLimit, p.creditLimitCurrency),
          },
          {
            key: 'updatedAt',
            header: t('common.updated'),
            sortable: true,
            render: (p) => f.relative(p.updatedAt),
          },
        ]}
      />
    </>
  );
}
