/**
 * 四张清单 published from the catalogue (mission §2 "four lists one network"): 权力清单 (every
 * power: all kinds but 公共服务), 责任清单 (per power: 实施机关, 责任事项 from its 办理流程, 追责情形
 * and 依据), 公共服务事项清单, and 最多跑一次事项清单 (every offered channel needs at most one visit).
 * Each is a table of the items whose version is in force today; the routes answer it as JSON, CSV or
 * XLSX (evaluation/export.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { departmentNameRelation } from '../departments/index.js';
import type { Column, Table } from '../evaluation/index.js';
import { fewestVisits } from './guide-validation.js';
import { CHANNEL_LABELS, ITEM_KIND_LABELS, SUBJECT_LABELS } from './labels.js';
import type { Accountability, Channel, ItemKind, ServiceGuide, SubjectKind } from './model.js';
import './tables.js';

export const LIST_KINDS = ['power', 'responsibility', 'public-service', 'one-visit'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export const LIST_TITLES: Readonly<Record<ListKind, string>> = {
  power: '权力清单',
  responsibility: '责任清单',
  'public-service': '公共服务事项清单',
  'one-visit': '最多跑一次事项清单',
};

/**
 * 追责情形 and 依据 shown for a power whose guide names none [I]: for licensing the liability
 * chapter of 行政许可法 (第七章 法律责任); for the other powers 公职人员政务处分法 (第三章 违法行为及其
 * 适用的政务处分). A guide's own `accountability` replaces it.
 */
export function defaultAccountability(kind: ItemKind): Accountability {
  const situations = [
    '不履行或者不正确履行上述责任事项的',
    '对符合法定条件的申请不予受理、不予办理或者不在法定期限内作出决定的',
    '索取或者收受他人财物、谋取其他利益的',
  ];
  return kind === 'licensing'
    ? { situations, basis: '《中华人民共和国行政许可法》第七章 法律责任' }
    : { situations, basis: '《中华人民共和国公职人员政务处分法》第三章 违法行为及其适用的政务处分' };
}

interface ListRow {
  itemId: number;
  name: string;
  basicCode: string;
  implementationCode: string;
  kind: ItemKind;
  departmentName: string;
  competentDepartment: string;
  guide: ServiceGuide;
}

async function rowsInForce(
  db: Kysely<DB>,
  today: string,
  kinds: 'powers' | 'services' | 'all',
): Promise<ListRow[]> {
  const kindFilter =
    kinds === 'powers'
      ? sql`and i.kind <> 'public_service'`
      : kinds === 'services'
        ? sql`and i.kind = 'public_service'`
        : sql``;
  const { rows } = await sql<{
    item_id: number;
    name: string;
    basic_code: string;
    implementation_code: string;
    kind: string;
    department_name: string;
    competent_department: string;
    guide: ServiceGuide;
  }>`
    select v.item_id, v.name, i.basic_code, i.implementation_code, i.kind, d.name as department_name,
           i.competent_department, v.guide
    from catalogue_item_versions v
    join catalogue_items i on i.id = v.item_id
    join (${departmentNameRelation(db)}) d on d.id = i.department_id
    where v.state = 'published' and v.valid_from <= ${today}::date
      and (v.valid_to is null or v.valid_to >= ${today}::date) ${kindFilter}
    order by i.basic_code`.execute(db);
  return rows.map((r) => ({
    itemId: r.item_id,
    name: r.name,
    basicCode: r.basic_code,
    implementationCode: r.implementation_code,
    kind: r.kind as ItemKind,
    departmentName: r.department_name,
    competentDepartment: r.competent_department,
    guide: r.guide,
  }));
}

const col = (key: string, header: string, kind: Column['kind'] = 'text'): Column => ({ key, header, kind });

const basisText = (guide: ServiceGuide, kind: 'setting' | 'implementing') =>
  guide.legalBases
    .filter((b) => b.kind === kind)
    .map((b) => `${b.law}${b.article}`)
    .join('；');

const channelsText = (channels: readonly Channel[]) => channels.map((c) => CHANNEL_LABELS[c]).join('、');
const subjectsText = (subjects: readonly SubjectKind[]) => subjects.map((s) => SUBJECT_LABELS[s]).join('、');

