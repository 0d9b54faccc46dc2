/** The API shape of a component: built explicitly from the joined row, never the row itself. */
import type { ComponentViewRow } from './repo.js';
import {
  DATA_SOURCE_LABELS,
  STATUS_LABELS,
  type ComponentDataSource,
  type ComponentGeometry,
  type ComponentStatus,
} from './rules.js';

export interface RegionRef {
  code: string;
  name: string;
}

export interface DepartmentRef {
  id: number;
  name: string;
  creditCode: string | null;
}

export interface ComponentView {
  id: string;
  identifier: string;
  name: string;
  classification: {
    id: number;
    standard: string;
    code: string;
    name: string;
    majorCode: string;
    majorName: string;
  };
  geometry: ComponentGeometry;
  location: {
    grid: RegionRef | null;
    community: RegionRef | null;
    street: RegionRef | null;
    district: RegionRef;
  };
  competentDepartment: DepartmentRef;
  ownerDepartment: DepartmentRef | null;
  maintainerDepartment: DepartmentRef | null;
  status: ComponentStatus;
  statusLabel: string;
  initialDate: string;
  changedDate: string | null;
  dataSource: ComponentDataSource | null;
  dataSourceLabel: string | null;
  remarks: string | null;
  attributes: Record<string, unknown>;
  version: number;
  createdAt: string;
  updatedAt: string;
}

function region(code: string | null, name: string | null): RegionRef | null {
  return code === null ? null : { code, name: name ?? code };
}

function department(id: number | null, name: string | null, creditCode: string | null): DepartmentRef | null {
  return id === null ? null : { id, name: name ?? '', creditCode };
}

export function presentComponent(row: ComponentViewRow): ComponentView {
  return {
    id: row.id,
    identifier: row.identifier,
    name: row.name,
    classification: {
      id: row.class_id,
      standard: row.class_standard,
      code: row.class_code,
      name: row.class_name,
      majorCode: row.class_major_code,
      majorName: row.class_major_name,
    },
    geometry: JSON.parse(row.geometry) as ComponentGeometry,
    location: {
      grid: region(row.grid_code, row.grid_name),
      community: region(row.community_code, row.community_name),
      street: region(row.street_code, row.street_name),
      district: { code: row.district_code, name: row.district_name },
    },
    competentDepartment: {
      id: row.competent_id,
      name: row.competent_name,
      creditCode: row.competent_credit_code,
    },
    ownerDepartment: department(row.owner_id, row.owner_name, row.owner_credit_code),
    maintainerDepartment: department(row.maintainer_id, row.maintainer_name, row.maintainer_credit_code),
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    initialDate: row.initial_date,
    changedDate: row.changed_date,
    dataSource: row.data_source,
    dataSourceLabel: row.data_source === null ? null : DATA_SOURCE_LABELS[row.data_source],
    remarks: row.remarks,
    attributes: row.attributes,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
