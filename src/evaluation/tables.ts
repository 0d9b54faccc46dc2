/** Row types of the evaluation tables (migration 0010), merged into the database interface. */
import type { ColumnType, Generated } from 'kysely';
import type { ActorFact, CaseFact, RegionKind } from './vocabulary.js';

type DateColumn = ColumnType<string, string, string>;
type Count = Generated<number>;

export type EvalCaseRollupsTable = {
  level: RegionKind;
  region_code: string;
  day: DateColumn;
  class_id: number;
  department_id: number;
} & Record<CaseFact, Count>;

export type EvalActorRollupsTable = {
  actor_id: number;
  day: DateColumn;
} & Record<ActorFact, Count>;

export interface EvalHourRollupsTable {
  level: RegionKind;
  region_code: string;
  day: DateColumn;
  hour: number;
  class_id: number;
  department_id: number;
  reported: Count;
}

export interface EvaluationProfilesTable {
  key: string;
  object: string;
  definition: ColumnType<unknown, string, string>;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

declare module '../db/schema.js' {
  interface DB {
    eval_case_rollups: EvalCaseRollupsTable;
    eval_actor_rollups: EvalActorRollupsTable;
    eval_hour_rollups: EvalHourRollupsTable;
    evaluation_profiles: EvaluationProfilesTable;
  }
}
