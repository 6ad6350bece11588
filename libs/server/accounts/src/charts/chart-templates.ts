import { AR_CHART } from './ar.chart.js';
import type { ChartTemplate } from './chart-template.js';
import { CL_CHART } from './cl.chart.js';
import { ES_CHART } from './es.chart.js';
import { GENERIC_CHART } from './generic.chart.js';
import { MX_CHART } from './mx.chart.js';

/** The chart templates by country code; '*' holds the generic chart. */
export const CHART_TEMPLATES: Readonly<Record<string, ChartTemplate>> = {
  AR: AR_CHART,
  ES: ES_CHART,
  MX: MX_CHART,
  CL: CL_CHART,
  '*': GENERIC_CHART,
};

/** The chart template for a country (case-insensitive), or the generic one when it has none. */
export function chartFor(country: string | null | undefined): ChartTemplate {
  const code = country?.trim().toUpperCase() ?? '';
  return (
    (Object.hasOwn(CHART_TEMPLATES, code) ? CHART_TEMPLATES[code] : undefined) ?? GENERIC_CHART
  );
}
