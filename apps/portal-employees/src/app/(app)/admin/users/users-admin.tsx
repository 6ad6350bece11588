'use client';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  Stack,
  Table,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import type { components } from '@nexo/api-client';
import { problemMessage, useI18n, type ProblemLike } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import {
  asProblem,
  EmptyBlock,
  LoadingBlock,
  notify,
  PageHeader,
  ProblemAlert,
  useApiQuery,
} from '@nexo/ui';
import { IconMailPlus, IconShieldCog, IconTrash, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../../../lib/api';

type Member = components['schemas']['Member'];

export function UsersAdmin() {
  const { t, f } = useI18n();
  const members = useApiQuery('members', () =>
    api.GET('/api/v1/auth/members', { params: { query: { limit: 200 } } }),
  );
  const invitations = useApiQuery('invitations', () => api.GET('/api/v1/auth/invitations'));
  const roles = useApiQuery('roles', () => api.GET('/api/v1/permissions/roles'));
  const canAssign = useCan('update', 'auth.member');
  const canInvite = useCan('create', 'auth.invitation');
  const [editing, setEditing] = useState<Member | null>(null);
  const [inviting, setInviting] = useState(false);
  const roleName = (key: string) => roles.data?.find((r) => r.key === key)?.name ?? key;
  const roleOptions = (roles.data ?? [])
    .filter((r) => !r.key.endsWith('-portal') && !r.key.startsWith('professional-'))
    .map((r) => ({ value: r.key, label: r.name }));

  return (
    <>
      <PageHeader
        title={t('admin.users')}
        actions={
          canInvite ? (
            <Button
              leftSection={<IconMailPlus size={16} aria-hidden />}
              onClick={() => setInviting(true)}
            >
              {t('admin.invite')}
            </Button>
          ) : null
        }
      />
      <ProblemAlert problem={members.problem} onRetry={members.reload} />
      <Card p={0}>
        <Title order={2} size="h5" p="md">
          {t('admin.members')}
        </Title>
        {!members.data ? <LoadingBlock /> : null}
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('admin.members')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('common.name')}</Table.Th>
                <Table.Th>{t('common.email')}</Table.Th>
                <Table.Th>{t('common.roles')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data?.map((m) => (
                <Table.Tr key={m.membershipId}>
                  <Table.Td fw={600}>{m.name}</Table.Td>
                  <Table.Td>{m.email}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {m.roles.map((r) => (
                        <Badge key={r} variant="light">
                          {roleName(r)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={m.status === 'active' ? 'teal' : 'gray'} variant="dot">
                      {m.status === 'active'
                        ? t('admin.memberStatus.active')
                        : t('admin.memberStatus.disabled')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {canAssign ? (
                        <Tooltip label={t('admin.editRoles', { name: m.name })}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('admin.editRoles', { name: m.name })}
                            onClick={() => setEditing(m)}
                          >
                            <IconShieldCog size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      ) : null}
                      {canAssign && m.status === 'active' ? (
                        <Tooltip label={t('admin.disable')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`${t('admin.disable')}: ${m.name}`}
                            onClick={async () => {
                              const { error } = await api.POST(
                                '/api/v1/auth/members/{id}/disable',
                                {
                                  params: { path: { id: m.membershipId } },
                                },
                              );
                              if (error) notify.error(problemMessage(asProblem(error), t));
                              members.reload();
                            }}
                          >
                            <IconUserOff size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>

      <Card p={0} mt="lg">
        <Title order={2} size="h5" p="md">
          {t('admin.invitations')}
        </Title>
        {invitations.data?.length === 0 ? <EmptyBlock /> : null}
        {invitations.data?.length ? (
          <Table aria-label={t('admin.invitations')}>
            <Table.Tbody>
              {invitations.data.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.email}</Table.Td>
                  <Table.Td>{i.roles.map(roleName).join(', ')}</Table.Td>
                  <Table.Td>
                    {t('admin.expires')} {f.relative(i.expiresAt)}
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`${t('admin.revoke')}: ${i.email}`}
                      onClick={async () => {
                        invitations.setData((list) => list?.filter((x) => x.id !== i.id));
                        const { error } = await api.DELETE('/api/v1/auth/invitations/{id}', {
                          params: { path: { id: i.id } },
                        });
                        if (error) notify.error(problemMessage(asProblem(error), t));
                        invitations.reload();
                      }}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Card>

      {editing ? (
        <RolesDialog
          member={editing}
          options={roleOptions}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            members.reload();
          }}
        />
      ) : null}
      {inviting ? (
        <InviteDialog
          options={roleOptions}
          onClose={() => setInviting(false)}
          onSent={() => {
            setInviting(false);
            invitations.reload();
          }}
        />
      ) : null}
    </>
  );
}

function RolesDialog(props: {
  member: Member;
  options: { value: string; label: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [roles, setRoles] = useState<string[]>(props.member.roles);
  const [problem, setProblem] = useState<ProblemLike | null | undefined>(undefined);
  return (
    <Modal opened onClose={props.onClose} title={t('admin.editRoles', { name: props.member.name })}>
      <Stack>
        <ProblemAlert problem={problem} />
        <MultiSelect
          label={t('common.roles')}
          data={props.options}
          value={roles}
          onChange={setRoles}
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={async () => {
              const { error } = await api.PUT('/api/v1/permissions/memberships/{id}/roles', {
                params: { path: { id: props.member.membershipId } },
                body: { roles },
              });
              if (error) return setProblem(asProblem(error));
              notify.success(t('admin.rolesSaved'));
              props.onSaved();
            }}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function InviteDialog(props: {
  options: { value: string; label: string }[];
  onClose: () => void;
  onSent: () => void;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<string[]>(['sales']);
  const [problem, setProblem] = useState<ProblemLike | null | undefined>(undefined);
  return (
    <Modal opened onClose={props.onClose} title={t('admin.inviteTitle')}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const { error } = await api.POST('/api/v1/auth/invitations', {
            body: { email: email.trim(), actor: 'employee', roles },
          });
          if (error) return setProblem(asProblem(error));
          notify.success(t('admin.invited', { email }));
          props.onSent();
        }}
      >
        <Stack>
          <ProblemAlert problem={problem} />
          <TextInput
            label={t('common.email')}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <MultiSelect
            label={t('common.roles')}
            data={props.options}
            value={roles}
            onChange={setRoles}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{t('admin.invite')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
