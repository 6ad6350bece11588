'use client';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Grid,
  Group,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { components } from '@nexo/api-client';
import { CreateRoleInputSchema } from '@nexo/contracts';
import { codeLabel, useI18n, type ProblemLike, type Translate } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import {
  asProblem,
  LoadingBlock,
  notify,
  PageHeader,
  ProblemAlert,
  useApiQuery,
  zodFormErrors,
} from '@nexo/ui';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { api } from '../../../../../lib/api';
import { SUBJECTS as SUBJECTS_BY_CONTEXT } from '@nexo/contracts';

type Rule = components['schemas']['Role']['rules'][number];

/** The resources NEXO's rules speak of: every context's subjects (a rule may name others). */
const SUBJECTS: string[] = ['all', ...Object.keys(SUBJECTS_BY_CONTEXT)];
const ACTIONS = [
  'read',
  'create',
  'update',
  'delete',
  'export',
  'import',
  'convert',
  'merge',
  'manage',
];

/** A code with its label, so a rule reads in the person's language but keeps the code. */
const labelled = (t: Translate, prefix: string, codes: readonly string[]) =>
  codes.map((code) => ({ value: code, label: `${codeLabel(t, prefix, code)} (${code})` }));

interface RuleDraft {
  action: string[];
  subject: string[];
  fields: string[];
  conditions: string;
  inverted: boolean;
}

const toDraft = (r: Rule): RuleDraft => ({
  action: [r.action].flat(),
  subject: [r.subject].flat(),
  fields: r.fields ?? [],
  conditions: r.conditions ? JSON.stringify(r.conditions) : '',
  inverted: r.inverted ?? false,
});

