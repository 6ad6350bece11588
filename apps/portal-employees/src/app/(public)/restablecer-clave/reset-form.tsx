'use client';
import { Alert, Anchor, Button, PasswordInput, Stack, Title } from '@mantine/core';
import { useI18n, type ProblemLike } from '@nexo/i18n';
import { asProblem, ProblemAlert } from '@nexo/ui';
import Link from 'next/link';
import { useState } from 'react';
import { api } from '../../../lib/api';

export function ResetForm(props: { token: string }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ProblemLike | null | undefined>(undefined);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        const { error, response } = await api.POST('/api/v1/auth/password/reset', {
          body: { token: props.token, password },
        });
        setPending(false);
        if (response.ok) setDone(true);
        else setProblem(asProblem(error));
      }}
    >
      <Stack>
        <Title order={1} size="h3">
          {t('auth.resetTitle')}
        </Title>
        <ProblemAlert problem={problem} />
        {done ? (
          <Alert color="teal" role="status">
            {t('auth.resetDone')}
          </Alert>
        ) : (
          <>
            <PasswordInput
              label={t('auth.newPassword')}
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={pending} disabled={!props.token}>
              {t('common.save')}
            </Button>
          </>
        )}
        <Anchor component={Link} href="/login" size="sm" ta="center">
          {t('auth.backToSignIn')}
        </Anchor>
      </Stack>
    </form>
  );
}
