'use client';
import { Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { CreateActivityInputSchema, ACTIVITY_KINDS } from '@nexo/contracts';
import { useI18n } from '@nexo/i18n';
import { contractValues, ProblemAlert, useContractForm, useSubmit } from '@nexo/ui';
import { api } from '../lib/api';

/** Log a call, meeting, note or email, or create a task, on a party, lead or opportunity. */
export function ActivityForm(props: {
  link: { partyId?: string; opportunityId?: string; leadId?: string };
  onCreated: () => void;
}) {
  const { t } = useI18n();
  const form = useContractForm(CreateActivityInputSchema, {
    kind: 'note',
    subject: '',
    body: '',
    dueAt: '',
    ...props.link,
  });
  const submit = useSubmit(form);
  return (
    <form
      onSubmit={form.onSubmit(
        submit.handler(
          (values) => {
            const body = contractValues(CreateActivityInputSchema, {
              ...values,
              dueAt:
                typeof values.dueAt === 'string' && values.dueAt
                  ? new Date(values.dueAt).toISOString()
                  : '',
            });
            return api.POST('/api/v1/crm/activities', { body });
          },
          () => {
            form.reset();
            props.onCreated();
          },
        ),
      )}
    >
      <Stack gap="sm">
        <ProblemAlert problem={submit.problem} />
        <Group grow align="flex-start">
          <Select
            label={t('activity.kind')}
            data={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activity.kind.${k}`) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <TextInput
            label={t('activity.dueAt')}
            type="datetime-local"
            {...form.getInputProps('dueAt')}
          />
        </Group>
        <TextInput label={t('activity.subject')} required {...form.getInputProps('subject')} />
        <Textarea label={t('activity.body')} autosize minRows={2} {...form.getInputProps('body')} />
        <Group justify="flex-end">
          <Button type="submit" loading={submit.pending}>
            {t('activity.new')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
