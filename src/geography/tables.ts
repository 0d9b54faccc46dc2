/** Row types of the geography tables (migration 0001), composed into `DB` by src/db/schema.ts. */
import type { Generated } from 'kysely';
import type { Geometry, GeneratedTimestamp } from '../db/columns.js';
import type { RegionLevel } from './levels.js';

export interface RegionsTable {
  code: string;
  name: string;
  short_name: string | null;
  level: RegionLevel;
  parent_code: string | null;
  code_scheme: string;
  geom: Geometry;
  area_m2: number;
  centroid: Geometry;
  synthetic: Generated<boolean>;
  source: string | null;
  land_use_code: string | null;
  management_level: string | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface GeographyRevisionTable {
  id: Generated<boolean>;
  revision: number;
  changed_at: GeneratedTimestamp;
}

export interface GeographyTables {
  regions: RegionsTable;
  geography_revision: GeographyRevisionTable;
}
