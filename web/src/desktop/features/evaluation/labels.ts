/**
 * Names of the evaluation's base counts and indicators in both languages: the Chinese ones are the
 * server's vocabulary (src/evaluation/vocabulary.ts), so the page and the exports match.
 */
import { defineMessages } from '../../../shared/i18n.js';
import {
  FACT_LABELS,
  INDICATOR_NAMES as SERVER_INDICATOR_NAMES,
  type FactKey,
  type Grade,
  type IndicatorKey,
} from '../../../../../src/evaluation/vocabulary.js';

export type { FactKey, Grade, IndicatorKey };

export const FACT_NAMES = defineMessages(FACT_LABELS, {
  reported: 'Reported',
  self_handled: 'Self-handled',
  filed: 'Filed',
  filed_by_inspector: 'Filed from inspectors',
  filed_by_others: 'Filed from other channels',
  to_close: 'To close',
  closed: 'Closed',
  closed_on_time: 'Closed on time',
  to_handle: 'To handle',
  handled: 'Handled',
  handled_on_time: 'Handled on time',
  handled_late: 'Handled late',
  handled_of_due: 'Dispatched and handled',
  handled_on_time_of_due: 'Dispatched and handled on time',
  overdue: 'Overdue',
  returns: 'Returns',
  reworks: 'Reworks',
  extensions: 'Extensions',
  suspensions: 'Suspensions',
  reports: 'Reports',
  valid_reports: 'Valid reports',
  checks: 'Checks',
  checks_on_time: 'Checks on time',
  verifications: 'Verifications',
  verifications_on_time: 'Verifications on time',
  check_tasks_sent: 'Check tasks sent',
  check_tasks_sent_on_time: 'Check tasks sent on time',
  verify_tasks_sent: 'Verification tasks sent',
  verify_tasks_sent_on_time: 'Verification tasks sent on time',
  filings: 'Filings',
  filings_on_time: 'Filings on time',
  filings_voided: 'Filings voided',
  closings: 'Closings',
  closings_on_time: 'Closings on time',
  dispatches: 'Dispatches',
  dispatches_on_time: 'Dispatches on time',
  dispatches_undone: 'Dispatches returned or reworked',
  grids: 'Unit grids',
  area_km2: 'Area (km²)',
  grid_filed: 'Filed in own grids',
  grid_filed_by_others: 'Missed reports',
  filings_kept: 'Accurate filings',
  dispatches_accurate: 'Accurate dispatches',
});

export const INDICATOR_NAMES = defineMessages(SERVER_INDICATOR_NAMES, {
  'department.filed': 'Filed',
  'department.to_handle': 'To handle',
  'department.handled_on_time': 'Handled on time',
  'department.overdue': 'Overdue',
  'department.returns': 'Returns',
  'department.reworks': 'Reworks',
  'department.extensions': 'Extensions',
  'department.suspensions': 'Suspensions',
  'department.close_rate': 'Closure rate',
  'department.on_time_close_rate': 'On-time closure rate',
  'department.rework_rate': 'Rework rate',
  'department.on_time_handle_rate': 'Share of handlings on time',
  'department.handle_rate': 'Dispatches handled',
  'department.on_time_handle_rate_of_due': 'Dispatches handled on time',
  'department.overdue_rate': 'Overdue rate',
  'department.extension_rate': 'Extension rate',
  'region.filed': 'Filed',
  'region.supervision_rate': 'Share filed from inspectors',
  'region.filed_per_grid': 'Filed per unit grid',
  'region.filed_per_km2': 'Filed per km²',
  'region.close_rate': 'Closure rate',
  'region.on_time_close_rate': 'On-time closure rate',
  'inspector.reports': 'Reports',
  'inspector.valid_reports': 'Valid reports',
  'inspector.valid_report_rate': 'Valid report rate',
  'inspector.missed_report_rate': 'Missed report rate',
  'inspector.on_time_check_rate': 'On-time check rate',
  'inspector.on_time_verify_rate': 'On-time verification rate',
  'operator.accepted': 'Accepted',
  'operator.check_send_on_time_rate': 'Check tasks sent on time',
  'operator.verify_send_on_time_rate': 'Verification tasks sent on time',
  'shift_lead.on_time_filing_rate': 'On-time filing rate',
  'shift_lead.accurate_filing_rate': 'Accurate filing rate',
  'shift_lead.on_time_closing_rate': 'On-time closing rate',
  'dispatcher.dispatches': 'Dispatches',
  'dispatcher.on_time_dispatch_rate': 'On-time dispatch rate',
  'dispatcher.accurate_dispatch_rate': 'Accurate dispatch rate',
});

/** An indicator's name in the current language; a city's own indicator falls back to the server's name. */
export function indicatorName(key: string, serverName: string, lang: 'zh-CN' | 'en'): string {
  return key in INDICATOR_NAMES.zh ? INDICATOR_NAMES.t(key as IndicatorKey, undefined, lang) : serverName;
}

export const GRADE_COLORS: Record<Grade, string> = {
  A: 'green',
  B: 'blue',
  C: 'gold',
  D: 'orange',
  E: 'red',
};

/** English names of the built-in profiles; a city's own profile shows the name it was stored with. */
const PROFILE_NAMES_EN: Readonly<Record<string, string>> = {
  'department-unicom': 'Departments (national default)',
  'department-chengdu-jinniu': 'Departments (Chengdu Jinniu)',
  'region-unicom': 'Streets, communities and grids (national default)',
  'inspector-unicom': 'Inspectors (national default)',
  'operator-unicom': 'Operators (national default)',
  'shift-lead-unicom': 'Shift leads (national default)',
  'dispatcher-unicom': 'Dispatchers (national default)',
};

export function profileName(key: string, serverName: string, lang: 'zh-CN' | 'en'): string {
  return lang === 'en' ? (PROFILE_NAMES_EN[key] ?? serverName) : serverName;
}
