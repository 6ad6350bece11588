'use client';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { CreateLocationInputSchema, UpdateLocationInputSchema } from '@nexo/contracts/inventory';
import { useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import {
  contractValues,
  EmptyBlock,
  Field,
  LoadingBlock,
  notify,
  PageHeader,
  ProblemAlert,
  useApiQuery,
  useContractForm,
  useSubmit,
} from '@nexo/ui';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from '../../../../../lib/api';
import { ConfirmDialog } from '../../../../../components/inventory/confirm-dialog';
import { useLocations, type Location } from '../../../../../components/inventory/stock-lookups';
import { WarehouseDialog } from '../warehouse-list';

/** Locations in tree order: each one after its parent, with its depth. */
function tree(locations: Location[]): { location: Location; depth: number }[] {
  const children = new Map<string | null, Location[]>();
  for (const l of locations) {
    const parent = locations.some((p) => p.id === l.parentId) ? (l.parentId ?? null) : null;
    children.set(parent, [...(children.get(parent) ?? []), l]);
  }
  const out: { location: Location; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const l of (children.get(parent) ?? []).sort((a, b) =>
      (a.path ?? '').localeCompare(b.path ?? ''),
    )) {
      out.push({ location: l, depth });
      walk(l.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** A warehouse: its data, its location tree (add, rename, move, delete), links to its stock. */
export function WarehouseDetail(props: { id: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const canEdit = useCan('update', 'inventory.warehouse');
  const canDelete = useCan('delete', 'inventory.warehouse');
  const canCreate = useCan('create', 'inventory.warehouse');
  const warehouse = useApiQuery(`inventory:warehouse:${props.id}`, () =>
    api.GET('/api/v1/inventory/warehouses/{id}', { params: { path: { id: props.id } } }),
  );
  const locations = useLocations(props.id);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [locationDialog, setLocationDialog] = useState<{
    location: Location | null;
    parentId: string | null;
  } | null>(null);
  const [deletingLocation, setDeletingLocation] = useState<Location | null>(null);
  const w = warehouse.data;
  if (!w)
    return warehouse.problem !== undefined ? (
      <ProblemAlert problem={warehouse.problem} />
    ) : (
      <LoadingBlock />
    );
  const rows = tree(locations.internal);
  return (
    <>
      <PageHeader
        title={w.name}
        subtitle={<code>{w.code}</code>}
        actions={
          <>
            <Button
              variant="default"
              component={Link}
              href={`/inventory/stock?warehouseId=${w.id}`}
            >
              {t('inventory.stockOnHand')}
            </Button>
            {canEdit ? (
              <Button variant="default" onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            ) : null}
            {canDelete ? (
              <Button variant="light" color="red" onClick={() => setDeleting(true)}>
                {t('common.delete')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card mb="lg">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Field label={t('inventory.warehouse.code')} value={<code>{w.code}</code>} />
          <Field label={t('inventory.warehouse.address')} value={w.address} />
          <Field
            label={t('inventory.warehouse.allowNegative')}
            value={t(w.allowNegative ? 'common.yes' : 'common.no')}
          />
          <Field
            label={t('common.status')}
            value={
              <Badge variant="light" color={w.active ? 'teal' : 'gray'}>
                {t(w.active ? 'inventory.active' : 'inventory.inactive')}
              </Badge>
            }
          />
        </SimpleGrid>
      </Card>
      <Card>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('inventory.locations')}
          </Title>
          {canCreate ? (
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setLocationDialog({ location: null, parentId: null })}
            >
              {t('inventory.location.new')}
            </Button>
          ) : null}
        </Group>
        <ProblemAlert problem={locations.problem} onRetry={locations.reload} />
        {rows.length === 0 && !locations.problem ? <EmptyBlock /> : null}
        {rows.length ? (
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label={t('inventory.locations')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('inventory.location.path')}</Table.Th>
                  <Table.Th>{t('common.name')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map(({ location: l, depth }) => {
                  const root = !l.parentId;
                  return (
                    <Table.Tr key={l.id}>
                      <Table.Td style={{ paddingLeft: `calc(${depth} * 1.5rem + 0.5rem)` }}>
                        <Anchor component={Link} href={`/inventory/stock?locationId=${l.id}`}>
                          <code>{l.path}</code>
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{l.name}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={l.active ? 'teal' : 'gray'}>
                          {t(l.active ? 'inventory.active' : 'inventory.inactive')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          {canCreate ? (
                            <ActionIcon
                              variant="subtle"
                              aria-label={`${t('inventory.location.addUnder')}: ${l.path}`}
                              onClick={() => setLocationDialog({ location: null, parentId: l.id })}
                            >
                              <IconPlus size={16} aria-hidden />
                            </ActionIcon>
                          ) : null}
                          {canEdit && !root ? (
                            <ActionIcon
                              variant="subtle"
                              aria-label={`${t('common.edit')}: ${l.path}`}
                              onClick={() => setLocationDialog({ location: l, parentId: null })}
                            >
                              <IconPencil size={16} aria-hidden />
                            </ActionIcon>
                          ) : null}
                          {canDelete && !root ? (
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={`${t('common.delete')}: ${l.path}`}
                              onClick={() => setDeletingLocation(l)}
                            >
                              <IconTrash size={16} aria-hidden />
                            </ActionIcon>
                          ) : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Card>
      {editing ? (
        <WarehouseDialog
          warehouse={w}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            warehouse.reload();
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('common.delete')}
          message={t('inventory.warehouse.deleteConfirm', { name: w.name ?? '' })}
          confirm={t('common.delete')}
          color="red"
          run={() =>
            api.DELETE('/api/v1/inventory/warehouses/{id}', {
              params: { path: { id: w.id }, header: { 'If-Match': `"${w.version}"` } },
            })
          }
          onClose={() => setDeleting(false)}
          onDone={() => {
            notify.success(t('inventory.deleted'));
            router.push('/inventory/warehouses');
          }}
        />
      ) : null}
      {locationDialog ? (
        <LocationDialog
          warehouseId={w.id}
          location={locationDialog.location}
          parentId={locationDialog.parentId}
          options={locations.options}
          onClose={() => setLocationDialog(null)}
          onSaved={() => {
            setLocationDialog(null);
            locations.reload();
          }}
        />
      ) : null}
      {deletingLocation ? (
        <ConfirmDialog
          title={t('common.delete')}
          message={t('inventory.location.deleteConfirm', { path: deletingLocation.path ?? '' })}
          confirm={t('common.delete')}
          color="red"
          run={() =>
            api.DELETE('/api/v1/inventory/locations/{id}', {
              params: {
                path: { id: deletingLocation.id },
                header: { 'If-Match': `"${deletingLocation.version}"` },
              },
            })
          }
          onClose={() => setDeletingLocation(null)}
          onDone={() => {
            setDeletingLocation(null);
            notify.success(t('inventory.deleted'));
            locations.reload();
          }}
        />
      ) : null}
    </>
  );
}

/** A new location under a parent (the warehouse's root when none), or a change to one. */
function LocationDialog(props: {
  warehouseId: string;
  location: Location | null;
  parentId: string | null;
  options: { value: string; label: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const l = props.location;
  const form = useContractForm(l ? UpdateLocationInputSchema : CreateLocationInputSchema, {
    ...(l ? {} : { warehouseId: props.warehouseId }),
    parentId: l?.parentId ?? props.parentId ?? '',
    code: l?.code ?? '',
    name: l?.name ?? '',
    active: l?.active ?? true,
  });
  const submit = useSubmit(form);
  const parents = props.options.filter((o) => o.value !== l?.id);
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={l ? `${t('common.edit')}: ${l.path}` : t('inventory.location.new')}
    >
      <form
        noValidate
        onSubmit={form.onSubmit(
          submit.handler(
            (values) =>
              l
                ? api.PATCH('/api/v1/inventory/locations/{id}', {
                    params: { path: { id: l.id }, header: { 'If-Match': `"${l.version}"` } },
                    body: contractValues(UpdateLocationInputSchema, values),
                  })
                : api.POST('/api/v1/inventory/locations', {
                    body: contractValues(CreateLocationInputSchema, values),
                  }),
            () => {
              notify.success(t('common.saved'));
              props.onSaved();
            },
          ),
        )}
      >
        <Stack>
          <ProblemAlert problem={submit.problem} />
          <Select
            label={t('inventory.location.parent')}
            data={parents}
            clearable
            searchable
            {...form.getInputProps('parentId')}
            onChange={(v: string | null) => form.setFieldValue('parentId', v ?? '')}
          />
          <TextInput
            label={t('inventory.warehouse.code')}
            description={t('inventory.codeHelp')}
            required
            {...form.getInputProps('code')}
          />
          <TextInput label={t('common.name')} required {...form.getInputProps('name')} />
          <Switch
            label={t('inventory.active')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          {l ? (
            <Text size="xs" c="dimmed">
              {t('inventory.location.renameHelp')}
            </Text>
          ) : null}
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
