'use client';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  CreateCustomFieldInputSchema,
  CUSTOM_FIELD_TYPES,
  CUSTOMIZABLE_RESOURCES,
} from '@nexo/contracts';
import { codeLabel, problemMessage, useI18n } from '@nexo/i18n';
import {
  asProblem,
  contractValues,
  EmptyBlock,
  LoadingBlock,
  notify,
  PageHeader,
  ProblemAlert,
  useApiQuery,
  useContractForm,
  useSubmit,
} from '@nexo/ui';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../../../lib/api';

export function CustomFields() {
  const { t } = useI18n();
  const fields = useApiQuery('custom-fields', () => api.GET('/api/v1/custom-fields'));
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('customFields.title')}
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {t('customFields.new')}
          </Button>
        }
      />
      <ProblemAlert problem={fields.problem} onRetry={fields.reload} />
      {!fields.data ? <LoadingBlock /> : null}
      {fields.data?.length === 0 ? <EmptyBlock /> : null}
      {fields.data?.length ? (
        <Card p={0}>
          <Table aria-label={t('customFields.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customFields.resource')}</Table.Th>
                <Table.Th>{t('customFields.label')}</Table.Th>
                <Table.Th>{t('customFields.key')}</Table.Th>
                <Table.Th>{t('customFields.type')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.data.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{codeLabel(t, 'resource', d.resource)}</Table.Td>
                  <Table.Td fw={600}>
                    {d.label}{' '}
                    {d.required ? <Badge size="xs">{t('customFields.required')}</Badge> : null}
                  </Table.Td>
                  <Table.Td>
                    <code>{d.key}</code>
                  </Table.Td>
                  <Table.Td>{codeLabel(t, 'customField.type', d.type)}</Table.Td>
                  <Table.Td>
                    {d.archived ? <Badge color="gray">{t('customFields.archived')}</Badge> : null}
                  </Table.Td>
                  <Table.Td>
                    {!d.archived ? (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={async () => {
                          const { error } = await api.PATCH('/api/v1/custom-fields/{id}', {
                            params: {
                              path: { id: d.id },
                              header: { 'If-Match': `"${d.version}"` },
                            },
                            body: { archived: true },
                          });
                          if (error) notify.error(problemMessage(asProblem(error), t));
                          fields.reload();
                        }}
                      >
                        {t('customFields.archive')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ) : null}
      {creating ? (
        <FieldForm
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            fields.reload();
          }}
        />
      ) : null}
    </>
  );
}

function FieldForm(props: { onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState('');
  const form = useContractForm(CreateCustomFieldInputSchema, {
    resource: 'crm.party',
    key: '',
    label: '',
    type: 'text',
    required: false,
    options: {},
  });
  const submit = useSubmit(form);
  return (
    <Modal opened onClose={props.onClose} title={t('customFields.new')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const lines = values
            .split('\n')
            .map((v) => v.trim())
            .filter(Boolean);
          form.setFieldValue('options', form.values.type === 'select' ? { values: lines } : {});
          void form.onSubmit(
            submit.handler(
              (v) =>
                api.POST('/api/v1/custom-fields', {
                  body: contractValues(CreateCustomFieldInputSchema, {
                    ...v,
                    options: v.type === 'select' ? { values: lines } : {},
                  }),
                }),
              () => {
                notify.success(t('customFields.created'));
                props.onCreated();
              },
            ),
          )();
        }}
      >
        <Stack>
          <ProblemAlert problem={submit.problem} />
          <Select
            label={t('customFields.resource')}
            data={CUSTOMIZABLE_RESOURCES.map((r) => ({
              value: r,
              label: codeLabel(t, 'resource', r),
            }))}
            allowDeselect={false}
            {...form.getInputProps('resource')}
          />
          <TextInput label={t('customFields.label')} required {...form.getInputProps('label')} />
          <TextInput label={t('customFields.key')} required {...form.getInputProps('key')} />
          <Select
            label={t('customFields.type')}
            data={CUSTOM_FIELD_TYPES.map((x) => ({
              value: x,
              label: codeLabel(t, 'customField.type', x),
            }))}
            allowDeselect={false}
            {...form.getInputProps('type')}
          />
          {form.values.type === 'select' ? (
            <Textarea
              label={t('customFields.values')}
              value={values}
              onChange={(e) => setValues(e.currentTarget.value)}
              autosize
              minRows={3}
            />
          ) : null}
          <Checkbox
            label={t('customFields.required')}
            {...form.getInputProps('required', { type: 'checkbox' })}
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
