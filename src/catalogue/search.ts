/**
 * 事项检索 — what citizens find: the items whose version is published and in force today, that can
 * be applied for (leaves of the tree) or browsed (a 主项 heading over its 办理项 is listed too, marked
 * not applicable), filtered by keyword, life event, department, subject, kind and channel. Keywords
 * match `search_text` through its index of character pairs (migration 0024); items whose name holds every word come first, then those
 * whose name and aliases together hold them, then the rest (guide text).
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db/schema.js';
import { departmentNameRelation } from '../departments/index.js';
import { decodeCursor, encodeCursor, type Page } from '../shared/pagination.js';
import type { Channel, ItemKind, SubjectKind } from './model.js';
import { containsPattern, queryTerms } from './search-text.js';
import './tables.js';

export interface SearchFilter {
  q?: string;
  lifeEvent?: string;
  departmentId?: number;
  subject?: SubjectKind;
  kind?: ItemKind;
  channel?: Channel;
  cursor?: string;
  limit: number;
}

export interface SearchHit {
  itemId: number;
  versionId: number;
  name: string;
  aliases: string[];
  basicCode: string;
  kind: ItemKind;
  departmentId: number;
  departmentName: string;
  lifeEvents: string[];
  subjects: SubjectKind[];
  channels: Channel[];
  maxVisits: number;
  promisedDays: number;
  legalDays: number;
  onlineDepth: number;
  isBundle: boolean;
  applicable: boolean;
  /** 0: the name holds every keyword; 1: an alias does; 2: the guide text does. */
  rank: number;
}

/** Published and in force on `today`. */
function inForce(today: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`v.state = 'published' and v.valid_from <= ${today}::date and (v.valid_to is null or v.valid_to >= ${today}::date)`;
}

function filters(filter: SearchFilter, today: string): RawBuilder<SqlBool> {
  const terms = queryTerms(filter.q ?? '');
  const parts: RawBuilder<unknown>[] = [inForce(today)];
  for (const term of terms) {
    // The bigram index finds the candidates (migration 0024); LIKE confirms the word. A word of
    // one character has no pair and is matched by LIKE alone.
    if (term.length > 1) parts.push(sql`catalogue_bigrams(v.search_text) @> catalogue_bigrams(${term})`);
    parts.push(sql`v.search_text like ${containsPattern(term)}`);
  }
  if (filter.lifeEvent) parts.push(sql`v.life_events @> array[${filter.lifeEvent}]::text[]`);
  if (filter.departmentId !== undefined) parts.push(sql`i.department_id = ${filter.departmentId}`);
  if (filter.subject) parts.push(sql`v.subjects @> array[${filter.subject}]::text[]`);
  if (filter.kind) parts.push(sql`i.kind = ${filter.kind}`);
  if (filter.channel) parts.push(sql`v.channels @> array[${filter.channel}]::text[]`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

function rankOf(terms: readonly string[]): RawBuilder<number> {
  if (terms.length === 0) return sql<number>`0`;
  const inName = sql.join(
    terms.map((t) => sql`lower(v.name) like ${containsPattern(t)}`),
    sql` and `,
  );
  const inAlias = sql.join(
    terms.map((t) => sql`lower(v.name || ' ' || array_to_string(v.aliases, ' ')) like ${containsPattern(t)}`),
    sql` and `,
  );
  return sql<number>`case when ${inName} then 0 when ${inAlias} then 1 else 2 end`;
}

export async function searchItems(
  db: Kysely<DB>,
  filter: SearchFilter,
  today: string,
): Promise<Page<SearchHit>> {
  const terms = queryTerms(filter.q ?? '');
  const after = filter.cursor ? decodeCursor(filter.cursor, ['serial', 'serial']) : null;
  const rank = rankOf(terms);
  const { rows } = await sql<{
    item_id: number;
    version_id: number;
    name: string;
    aliases: string[];
    basic_code: string;
    kind: string;
    department_id: number;
    department_name: string;
    life_events: string[];
    subjects: string[];
    channels: string[];
    max_visits: number;
    promised_days: number;
    legal_days: number;
    online_depth: number;
    is_bundle: boolean;
    applicable: boolean;
    rank: number;
  }>`
    with page as (
      -- The page is chosen on cheap columns (rank, ids); the guide figures are read for it alone.
      select v.id, v.item_id, ${rank} as rank
      from catalogue_item_versions v
      join catalogue_items i on i.id = v.item_id
      where ${filters(filter, today)}
      ${after ? sql`and (${rank}, v.item_id) > (${after[0] - 1}, ${after[1]})` : sql``}
      order by 3, v.item_id
      limit ${filter.limit + 1}
    )
    select v.item_id, v.id as version_id, v.name, v.aliases, i.basic_code, i.kind, i.department_id,
           d.name as department_name, v.life_events, v.subjects, v.channels, v.max_visits,
           (v.guide->>'promisedDays')::int as promised_days, (v.guide->>'legalDays')::int as legal_days,
           (v.guide->>'onlineDepth')::int as online_depth, i.is_bundle,
           not exists (select 1 from catalogue_items c where c.parent_id = i.id) as applicable,
           page.rank
    from page
    join catalogue_item_versions v on v.id = page.id
    join catalogue_items i on i.id = v.item_id
    join (${departmentNameRelation(db)}) d on d.id = i.department_id
    order by page.rank, page.item_id
  `.execute(db);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      itemId: r.item_id,
      versionId: r.version_id,
      name: r.name,
      aliases: r.aliases,
      basicCode: r.basic_code,
      kind: r.kind as ItemKind,
      departmentId: r.department_id,
      departmentName: r.department_name,
      lifeEvents: r.life_events,
      subjects: r.subjects as SubjectKind[],
      channels: r.channels as Channel[],
      maxVisits: r.max_visits,
      promisedDays: r.promised_days,
      legalDays: r.legal_days,
      onlineDepth: r.online_depth,
      isBundle: r.is_bundle,
      applicable: r.applicable,
      rank: r.rank,
    })),
    // Cursor keys must be ≥ 1 (serial): the rank travels shifted by one.
    nextCursor: rows.length > filter.limit && last ? encodeCursor([last.rank + 1, last.item_id]) : null,
  };
}

export interface Facet {
  value: string | number;
  label: string;
  count: number;
}

/** Life events and departments with how many items in force today each has. */
export async function searchFacets(
  db: Kysely<DB>,
  today: string,
): Promise<{
  lifeEvents: { value: string; count: number }[];
  departments: { value: number; label: string; count: number }[];
}> {
  const events = await sql<{ value: string; count: number }>`
    select e.value, count(*)::int as count
    from catalogue_item_versions v, unnest(v.life_events) as e(value)
    where ${inForce(today)}
    group by e.value order by count desc, e.value`.execute(db);
  const departments = await sql<{ value: number; label: string; count: number }>`
    select i.department_id as value, d.name as label, count(*)::int as count
    from catalogue_item_versions v
    join catalogue_items i on i.id = v.item_id
    join (${departmentNameRelation(db)}) d on d.id = i.department_id
    where ${inForce(today)}
    group by i.department_id, d.name order by count desc, d.name`.execute(db);
  return { lifeEvents: events.rows, departments: departments.rows };
}
