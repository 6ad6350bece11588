'use client';
import { Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { CreateActivityInputSchema, ACTIVITY_KINDS } from '@nexo/contracts';
import { useI18n } from '@nexo/i18n';
import { contractValues, ProblemAlert, useContractForm, useFormProblem } from '@nexo/ui';
import { useState } from 'react';
import { api } from '../lib/api';

/** Log a call, meeting, note or email, or create a task, on a party, lead or opportunity. */
export function ActivityForm(props: {
  link: { partyId?: string; opportunityId?: string; leadId?: string };
  onCreated: () => void;
}) {
  const { t } = useI18n();
  const problem = useFormProblem();
  const [pending, setPending] = useState(false);
  const form = useContractForm(CreateActivityInputSchema, {
    kind: 'note',
    subject: '',
    body: '',
    dueAt: '',
    ...props.link,
  });
  return (
    <form
      onSubmit={form.onSubmit(async (values) => {
        setPending(true);
        const body = contractValues(CreateActivityInputSchema, {
          ...values,
          dueAt:
            typeof values.dueAt === 'string' && values.dueAt
              ? new Date(values.dueAt).toISOString()
              : '',
        });
        const { error } = await api.POST('/api/v1/crm/activities', { body });
        setPending(false);
        if (error) {
          problem.show(error, form);
          return;
        }
        problem.clear();
        form.reset();
        props.onCreated();
      })}
    >
      <Stack gap="sm">
        <ProblemAlert problem={problem.current} />
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
          <Button type="submit" loading={pending}>
            {t('activity.new')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