/** One of the four lists, as a table of the items in force on `today`. */
export async function catalogueList(db: Kysely<DB>, list: ListKind, today: string): Promise<Table> {
  const title = LIST_TITLES[list];
  switch (list) {
    case 'power': {
      const rows = await rowsInForce(db, today, 'powers');
      return {
        title,
        columns: [
          col('index', '序号', 'int'),
          col('name', '事项名称'),
          col('kind', '事项类型'),
          col('basicCode', '基本编码'),
          col('implementationCode', '实施编码'),
          col('department', '实施机关'),
          col('competentDepartment', '主管部门'),
          col('settingBasis', '设定依据'),
          col('implementingBasis', '实施依据'),
          col('itemId', '事项ID', 'int'),
        ],
        rows: rows.map((r, i) => ({
          index: i + 1,
          name: r.name,
          kind: ITEM_KIND_LABELS[r.kind],
          basicCode: r.basicCode,
          implementationCode: r.implementationCode,
          department: r.departmentName,
          competentDepartment: r.competentDepartment,
          settingBasis: basisText(r.guide, 'setting'),
          implementingBasis: basisText(r.guide, 'implementing'),
          itemId: r.itemId,
        })),
      };
    }
    case 'responsibility': {
      const rows = await rowsInForce(db, today, 'powers');
      return {
        title,
        columns: [
          col('index', '序号', 'int'),
          col('name', '事项名称'),
          col('kind', '事项类型'),
          col('department', '实施机关'),
          col('duties', '责任事项'),
          col('situations', '追责情形'),
          col('basis', '追责依据'),
          col('itemId', '事项ID', 'int'),
        ],
        rows: rows.map((r, i) => {
          const accountability = r.guide.accountability ?? defaultAccountability(r.kind);
          return {
            index: i + 1,
            name: r.name,
            kind: ITEM_KIND_LABELS[r.kind],
            department: r.departmentName,
            // 责任事项: each step of the 办理流程 is a duty of the implementing organ.
            duties: r.guide.steps
              .map(
                (s, j) =>
                  `${j + 1}. ${s.name}责任：${s.description || `在 ${s.days} 个工作日内完成${s.name}`}`,
              )
              .join('\n'),
            situations: accountability.situations.map((s, j) => `${j + 1}. ${s}`).join('\n'),
            basis: accountability.basis,
            itemId: r.itemId,
          };
        }),
      };
    }
    case 'public-service': {
      const rows = await rowsInForce(db, today, 'services');
      return {
        title,
        columns: [
          col('index', '序号', 'int'),
          col('name', '事项名称'),
          col('basicCode', '基本编码'),
          col('department', '实施机关'),
          col('subjects', '服务对象'),
          col('channels', '办理渠道'),
          col('promisedDays', '承诺时限（工作日）', 'int'),
          col('fee', '收费'),
          col('itemId', '事项ID', 'int'),
        ],
        rows: rows.map((r, i) => ({
          index: i + 1,
          name: r.name,
          basicCode: r.basicCode,
          department: r.departmentName,
          subjects: subjectsText(r.guide.subjects),
          channels: channelsText(r.guide.channels),
          promisedDays: r.guide.promisedDays,
          fee: r.guide.fee.amount > 0 ? `${r.guide.fee.amount.toFixed(2)} 元` : '不收费',
          itemId: r.itemId,
        })),
      };
    }
    case 'one-visit': {
      const rows = (await rowsInForce(db, today, 'all')).filter((r) =>
        r.guide.channels.every((c) => (r.guide.visits[c] ?? 0) <= 1),
      );
      return {
        title,
        columns: [
          col('index', '序号', 'int'),
          col('name', '事项名称'),
          col('kind', '事项类型'),
          col('department', '实施机关'),
          col('visits', '到现场次数'),
          col('status', '办理方式'),
          col('onlineDepth', '网办深度', 'int'),
          col('itemId', '事项ID', 'int'),
        ],
        rows: rows.map((r, i) => ({
          index: i + 1,
          name: r.name,
          kind: ITEM_KIND_LABELS[r.kind],
          department: r.departmentName,
          visits: r.guide.channels.map((c) => `${CHANNEL_LABELS[c]} ${r.guide.visits[c] ?? 0} 次`).join('；'),
          // 0 on some channel = 零跑动 (全程网办 when that channel is online); else 最多跑一次.
          status:
            fewestVisits(r.guide) === 0
              ? r.guide.visits.online === 0 && r.guide.channels.includes('online')
                ? '全程网办（零跑动）'
                : '零跑动'
              : '最多跑一次',
          onlineDepth: r.guide.onlineDepth,
          itemId: r.itemId,
        })),
      };
    }
  }
}
