'use client';
import { Button, Card, FileButton, Group, Image, Text, Title } from '@mantine/core';
import { TENANT_LOGO_MAX_BYTES, TENANT_LOGO_TYPES } from '@nexo/contracts';
import { problemMessage, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import { asProblem, notify } from '@nexo/ui';
import { IconTrash, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { api } from '../../../../lib/api';

/**
 * The logo printed on the company's documents: shown from the API through the portal's
 * forwarder (the session's cookie goes with the image's request), replaced by a PNG or JPEG
 * of at most 512 KB, or removed. `onChanged` says whether it has one now; the company's
 * version stays, so the settings form open beside it still saves.
 */
export function CompanyLogoCard(props: {
  tenantId: string;
  hasLogo: boolean;
  onChanged: (hasLogo: boolean) => void;
}) {
  const { t } = useI18n();
  const canUpdate = useCan('update', 'tenancy.tenant');
  const [busy, setBusy] = useState(false);
  // A new query after each change, so the browser does not show the one it has.
  const [shown, setShown] = useState(0);
  // Cleared after each upload, so the same file can be chosen again.
  const resetRef = useRef<() => void>(null);
  const path = { path: { id: props.tenantId } };

  const done = (error: unknown, hasLogo: boolean) => {
    if (error) notify.error(problemMessage(asProblem(error), t));
    else {
      notify.success(hasLogo ? t('company.logoSaved') : t('company.logoRemoved'));
      setShown((n) => n + 1);
      props.onChanged(hasLogo);
    }
  };

  const upload = async (file: File | null) => {
    if (!file) return;
    if (file.size > TENANT_LOGO_MAX_BYTES) return notify.error(t('company.logoTooLarge'));
    setBusy(true);
    try {
      const { error } = await api.PUT('/api/v1/tenancy/tenants/{id}/logo', {
        params: path,
        // The file's own bytes, not JSON; the API checks they are the type they claim.
        body: file as unknown as string,
        bodySerializer: (body: unknown) => body as Blob,
        headers: { 'Content-Type': file.type },
      });
      done(error, true);
    } finally {
      setBusy(false);
      resetRef.current?.();
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      const { error } = await api.DELETE('/api/v1/tenancy/tenants/{id}/logo', { params: path });
      done(error, false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card>
      <Title order={2} size="h4" mb="sm">
        {t('company.logo')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('company.logoHelp')}
      </Text>
      {props.hasLogo ? (
        <Image
          src={`/api/v1/tenancy/tenants/${props.tenantId}/logo?v=${shown}`}
          alt={t('company.logoAlt')}
          h={96}
          w="auto"
          maw="100%"
          fit="contain"
          mb="sm"
        />
      ) : (
        <Text size="sm" mb="sm">
          {t('company.logoNone')}
        </Text>
      )}
      {canUpdate ? (
        <Group gap="xs">
          <FileButton
            resetRef={resetRef}
            onChange={(file) => void upload(file)}
            accept={TENANT_LOGO_TYPES.join(',')}
          >
            {(button) => (
              <Button
                {...button}
                variant="light"
                size="xs"
                loading={busy}
                leftSection={<IconUpload size={14} aria-hidden />}
              >
                {props.hasLogo ? t('company.logoReplace') : t('company.logoUpload')}
              </Button>
            )}
          </FileButton>
          {props.hasLogo ? (
            <Button
              variant="subtle"
              color="red"
              size="xs"
              disabled={busy}
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={() => void remove()}
            >
              {t('company.logoRemove')}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Card>
  );
}
