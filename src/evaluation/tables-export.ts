/** Evaluation results and drill-down lists as export tables, with Chinese headers. */
import { CASE_STATUS_NAMES, type CaseStatus } from '../cases/index.js';
import {
  lastDayOf,
  localMinute,
  type Column,
  type ColumnKind,
  type ReportHead,
  type Table,
} from './export.js';
import type { Profile } from './scoring.js';
import { FACT_LABELS, SUBJECT_KIND_NAMES, type FactKey } from './vocabulary.js';
import type { CaseSummary, Evaluation } from './service.js';

/** The header of the subject's public code, or none (people have no code to print). */
const CODE_HEADERS: Record<string, string | undefined> = {
  department: '统一社会信用代码',
  street: '行政区划代码',
  community: '行政区划代码',
  grid: '单元网格代码',
};

/** Facts measured in whole units are integers; the area of a place is not. */
const factKind = (key: FactKey): ColumnKind => (key === 'area_km2' ? 'number' : 'int');

const indicatorKind = (kind: Profile['items'][number]['indicator']['kind']): ColumnKind =>
  kind === 'rate' ? 'rate' : kind === 'count' ? 'int' : 'number';

/**
 * 综合评价表: rank, code, name, each indicator's value and score, the composite and grade (and the
 * comparison), then the base counts not already shown as an indicator (立案数 once, not twice).
 */
export function evaluationTable(evaluation: Evaluation, profile: Profile, head: ReportHeadInput): Table {
  const codeHeader = CODE_HEADERS[evaluation.object];
  const columns: Column[] = [
    { key: 'rank', header: '排名', kind: 'int' },
    ...(codeHeader ? [{ key: 'code', header: codeHeader, kind: 'text' as const }] : []),
    { key: 'name', header: '名称', kind: 'text' },
  ];
  profile.items.forEach((item, i) => {
    columns.push({
      key: `value${i}`,
      header: item.indicator.name,
      kind: indicatorKind(item.indicator.kind),
    });
    columns.push({ key: `score${i}`, header: `${item.indicator.name}得分`, kind: 'number' });
  });
  columns.push(
    { key: 'composite', header: '综合得分', kind: 'number' },
    { key: 'grade', header: '等级', kind: 'text' },
  );
  if (evaluation.compare) {
    columns.push(
      {
        key: 'previousComposite',
        header: evaluation.compare.kind === 'mom' ? '上期得分（环比）' : '上年同期得分（同比）',
        kind: 'number',
      },
      { key: 'previousRank', header: '上期排名', kind: 'int' },
      { key: 'change', header: '得分变化', kind: 'number' },
    );
  }
  const shownAsIndicator = new Set(
    profile.items.filter((item) => item.indicator.kind === 'count').map((item) => item.indicator.numerator),
  );
  const headers = new Set(columns.map((c) => c.header));
  const factKeys = (Object.keys(evaluation.rows[0]?.facts ?? {}) as FactKey[]).filter(
    (key) => !shownAsIndicator.has(key) && !headers.has(FACT_LABELS[key]),
  );
  for (const key of factKeys)
    columns.push({ key: `fact_${key}`, header: FACT_LABELS[key], kind: factKind(key) });
  const rows = evaluation.rows.map((row) => ({
    rank: row.rank,
    code: row.code,
    name: row.name,
    ...Object.fromEntries(
      row.items.flatMap((item, i) => [
        [`value${i}`, item.value],
        [`score${i}`, item.score],
      ]),
    ),
    composite: row.composite,
    // No composite (no activity in the period): an empty score and 无数据, never a 100.
    grade: row.grade ?? '无数据',
    previousComposite: row.previous?.composite ?? null,
    previousRank: row.previous?.rank ?? null,
    change: row.change ?? null,
    ...Object.fromEntries(factKeys.map((k) => [`fact_${k}`, row.facts[k]])),
  }));
  return {
    title: `${SUBJECT_KIND_NAMES[evaluation.object]}综合评价表`,
    columns,
    rows,
    report: reportHead(head, evaluation),
  };
}

/** What a route knows of a report's head; the period comes from the table's own request. */
export interface ReportHeadInput {
  organisation: string | null;
  madeAt: Date;
  timeZone: string;
}

function reportHead(head: ReportHeadInput, period: { from: string; to: string }): ReportHead {
  return { ...head, period: { first: period.from, last: lastDayOf(period.to) } };
}

export const CASE_LIST_COLUMNS: Column[] = [
  { key: 'number', header: '案件编号', kind: 'text' },
  { key: 'className', header: '问题类别', kind: 'text' },
  { key: 'status', header: '状态', kind: 'text' },
  { key: 'gridCode', header: '单元网格代码', kind: 'text' },
  { key: 'departmentName', header: '处置部门', kind: 'text' },
  { key: 'reportedAt', header: '上报时间', kind: 'text' },
];

/** 案件清单 behind one count: its subject and count named in the title, with the report head. */
export function caseListTable(
  title: string,
  cases: CaseSummary[],
  head: ReportHeadInput,
  period: { from: string; to: string },
): Table {
  return {
    title,
    columns: CASE_LIST_COLUMNS,
    // The status as clerks name it, the time on the local clock (Excel has no time zones).
    rows: cases.map((c) => ({
      ...c,
      status: CASE_STATUS_NAMES[c.status as CaseStatus] ?? c.status,
      reportedAt: localMinute(c.reportedAt, head.timeZone),
    })),
    report: reportHead(head, period),
  };
}
