/**
 * Evaluation (综合评价) of departments and regions for a period: facts → indicator values →
 * scores → weighted composite → grade → rank, and the drill-down from a count to its cases.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { validationError } from '../shared/errors.js';
import { computeFacts, emptyFacts, factCaseIds, type SubjectKind } from './facts.js';
import {
  applyProfile,
  DEPARTMENT_PROFILE,
  FACT_KEYS,
  PROFILES,
  REGION_PROFILE,
  type FactKey,
  type Facts,
  type Grade,
  type ItemResult,
  type Profile,
} from './registry.js';

export type EvaluationSubject = 'department' | 'street' | 'community';

export interface EvaluateRequest {
  object: EvaluationSubject;
  from: Date;
  to: Date;
  /** Defaults to the department or region profile. */
  profileKey?: string;
}

export interface EvaluationRow {
  /** Department id (as text) or region code. */
  subject: string;
  name: string;
  facts: Facts;
  items: ItemResult[];
  composite: number | null;
  grade: Grade | null;
  /** 1 = best; ties share a rank (1, 1, 3); null without a composite. */
  rank: number | null;
}

export interface Evaluation {
  profile: { key: string; name: string };
  object: EvaluationSubject;
  from: Date;
  to: Date;
  rows: EvaluationRow[];
}

function checkPeriod(from: Date, to: Date): void {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from.getTime() >= to.getTime())
    throw validationError([{ field: 'from', reason: 'must be a date before to' }]);
}

function profileFor(object: EvaluationSubject, key: string | undefined): Profile {
  const profile =
    key === undefined ? (object === 'department' ? DEPARTMENT_PROFILE : REGION_PROFILE) : PROFILES[key];
  const wanted = object === 'department' ? 'department' : 'region';
  if (!profile || profile.object !== wanted)
    throw validationError([{ field: 'profileKey', reason: `no ${wanted} profile ${key ?? ''}` }]);
  return profile;
}

async function subjects(
  db: Kysely<DB>,
  object: EvaluationSubject,
): Promise<Array<{ key: string; name: string }>> {
  if (object === 'department') {
    const rows = await db
      .selectFrom('departments')
      .select(['id', 'name'])
      .where('active', '=', true)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ key: String(r.id), name: r.name }));
  }
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('level', '=', object)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ key: r.code, name: r.name }));
}

/** Competition ranking by composite, best first; subjects without a composite get no rank. */
export function rank<T extends { composite: number | null; rank: number | null }>(rows: T[]): T[] {
  const scored = rows.filter((r) => r.composite !== null).sort((a, b) => b.composite! - a.composite!);
  scored.forEach((row, i) => {
    const previous = scored[i - 1];
    row.rank = previous && previous.composite === row.composite ? previous.rank : i + 1;
  });
  const unscored = rows.filter((r) => r.composite === null);
  return [...scored, ...unscored];
}

/** Evaluates every active department, or every street or community, over [from, to). */
export async function evaluate(db: Kysely<DB>, request: EvaluateRequest): Promise<Evaluation> {
  checkPeriod(request.from, request.to);
  const profile = profileFor(request.object, request.profileKey);
  const period = { from: request.from, to: request.to };
  const facts = await computeFacts(db, request.object satisfies SubjectKind, period);
  const rows: EvaluationRow[] = (await subjects(db, request.object)).map((subject) => {
    const own = facts.get(subject.key) ?? emptyFacts();
    const result = applyProfile(profile, own);
    return { subject: subject.key, name: subject.name, facts: own, ...result, rank: null };
  });
  return {
    profile: { key: profile.key, name: profile.name },
    object: request.object,
    from: request.from,
    to: request.to,
    rows: rank(rows),
  };
}

export interface DrillDownRequest {
  object: EvaluationSubject | 'grid';
  /** Department id or region code. */
  subject: string | number;
  from: Date;
  to: Date;
  fact: FactKey;
}

/** The case ids behind one base count of one subject. */
export async function drillDown(db: Kysely<DB>, request: DrillDownRequest): Promise<number[]> {
  checkPeriod(request.from, request.to);
  if (!(FACT_KEYS as readonly string[]).includes(request.fact) || request.fact === 'grids')
    throw validationError([{ field: 'fact', reason: `no case fact ${request.fact}` }]);
  return factCaseIds(
    db,
    request.object,
    { from: request.from, to: request.to },
    request.fact,
    String(request.subject),
  );
}
