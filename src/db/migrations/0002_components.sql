-- Components, departments and the classification directory as the HTTP modules use them:
-- constraints that the services also check (the database is the last line), identifier
-- sequences, and indexes for the jurisdiction and filter predicates.

-- Optimistic locking of the directory's editable fields (public name, help text, active).
ALTER TABLE classifications ADD COLUMN version integer NOT NULL DEFAULT 1;

-- Department kinds are a fixed list (src/departments/kinds.ts); the credit code follows GB 32100
-- (its check characters are verified by the service, the shape here).
ALTER TABLE departments ADD CONSTRAINT departments_kind_check CHECK (kind IN (
  'urban_management', 'municipal', 'landscaping', 'sanitation', 'transport', 'water',
  'traffic_police', 'housing', 'market_regulation', 'street_office', 'utility', 'other'));
ALTER TABLE departments ADD CONSTRAINT departments_credit_code_check
  CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$');

-- A responsibility names a classification standard and a major class ('01') or a full class code
-- ('01001', '0101').
ALTER TABLE department_responsibilities ADD CONSTRAINT department_responsibilities_standard_check
  CHECK (standard IN ('GB/T 47678.5-2026', 'CJ/T 214-2007', 'LOCAL'));
ALTER TABLE department_responsibilities ADD CONSTRAINT department_responsibilities_prefix_check
  CHECK (class_code_prefix ~ '^[0-9]{2}([0-9]{2,3})?$');
CREATE INDEX department_responsibilities_lookup_idx
  ON department_responsibilities (kind, standard, class_code_prefix);

-- 管理部件标识码: 17 digits (GB/T 47678.5-2026) or 16 digits (CJ/T 214-2007).
ALTER TABLE components ADD CONSTRAINT components_identifier_check CHECK (identifier ~ '^[0-9]{16,17}$');
ALTER TABLE components ADD CONSTRAINT components_geometry_type_check CHECK (ST_GeometryType(geom) IN (
  'ST_Point', 'ST_LineString', 'ST_Polygon', 'ST_MultiPoint', 'ST_MultiLineString', 'ST_MultiPolygon'));
ALTER TABLE components ADD CONSTRAINT components_changed_date_check
  CHECK (changed_date IS NULL OR changed_date >= initial_date);

-- The last sequence number given out per identifier prefix (6-digit county + type code). The row
-- lock taken by the allocating UPDATE serialises concurrent creators of the same prefix.
CREATE TABLE component_identifier_sequences (
  prefix      text PRIMARY KEY CHECK (prefix ~ '^[0-9]{10,11}$'),
  last_value  integer NOT NULL CHECK (last_value >= 0)
);

-- Identifier prefix scans (next sequence, q=identifier prefix), the region a component is in
-- (jurisdiction and regionCode filter; the grid is NULL only while grids are regenerated), and
-- the department columns of the jurisdiction predicate.
CREATE INDEX components_identifier_prefix_idx ON components (identifier text_pattern_ops);
CREATE INDEX components_region_idx
  ON components ((coalesce(grid_code, community_code, street_code, district_code)) text_pattern_ops);
CREATE INDEX components_owner_idx ON components (owner_department_id);
