/**
 * Row types of the catalogue tables (migration 0020), merged into `DB` (src/db/schema.ts) by the
 * module augmentation below.
 */
import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Json, Timestamp } from '../db/columns.js';
import type { ApplicationForm, ServiceGuide } from './model.js';

export interface CatalogueItemsTable {
  id: Generated<number>;
  basic_code: string;
  implementation_code: string;
  kind: string;
  level: string;
  parent_id: number | null;
  situation: string | null;
  is_bundle: Generated<boolean>;
  department_id: number;
  implementing_org_credit_code: string;
  competent_department: string;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface CatalogueItemVersionsTable {
  id: Generated<number>;
  item_id: number;
  number: number;
  state: string;
  valid_from: string | null;
  valid_to: string | null;
  name: string;
  aliases: string[];
  life_events: string[];
  subjects: string[];
  channels: string[];
  max_visits: number;
  guide: Json<ServiceGuide>;
  form: Json<ApplicationForm>;
  bundle_item_ids: number[];
  source: string | null;
  search_text: string;
  published_at: Timestamp | null;
  retired_at: Timestamp | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface CatalogueTables {
  catalogue_items: CatalogueItemsTable;
  catalogue_item_versions: CatalogueItemVersionsTable;
}

declare module '../db/schema.js' {
  interface DB {
    catalogue_items: CatalogueItemsTable;
    catalogue_item_versions: CatalogueItemVersionsTable;
  }
}
