/**
 * The server names a problem by its path (`body.guide.promisedDays`, `items.3.guide.materials.2.condition`,
 * `事项.5.departmentName` for a workbook row): turned into words a clerk reads, 承诺时限（工作日）.
 */
import { getLang, type Lang } from '../../../shared/i18n.js';
import { cm, type CmKey } from './messages.js';

const LABELS: Record<string, CmKey> = {
  name: 'name',
  aliases: 'aliases',
  lifeEvents: 'lifeEvents',
  validFrom: 'validFrom',
  validTo: 'validTo',
  source: 'source',
  'guide.subjects': 'subjects',
  'guide.conditions': 'conditions',
  'guide.legalDays': 'legalDays',
  'guide.promisedDays': 'promisedDays',
  'guide.acceptanceDays': 'acceptanceDays',
  'guide.fee.amount': 'feeAmount',
  'guide.fee.basis': 'feeBasis',
  'guide.fee.description': 'feeDescription',
  'guide.place': 'place',
  'guide.hours': 'hours',
  'guide.channels': 'channels',
  'guide.visits': 'visits',
  'guide.deliveryMethods': 'deliveryMethods',
  'guide.onlineDepth': 'onlineDepth',
  'guide.consultation': 'consultation',
  'guide.complaint': 'complaint',
  'guide.resultName': 'resultName',
  'guide.materials': 'materialName',
  'guide.steps': 'steps',
  'guide.specialSteps': 'specialSteps',
  'guide.legalBases': 'law',
  'guide.faq': 'question',
  form: 'tabForm',
  departmentName: 'colDepartment',
  basicCode: 'colCode',
  kind: 'colKind',
  level: 'colLevel',
};

const ROW_FIELDS: Record<string, CmKey> = {
  name: 'materialName',
  key: 'materialKey',
  form: 'materialForm',
  copies: 'copies',
  required: 'required',
  condition: 'condition',
  source: 'materialSource',
  sourceReference: 'sourceReference',
  notes: 'notes',
  days: 'stepDays',
  description: 'stepDescription',
  law: 'law',
  article: 'article',
  text: 'articleText',
  question: 'question',
  answer: 'answer',
};

/** `guide.materials.2.condition` → 申请材料 第 3 行 · 适用情形 (in the reader's language). */
export function describePath(raw: string, lang: Lang = getLang()): string {
  let path = raw.replace(/^(body|querystring)\./, '').replace(/^draft\./, '');
  let where = '';
  const entry = /^items\.(\d+)\.?(.*)$/.exec(path);
  const sheet = /^(事项|材料)\.(\d+)\.?(.*)$/.exec(path);
  if (entry) {
    where = lang === 'en' ? `Entry ${Number(entry[1]) + 1}` : `第 ${Number(entry[1]) + 1} 项`;
    path = entry[2]!;
  } else if (sheet) {
    where = lang === 'en' ? `Sheet ${sheet[1]} row ${sheet[2]}` : `“${sheet[1]}”表第 ${sheet[2]} 行`;
    path = sheet[3]!;
  }
  const parts = path.split('.');
  let label: string | null = null;
  for (let n = parts.length; n > 0 && !label; n -= 1) {
    const head = parts.slice(0, n).join('.');
    const key = LABELS[head];
    if (!key) continue;
    label = cm.t(key, undefined, lang);
    const rest = parts.slice(n);
    if (rest.length > 0 && /^\d+$/.test(rest[0]!)) {
      label += lang === 'en' ? ` row ${Number(rest[0]) + 1}` : ` 第 ${Number(rest[0]) + 1} 行`;
      const field = rest[1] ? ROW_FIELDS[rest[1]] : undefined;
      if (field) label += ` · ${cm.t(field, undefined, lang)}`;
      else if (rest[1]) label += ` · ${rest.slice(1).join('.')}`;
    } else if (rest.length > 0) label += ` · ${rest.join('.')}`;
  }
  const text = label ?? path;
  return [where, text].filter(Boolean).join(lang === 'en' ? ': ' : '：');
}
