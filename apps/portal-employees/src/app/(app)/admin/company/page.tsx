import { Alert, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { createTranslator } from '@nexo/i18n';
import { serverApi } from '@nexo/session/server';
import { getLocale, requireCan } from '../../../../lib/server';
import { PageHeader } from '@nexo/ui';

/** The company's record as the API serves it (read on the server: no client code needed). */
export default async function CompanyPage() {
  const session = await requireCan('read', 'auth.member');
  const t = createTranslator(await getLocale());
  const api = await serverApi();
  const { data: tenant } = await api.GET('/api/v1/tenancy/tenants/{id}', {
    params: { path: { id: session.current.tenantId } },
  });
  const rows: [string, string | undefined | null][] = [
    [t('company.name'), tenant?.name],
    [t('company.legalName'), tenant?.legalName],
    [t('company.taxId'), tenant?.taxId],
    [t('company.country'), tenant?.country],
    [t('company.currency'), tenant?.currency],
    [t('company.locale'), tenant?.locale],
    [t('company.timezone'), tenant?.timezone],
    [t('company.requireMfa'), tenant?.requireMfaEmployees ? t('common.yes') : t('common.no')],
  ];
  return (
    <>
      <PageHeader title={t('company.title')} subtitle={tenant?.name} />
      <Card>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          {rows.map(([label, value]) => (
            <Stack key={label} gap={2}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                {label}
              </Text>
              <Text>{value || '—'}</Text>
            </Stack>
          ))}
        </SimpleGrid>
      </Card>
      <Alert mt="lg" color="gray" variant="light">
        {t('company.readOnlyNote')}
      </Alert>
    </>
  );
}
