/**
 * Row types of the component tables (migrations 0001, 0002), composed into `DB` by
 * src/db/schema.ts.
 */
import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Geometry, Json } from '../db/columns.js';
import type { ComponentDataSource, ComponentStatus } from './rules.js';

export interface ComponentsTable {
  id: string;
  identifier: string;
  classification_id: number;
  name: string;
  geom: Geometry;
  grid_code: string | null;
  community_code: string | null;
  street_code: string | null;
  district_code: string;
  competent_department_id: number;
  owner_department_id: number | null;
  maintainer_department_id: number | null;
  status: ComponentStatus;
  initial_date: string;
  changed_date: string | null;
  data_source: ComponentDataSource | null;
  remarks: string | null;
  attributes: Json<Record<string, unknown>>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

/** Migration 0002: the last sequence given out per component-identifier prefix (county + type code). */
export interface ComponentIdentifierSequencesTable {
  prefix: string;
  last_value: number;
}

export interface ComponentTables {
  components: ComponentsTable;
  component_identifier_sequences: ComponentIdentifierSequencesTable;
}