/** A role's rules, editable for the company's own roles; "Explain" answers who may do what. */
export function RoleEditor(props: { roleKey: string | null }) {
  const { t } = useI18n();
  const router = useRouter();
  const canUpdate = useCan(props.roleKey ? 'update' : 'create', 'permissions.role');
  const role = useApiQuery(props.roleKey, () =>
    api.GET('/api/v1/permissions/roles/{key}', { params: { path: { key: props.roleKey! } } }),
  );
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [rules, setRules] = useState<RuleDraft[]>([
    { action: ['read'], subject: [], fields: [], conditions: '', inverted: false },
  ]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ProblemLike | null | undefined>(undefined);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!role.data) return;
    setName(role.data.name);
    setDescription(role.data.description ?? '');
    setRules(role.data.rules.map(toDraft));
  }, [role.data]);

  if (props.roleKey && !role.data)
    return role.problem !== undefined ? <ProblemAlert problem={role.problem} /> : <LoadingBlock />;
  const readOnly = Boolean(role.data?.system) || !canUpdate;

  const save = async () => {
    const parsedRules: Rule[] = [];
    const errs: Record<string, string> = {};
    rules.forEach((r, i) => {
      let conditions: Record<string, unknown> | undefined;
      if (r.conditions.trim()) {
        try {
          conditions = JSON.parse(r.conditions) as Record<string, unknown>;
        } catch {
          errs[`rules.${i}.conditions`] = t('roles.invalidJson');
        }
      }
      parsedRules.push({
        action: r.action.length === 1 ? r.action[0]! : r.action,
        subject: r.subject.length === 1 ? r.subject[0]! : r.subject,
        ...(r.fields.length ? { fields: r.fields } : {}),
        ...(conditions ? { conditions: conditions } : {}),
        ...(r.inverted ? { inverted: true } : {}),
      });
    });
    const input = {
      key: props.roleKey ?? key.trim(),
      name: name.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      rules: parsedRules,
    };
    const parsed = CreateRoleInputSchema.safeParse(input);
    if (!parsed.success || Object.keys(errs).length) {
      return setErrors({
        ...(parsed.success ? {} : (zodFormErrors(parsed.error) as Record<string, string>)),
        ...errs,
      });
    }
    setErrors({});
    setSaving(true);
    const answer = props.roleKey
      ? await api.PATCH('/api/v1/permissions/roles/{key}', {
          params: {
            path: { key: props.roleKey },
            header: { 'If-Match': `"${role.data?.version}"` },
          },
          body: {
            name: input.name,
            description: input.description ?? '',
            rules: parsed.data.rules as never,
          },
        })
      : await api.POST('/api/v1/permissions/roles', { body: parsed.data as never });
    setSaving(false);
    if (!answer.data) return setProblem(asProblem(answer.error));
    setProblem(undefined);
    if (props.roleKey) {
      notify.success(t('roles.saved'));
      role.reload();
    } else {
      notify.success(t('roles.created', { name: answer.data.name }));
      router.push(`/admin/roles/${answer.data.key}`);
    }
  };

  return (
    <>
      <PageHeader
        title={props.roleKey ? (role.data?.name ?? props.roleKey) : t('roles.new')}
        subtitle={
          role.data ? (
            <Badge variant="light" color={role.data.system ? 'gray' : 'nexo'} component="span">
              {role.data.system ? t('roles.system') : t('roles.custom')}
            </Badge>
          ) : undefined
        }
        actions={
          readOnly ? null : (
            <Button onClick={() => void save()} loading={saving}>
              {t('common.save')}
            </Button>
          )
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            {readOnly && role.data?.system ? (
              <Alert color="gray">{t('roles.readOnly')}</Alert>
            ) : null}
            <ProblemAlert problem={problem} />
            <Card>
              <Stack>
                {!props.roleKey ? (
                  <TextInput
                    label={t('roles.key')}
                    description="auditor, ventas-senior…"
                    required
                    value={key}
                    onChange={(e) => setKey(e.currentTarget.value)}
                    error={errors.key}
                  />
                ) : null}
                <TextInput
                  label={t('common.name')}
                  required
                  value={name}
                  readOnly={readOnly}
                  onChange={(e) => setName(e.currentTarget.value)}
                  error={errors.name}
                />
                <Textarea
                  label={t('roles.description')}
                  value={description}
                  readOnly={readOnly}
                  onChange={(e) => setDescription(e.currentTarget.value)}
                  autosize
                />
              </Stack>
            </Card>
            <Group justify="space-between">
              <Title order={2} size="h4">
                {t('roles.rules')}
              </Title>
              {!readOnly ? (
                <Button
                  variant="light"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() =>
                    setRules((r) => [
                      ...r,
                      {
                        action: ['read'],
                        subject: [],
                        fields: [],
                        conditions: '',
                        inverted: false,
                      },
                    ])
                  }
                >
                  {t('roles.addRule')}
                </Button>
              ) : null}
            </Group>
            {rules.map((rule, i) => {
              const update = (patch: Partial<RuleDraft>) =>
                setRules((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
              return (
                <Card key={i} role="group" aria-label={t('roles.ruleN', { n: i + 1 })} withBorder>
                  <Group justify="space-between" mb="xs">
                    <Text fw={600} size="sm">
                      {t('roles.ruleN', { n: i + 1 })}
                    </Text>
                    <Group gap="xs">
                      <Switch
                        label={t('roles.inverted')}
                        color="red"
                        checked={rule.inverted}
                        disabled={readOnly}
                        onChange={(e) => update({ inverted: e.currentTarget.checked })}
                      />
                      {!readOnly ? (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`${t('common.remove')}: ${t('roles.ruleN', { n: i + 1 })}`}
                          onClick={() => setRules((all) => all.filter((_, j) => j !== i))}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      ) : null}
                    </Group>
                  </Group>
                  <Grid gap="sm">
                    <Grid.Col span={{ base: 12, sm: 6 }}>
                      <TagsInput
                        label={t('roles.action')}
                        data={ACTIONS}
                        renderOption={({ option }) =>
                          labelled(t, 'action', [option.value])[0]?.label
                        }
                        value={rule.action}
                        readOnly={readOnly}
                        onChange={(action) => update({ action })}
                        error={errors[`rules.${i}.action`]}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 6 }}>
                      <TagsInput
                        label={t('roles.subject')}
                        data={SUBJECTS}
                        renderOption={({ option }) =>
                          labelled(t, 'resource', [option.value])[0]?.label
                        }
                        value={rule.subject}
                        readOnly={readOnly}
                        onChange={(subject) => update({ subject })}
                        error={errors[`rules.${i}.subject`]}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 6 }}>
                      <TagsInput
                        label={t('roles.fields')}
                        value={rule.fields}
                        readOnly={readOnly}
                        onChange={(fields) => update({ fields })}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 6 }}>
                      <TextInput
                        label={t('roles.conditions')}
                        placeholder='{"owner_id": "$user"}'
                        value={rule.conditions}
                        readOnly={readOnly}
                        onChange={(e) => update({ conditions: e.currentTarget.value })}
                        error={errors[`rules.${i}.conditions`]}
                        styles={{ input: { fontFamily: 'monospace' } }}
                      />
                    </Grid.Col>
                  </Grid>
                </Card>
              );
            })}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <ExplainPanel />
        </Grid.Col>
      </Grid>
    </>
  );
}

