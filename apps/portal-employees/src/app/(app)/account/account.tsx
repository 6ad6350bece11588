'use client';
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Image,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { problemMessage, useI18n, type ProblemLike } from '@nexo/i18n';
import { useSession } from '@nexo/session';
import { asProblem, LoadingBlock, notify, PageHeader, ProblemAlert, useApiQuery } from '@nexo/ui';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from '../../../lib/api';

/** The user menu's "sessions" and "security": active sessions and two-step verification. */
export function Account() {
  const { t, f } = useI18n();
  const { session } = useSession();
  const router = useRouter();
  const sessions = useApiQuery('sessions', () => api.GET('/api/v1/auth/sessions'));
  const [enrolment, setEnrolment] = useState<{ qrCode: string; secret: string } | null>(null);
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<ProblemLike | null | undefined>(undefined);

  return (
    <>
      <PageHeader title={session.user.name} subtitle={session.user.email} />
      {session.mfaEnrolmentRequired ? (
        <Alert color="yellow" mb="lg">
          {t('auth.mfaEnrolmentRequired')}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Card>
          <Title order={2} size="h4" mb="md">
            {t('account.sessionsTitle')}
          </Title>
          {!sessions.data ? <LoadingBlock /> : null}
          <Table aria-label={t('account.sessionsTitle')}>
            <Table.Tbody>
              {sessions.data?.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Text size="sm" lineClamp={1}>
                      {s.userAgent ?? '—'}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {s.ip} · {t('account.lastUsed')} {f.relative(s.lastSeenAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {s.current ? (
                      <Badge variant="light" color="teal">
                        {t('account.current')}
                      </Badge>
                    ) : (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={async () => {
                          sessions.setData((list) => list?.filter((x) => x.id !== s.id));
                          const { error } = await api.DELETE('/api/v1/auth/sessions/{id}', {
                            params: { path: { id: s.id } },
                          });
                          if (error) notify.error(problemMessage(asProblem(error), t));
                          sessions.reload();
                        }}
                      >
                        {t('account.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card id="mfa">
          <Group justify="space-between" mb="md">
            <Title order={2} size="h4">
              {t('account.mfaTitle')}
            </Title>
            <Badge color={session.user.mfaEnabled ? 'teal' : 'gray'}>
              {session.user.mfaEnabled ? t('account.mfaOn') : t('account.mfaOff')}
            </Badge>
          </Group>
          <ProblemAlert problem={problem} />
          {recovery ? (
            <Alert color="teal" title={t('account.mfaEnabled')}>
              <Code block>{recovery.join('\n')}</Code>
            </Alert>
          ) : enrolment ? (
            <Stack>
              <Text size="sm">{t('account.mfaScan')}</Text>
              <Image src={enrolment.qrCode} alt="QR" w={180} h={180} />
              <Code>{enrolment.secret}</Code>
              <TextInput
                label={t('auth.mfaCode')}
                inputMode="numeric"
                maxLength={6}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
              />
              <Button
                onClick={async () => {
                  const { data, error } = await api.POST('/api/v1/auth/mfa/totp/confirm', {
                    body: { code },
                  });
                  if (!data) return setProblem(asProblem(error));
                  setProblem(undefined);
                  setRecovery(data.recoveryCodes);
                  router.refresh();
                }}
              >
                {t('account.mfaConfirm')}
              </Button>
            </Stack>
          ) : !session.user.mfaEnabled ? (
            <Button
              onClick={async () => {
                const { data, error } = await api.POST('/api/v1/auth/mfa/totp');
                if (!data) return setProblem(asProblem(error));
                setEnrolment(data);
              }}
            >
              {t('account.mfaEnable')}
            </Button>
          ) : null}
        </Card>
      </SimpleGrid>
    </>
  );
}
