'use client';
import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import type { components } from '@nexo/api-client';
import { CreateOpportunityInputSchema } from '@nexo/contracts';
import { useI18n } from '@nexo/i18n';
import { contractValues, notify, ProblemAlert, useContractForm, useSubmit } from '@nexo/ui';
import { api } from '../../../../lib/api';
import { useCompanyCurrency } from '../../../../lib/company';
import { PartyPicker } from '../../../../components/party-picker';

export function OpportunityForm(props: {
  pipelineId: string;
  stages: components['schemas']['Stage'][];
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useI18n();
  const companyCurrency = useCompanyCurrency();
  const open = props.stages.filter((s) => !s.isWon && !s.isLost);
  const form = useContractForm(CreateOpportunityInputSchema, {
    title: '',
    pipelineId: props.pipelineId,
    stageId: open[0]?.id ?? '',
    partyId: '',
    amount: '',
    currency: companyCurrency ?? '',
    expectedCloseDate: '',
  });
  const submit = useSubmit(form);
  return (
    <Modal opened onClose={props.onClose} title={t('opportunity.new')} size="lg">
      <form
        onSubmit={form.onSubmit(
          submit.handler(
            (values) =>
              api.POST('/api/v1/crm/opportunities', {
                body: contractValues(CreateOpportunityInputSchema, values),
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
            label={t('opportunity.name')}
            required
            data-autofocus
            {...form.getInputProps('title')}
          />
          <PartyPicker
            label={t('opportunity.party')}
            value={(form.values.partyId as string) || null}
            onChange={(id) => form.setFieldValue('partyId', id ?? '')}
            error={form.errors.partyId as string | undefined}
          />
          <Select
            label={t('opportunity.stage')}
            data={open.map((s) => ({ value: s.id, label: s.name }))}
            allowDeselect={false}
            {...form.getInputProps('stageId')}
          />
          <Group grow align="flex-start">
            <NumberInput
              label={t('opportunity.amount')}
              min={0}
              decimalScale={2}
              thousandSeparator="."
              decimalSeparator=","
              value={form.values.amount as string}
              onChange={(v) => form.setFieldValue('amount', v === '' ? '' : String(v))}
              error={form.errors.amount}
            />
            <TextInput
              label={t('opportunity.currency')}
              maxLength={3}
              {...form.getInputProps('currency')}
            />
            <TextInput
              label={t('opportunity.expectedClose')}
              type="date"
              {...form.getInputProps('expectedCloseDate')}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submit.pending}>
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
