/** Evaluation results and drill-down lists as export tables, with Chinese headers. */
import type { Column, Table } from './export.js';
import type { Profile } from './registry.js';
import { FACT_LABELS, type FactKey } from './registry.js';
import type { CaseSummary, Evaluation } from './service.js';

const OBJECT_NAMES: Record<string, string> = {
  department: '专业部门',
  street: '街道',
  community: '社区',
  grid: '单元网格',
  inspector: '监督员',
  operator: '受理员',
  shift_lead: '值班长',
  dispatcher: '派遣员',
};

export function evaluationTable(evaluation: Evaluation, profile: Profile): Table {
  const columns: Column[] = [
    { key: 'rank', header: '排名', kind: 'int' },
    { key: 'subject', header: '编码', kind: 'text' },
    { key: 'name', header: '名称', kind: 'text' },
  ];
  profile.items.forEach((item, i) => {
    columns.push({
      key: `value${i}`,
      header: item.indicator.name,
      kind: item.indicator.kind === 'rate' ? 'rate' : 'number',
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
  const factKeys = Object.keys(evaluation.rows[0]?.facts ?? {}) as FactKey[];
  for (const key of factKeys) columns.push({ key: `fact_${key}`, header: FACT_LABELS[key], kind: 'number' });
  const rows = evaluation.rows.map((row) => ({
    rank: row.rank,
    subject: row.subject,
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
    title: `${OBJECT_NAMES[evaluation.object] ?? evaluation.object}综合评价 ${evaluation.from}至${evaluation.to}`,
    columns,
    rows,
  };
}

export const CASE_LIST_COLUMNS: Column[] = [
  { key: 'id', header: '案件ID', kind: 'int' },
  { key: 'number', header: '案件编号', kind: 'text' },
  { key: 'className', header: '问题类别', kind: 'text' },
  { key: 'status', header: '状态', kind: 'text' },
  { key: 'gridCode', header: '单元网格', kind: 'text' },
  { key: 'departmentName', header: '处置部门', kind: 'text' },
  { key: 'reportedAt', header: '上报时间', kind: 'date' },
];

export function caseListTable(title: string, cases: CaseSummary[]): Table {
  return { title, columns: CASE_LIST_COLUMNS, rows: cases.map((c) => ({ ...c })) };
}
