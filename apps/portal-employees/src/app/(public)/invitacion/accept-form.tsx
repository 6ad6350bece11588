'use client';
import { Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useI18n, type ProblemLike } from '@nexo/i18n';
import { ProblemAlert } from '@nexo/ui';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { acceptInvitationAction } from '../../session-actions';

/** A new person picks a name and password; someone who already has an account just joins. */
export function AcceptForm(props: { token: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<ProblemLike | null | undefined>(undefined);
  const [pending, start] = useTransition();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const answer = await acceptInvitationAction({
            token: props.token,
            ...(name.trim() ? { name: name.trim() } : {}),
            ...(password ? { password } : {}),
          });
          if (answer.next === 'error') return setProblem(answer.problem);
          router.replace('/');
          router.refresh();
        });
      }}
    >
      <Stack>
        <Title order={1} size="h3">
          {t('auth.acceptTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('auth.acceptHelp')}
        </Text>
        <ProblemAlert problem={problem} />
        <TextInput
          label={t('common.name')}
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Button type="submit" loading={pending} disabled={!props.token}>
          {t('auth.accept')}
        </Button>
      </Stack>
    </form>
  );
}
