/**
 * Printable notices as print-ready HTML (A4, print CSS, no script — the app's CSP allows styles and
 * forbids inline script): 受理通知书, 一次性告知书 (补正材料通知书), 不予受理决定书. Every value is
 * escaped. The layout follows the 行政许可 document models: the organ, the number, the applicant,
 * what is decided and why, the remedy, the date and the seal line.
 */
import type { Kysely } from 'kysely';
import { localDateOf } from '../calendar/index.js';
import type { DB } from '../db/schema.js';
import { departmentNames } from '../departments/index.js';
import { DomainError } from '../shared/errors.js';
import type { ApplicationRow } from './repo.js';
import { clockOf, nowOf, opened, versionOf, type ApplicationDeps } from './support.js';

export const NOTICE_KINDS = ['acceptance', 'correction', 'rejection'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_TITLES: Readonly<Record<NoticeKind, string>> = {
  acceptance: '受理通知书',
  correction: '一次性告知书（补正材料通知书）',
  rejection: '不予受理决定书',
};

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const STYLE = `
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 16px; line-height: 1.9; color: #000; max-width: 170mm; margin: 0 auto; }
h1 { text-align: center; font-size: 24px; letter-spacing: 4px; margin: 8mm 0 2mm; }
.number { text-align: center; margin-bottom: 8mm; }
p { text-indent: 2em; margin: 0 0 2mm; }
p.to { text-indent: 0; }
ol { margin: 0 0 4mm 2em; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
td, th { border: 1px solid #000; padding: 1mm 2mm; text-align: left; }
.seal { margin-top: 16mm; text-align: right; }
.note { font-size: 13px; color: #333; margin-top: 10mm; text-indent: 0; }
@media screen { body { padding: 10mm; background: #fff; } }
`;

function page(title: string, number: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)} ${escapeHtml(number)}</title>
<style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1><div class="number">${escapeHtml(number)}</div>
${body}
</body></html>
`;
}

const chineseDate = (day: string) => {
  const [y, m, d] = day.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/**
 * The notice of `kind` for an application, or APPLICATION_NOTICE_UNAVAILABLE when the application
 * has not reached it (no acceptance, no correction asked, not refused).
 */
export async function renderNotice(
  db: Kysely<DB>,
  deps: ApplicationDeps,
  row: ApplicationRow,
  kind: NoticeKind,
): Promise<string> {
  const unavailable = (why: string) =>
    new DomainError('APPLICATION_NOTICE_UNAVAILABLE', `${NOTICE_TITLES[kind]}：${why}`);
  const version = await versionOf(db, row);
  const calendar = await deps.calendars.get(db);
  const organ = (await departmentNames(db, [row.department_id])).get(row.department_id)?.name ?? '';
  const applicant = escapeHtml(opened(deps.ring, 'applicant_name_enc', row.number, row.applicant_name_enc));
  const item = escapeHtml(row.item_name);
  const seal = (at: Date) =>
    `<div class="seal">${escapeHtml(organ)}（印章）<br>${chineseDate(localDateOf(calendar, at))}</div>`;
  const remedy = `<p>如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。</p>`;
  switch (kind) {
    case 'acceptance': {
      if (!row.acceptance_number || !row.accepted_at) throw unavailable('该申请尚未受理');
      const clock = clockOf(calendar, row, nowOf(deps));
      const due = clock.expectedCompletionDate ? chineseDate(clock.expectedCompletionDate) : '—';
      return page(
        NOTICE_TITLES.acceptance,
        `受理编号：${row.acceptance_number}`,
        `<p class="to">${applicant}：</p>
<p>你（单位）于${chineseDate(localDateOf(calendar, row.submitted_at!))}提出的「${item}」申请（申请编号 ${escapeHtml(row.number)}），经审查，申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，决定予以受理。</p>
<p>本机关承诺在受理之日起 ${row.promised_days} 个工作日内（法定时限 ${row.legal_days} 个工作日）作出决定，预计办结日期为${due}。依法需要听证、检验、检测、鉴定、专家评审、公示的，所需时间不计算在期限内。</p>
<p>你可凭申请编号在网上查询办理进度。</p>
${seal(row.accepted_at)}`,
      );
    }
    case 'correction': {
      const correction = row.correction;
      if (!correction) throw unavailable('该申请未要求补正');
      const rows = correction.items
        .map(
          (i, n) =>
            `<tr><td>${n + 1}</td><td>${escapeHtml(i.name)}</td><td>${escapeHtml(i.reason)}</td></tr>`,
        )
        .join('');
      return page(
        NOTICE_TITLES.correction,
        `申请编号：${row.number}`,
        `<p class="to">${applicant}：</p>
<p>你（单位）提出的「${item}」申请，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知你需要补正的全部内容如下：</p>
<table><thead><tr><th>序号</th><th>材料或内容</th><th>补正要求</th></tr></thead><tbody>${rows}</tbody></table>
${correction.note ? `<p>${escapeHtml(correction.note)}</p>` : ''}
<p>请按上述要求一次性补正后重新提交。补正材料齐全、符合法定形式的，本机关将予以受理。</p>
${seal(new Date(correction.requestedAt))}
<p class="note">事项：${escapeHtml(version.name)}（${escapeHtml(version.implementationCode)}）</p>`,
      );
    }
    case 'rejection': {
      if (row.state !== 'rejected') throw unavailable('该申请未被决定不予受理');
      return page(
        NOTICE_TITLES.rejection,
        `申请编号：${row.number}`,
        `<p class="to">${applicant}：</p>
<p>你（单位）提出的「${item}」申请，经审查，决定不予受理。</p>
<p>理由：${escapeHtml(row.closed_reason ?? '')}</p>
<p>依据：${escapeHtml(row.closed_basis ?? '')}</p>
${remedy}
${seal(row.updated_at)}`,
      );
    }
  }
}