function ExplainPanel() {
  const { t } = useI18n();
  const members = useApiQuery('members', () =>
    api.GET('/api/v1/auth/members', { params: { query: { limit: 200 } } }),
  );
  const [membershipId, setMembershipId] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>('read');
  const [subject, setSubject] = useState<string | null>('crm.party');
  const [field, setField] = useState('');
  const [result, setResult] = useState<{
    allowed: boolean;
    decidedBy: { role: string; rule: Rule } | null;
  } | null>(null);
  const [problem, setProblem] = useState<ProblemLike | null | undefined>(undefined);
  return (
    <Card component="section" aria-label={t('roles.explainTitle')}>
      <Title order={2} size="h4" mb={4}>
        {t('roles.explainTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('roles.explainHelp')}
      </Text>
      <Stack gap="sm">
        <Select
          label={t('roles.member')}
          data={(members.data ?? []).map((m) => ({
            value: m.membershipId,
            label: `${m.name} (${m.email})`,
          }))}
          value={membershipId}
          onChange={setMembershipId}
          searchable
        />
        <Select
          label={t('roles.action')}
          data={labelled(t, 'action', ACTIONS)}
          value={action}
          onChange={setAction}
        />
        <Select
          label={t('roles.subject')}
          data={labelled(
            t,
            'resource',
            SUBJECTS.filter((s) => s !== 'all'),
          )}
          value={subject}
          onChange={setSubject}
          searchable
        />
        <TextInput
          label={t('roles.fields')}
          value={field}
          onChange={(e) => setField(e.currentTarget.value)}
        />
        <Button
          variant="light"
          disabled={!membershipId || !action || !subject}
          onClick={async () => {
            const { data, error } = await api.POST('/api/v1/permissions/explain', {
              body: {
                membershipId: membershipId!,
                action: action!,
                subject: subject!,
                ...(field.trim() ? { field: field.trim() } : {}),
              },
            });
            if (!data) {
              setResult(null);
              return setProblem(asProblem(error));
            }
            setProblem(undefined);
            setResult(data);
          }}
        >
          {t('roles.explain')}
        </Button>
        <ProblemAlert problem={problem} />
        {result ? (
          <Alert
            color={result.allowed ? 'teal' : 'red'}
            title={result.allowed ? t('roles.allowed') : t('roles.denied')}
            role="status"
          >
            {result.decidedBy ? (
              <Text size="sm">
                {t('roles.decidedBy', { role: result.decidedBy.role, rule: '' })}
                <Code block mt={4}>
                  {JSON.stringify(result.decidedBy.rule)}
                </Code>
              </Text>
            ) : (
              <Text size="sm">{t('roles.noRule')}</Text>
            )}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
