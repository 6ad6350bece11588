'use client';
import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { components } from '@nexo/api-client';
import { ConvertLeadInputSchema } from '@nexo/contracts';
import { useI18n, type ProblemLike } from '@nexo/i18n';
import { asProblem, notify, ProblemAlert, stripBlanks, zodFormErrors } from '@nexo/ui';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from '../../../../lib/api';
import { useCompanyCurrency } from '../../../../lib/company';
import { PartyPicker } from '../../../../components/party-picker';

type Lead = components['schemas']['Lead'];

/** Lead → customer (new or existing) + opportunity, in one all-or-nothing request. */
export function ConvertLeadDialog(props: {
  lead: Lead;
  onClose: () => void;
  onConverted: () => void;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const lead = props.lead;
  const [target, setTarget] = useState<'new' | 'existing'>('new');
  const [partyName, setPartyName] = useState(lead.companyName ?? lead.name);
  const [partyId, setPartyId] = useState<string | null>(null);
  const [title, setTitle] = useState(`${lead.companyName ?? lead.name}`);
  const [amount, setAmount] = useState<string>('');
  // In the company's currency; asked for only when the person may not read which that is.
  const companyCurrency = useCompanyCurrency();
  const [currency, setCurrency] = useState(companyCurrency ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ProblemLike | null | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<{ partyId: string } | null>(null);

  const submit = async () => {
    const input = stripBlanks({
      ...(target === 'new'
        ? {
            party: {
              kind: lead.companyName ? 'organization' : 'person',
              name: partyName,
              isCustomer: true,
              ...(lead.email ? { email: lead.email } : {}),
              ...(lead.phone ? { phone: lead.phone } : {}),
              contacts: [
                {
                  name: lead.name,
                  email: lead.email ?? '',
                  phone: lead.phone ?? '',
                  isPrimary: true,
                },
              ],
            },
          }
        : { partyId: partyId ?? '' }),
      opportunity: { title, amount: amount || '0', currency },
    });
    const parsed = ConvertLeadInputSchema.safeParse(input);
    if (!parsed.success) return setErrors(zodFormErrors(parsed.error) as Record<string, string>);
    setErrors({});
    setPending(true);
    const { data, error } = await api.POST('/api/v1/crm/leads/{id}/convert', {
      params: { path: { id: lead.id } },
      body: parsed.data,
    });
    setPending(false);
    if (!data) return setProblem(asProblem(error));
    notify.success(t('lead.convertDone'));
    setDone({ partyId: data.party.id });
    props.onConverted();
  };

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('lead.convertTitle', { name: lead.name })}
      size="lg"
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t('lead.convertHelp')}
        </Text>
        <ProblemAlert problem={problem} />
        {done ? (
          <Alert color="teal" role="status" title={t('lead.convertDone')}>
            <Button mt="sm" size="xs" onClick={() => router.push(`/crm/parties/${done.partyId}`)}>
              {t('lead.openParty')}
            </Button>
          </Alert>
        ) : (
          <>
            <SegmentedControl
              aria-label={t('lead.convertInto')}
              value={target}
              onChange={(v) => setTarget(v)}
              data={[
                { value: 'new', label: t('lead.convertNewParty') },
                { value: 'existing', label: t('lead.convertExistingParty') },
              ]}
            />
            {target === 'new' ? (
              <TextInput
                label={t('lead.convertInto')}
                value={partyName}
                onChange={(e) => setPartyName(e.currentTarget.value)}
                error={errors['party.name']}
                required
              />
            ) : (
              <PartyPicker
                label={t('lead.convertInto')}
                value={partyId}
                onChange={setPartyId}
                error={errors.partyId}
                required
              />
            )}
            <TextInput
              label={t('opportunity.name')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors['opportunity.title']}
              required
            />
            <NumberInput
              label={t('opportunity.amount')}
              min={0}
              decimalScale={2}
              value={amount}
              onChange={(v) => setAmount(v === '' ? '' : String(v))}
              error={errors['opportunity.amount']}
            />
            {companyCurrency ? null : (
              <TextInput
                label={t('opportunity.currency')}
                maxLength={3}
                value={currency}
                onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
                error={errors['opportunity.currency']}
                required
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={props.onClose}>
                {t('common.cancel')}
              </Button>
              <Button loading={pending} onClick={() => void submit()}>
                {t('lead.convert')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
