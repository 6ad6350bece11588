'use client';
import { Anchor, Card, Table } from '@mantine/core';
import type { components } from '@nexo/api-client';
import { codeLabel, useI18n } from '@nexo/i18n';
import Link from 'next/link';
import { RIGHT } from '../accounts-lookups';

type Statement = components['schemas']['FinancialStatement'];

/**
 * A P&L or a balance sheet: accounts grouped by type with their totals, a column per period
 * (the comparison beside), the result last. Each account opens its ledger for the first column.
 */
export function FinancialStatementTable(props: {
  statement: Statement;
  label: string;
  resultLabel: string;
  /** The first column's period, for the ledger links. */
  from: string;
  to: string;
}) {
  const { t, f } = useI18n();
  const s = props.statement;
  const money = (v: string | undefined) => (v === undefined ? '' : f.money(v, s.currency));
  const period = (c: { from: string | null; to: string }) =>
    c.from ? `${f.date(c.from)} – ${f.date(c.to)}` : f.date(c.to);
  return (
    <Card p={0}>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={props.label}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accounts.account')}</Table.Th>
              {s.columns.map((c, i) => (
                <Table.Th key={i} style={RIGHT}>
                  {period(c)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          {s.sections.map((section) => (
            <Table.Tbody key={section.type}>
              <Table.Tr>
                <Table.Th colSpan={s.columns.length + 1}>
                  {codeLabel(t, 'accounts.type', section.type)}
                </Table.Th>
              </Table.Tr>
              {section.rows.map((row) => (
                <Table.Tr key={row.accountId}>
                  <Table.Td pl="lg">
                    <Anchor
                      component={Link}
                      href={`/accounts/reports/general-ledger?accountId=${row.accountId}&from=${props.from}&to=${props.to}`}
                      size="sm"
                      c="inherit"
                    >
                      <code>{row.code}</code> {row.name}
                    </Anchor>
                  </Table.Td>
                  {row.amounts.map((amount, i) => (
                    <Table.Td key={i} style={RIGHT}>
                      {money(amount)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td fw={700}>
                  {t('accounts.total')} {codeLabel(t, 'accounts.type', section.type).toLowerCase()}
                </Table.Td>
                {section.totals.map((amount, i) => (
                  <Table.Td key={i} style={RIGHT} fw={700}>
                    {money(amount)}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          ))}
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{props.resultLabel}</Table.Th>
              {s.result.map((amount, i) => (
                <Table.Th key={i} style={RIGHT}>
                  {money(amount)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
