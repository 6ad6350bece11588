'use client';
import { Grid, Stack } from '@mantine/core';
import { useI18n } from '@nexo/i18n';
import { Can } from '@nexo/session';
import { LoadingBlock, PageHeader, ProblemAlert, useApiQuery } from '@nexo/ui';
import { api } from '../../../../lib/api';
import { CompanyForm } from './company-form';
import { CompanyLogoCard } from './company-logo';
import { ExchangeRatesCard } from './exchange-rates';
import { NumberSeriesCard } from './number-series';
import { PointsOfSaleCard } from './points-of-sale';
import { TaxRatesCard } from './tax-rates';

export function CompanySettings(props: { tenantId: string }) {
  const { t } = useI18n();
  const tenant = useApiQuery(`tenant:${props.tenantId}`, () =>
    api.GET('/api/v1/tenancy/tenants/{id}', { params: { path: { id: props.tenantId } } }),
  );
  return (
    <>
      <PageHeader title={t('company.title')} subtitle={tenant.data?.name} />
      {/* Stacked full width: the series and tax tables need the room. */}
      <Stack gap="lg">
        {tenant.data ? (
          <CompanyForm tenant={tenant.data} onSaved={(saved) => tenant.setData(() => saved)} />
        ) : tenant.problem !== undefined ? (
          <ProblemAlert problem={tenant.problem} onRetry={tenant.reload} />
        ) : (
          <LoadingBlock />
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, xl: 6 }}>
            {tenant.data ? (
              <CompanyLogoCard
                tenantId={props.tenantId}
                hasLogo={tenant.data.hasLogo ?? false}
                onChanged={(hasLogo) => tenant.setData((d) => d && { ...d, hasLogo })}
              />
            ) : null}
          </Grid.Col>
          <Grid.Col span={{ base: 12, xl: 6 }}>
            <Can action="read" subject="tenancy.number-series">
              <NumberSeriesCard />
            </Can>
          </Grid.Col>
          <Grid.Col span={{ base: 12, xl: 6 }}>
            <Can action="read" subject="catalog.tax">
              <TaxRatesCard />
            </Can>
          </Grid.Col>
          <Grid.Col span={{ base: 12, xl: 6 }}>
            <Can action="read" subject="tenancy.point-of-sale">
              <PointsOfSaleCard />
            </Can>
          </Grid.Col>
        </Grid>
        {tenant.data?.currency ? (
          <Can action="read" subject="tenancy.exchange-rate">
            <ExchangeRatesCard
              baseCurrency={tenant.data.currency}
              currencies={tenant.data.currencies ?? []}
            />
          </Can>
        ) : null}
      </Stack>
    </>
  );
}
