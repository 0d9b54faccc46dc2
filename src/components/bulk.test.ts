import { beforeAll, describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import {
  countComponents,
  createDepartment,
  pointIn,
  type TestDepartment,
} from '../../test/helpers/components.js';
import { ORIGIN } from '../../test/helpers/geography.js';
import { useTestServices } from '../../test/helpers/services.js';
import { importRegions } from '../geography/index.js';
import { systemContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { createComponentsBulk, type ComponentRow } from './bulk.js';

const t = useTestServices();
let department: TestDepartment;

beforeAll(async () => {
  department = await createDepartment(t());
});

function row(overrides: Partial<ComponentRow> = {}): ComponentRow {
  return {
    classCode: '03005',
    name: '垃圾箱',
    geometry: pointIn([1, 2, 1]),
    competentDepartment: department.id,
    initialDate: '2024-05-01',
    ...overrides,
  };
}

describe('createComponentsBulk (the seeder and scripts)', () => {
  it('creates rows in one transaction, allocating after identifiers given in the same batch', async () => {
    const report = await createComponentsBulk(t().database.db, systemContext(), [
      row({ identifier: '11010103005000010' }),
      row(),
      row({ competentDepartment: department.creditCode, status: '废弃' }),
    ]);
    expect(report).toMatchObject({ total: 3, created: 3, rejected: [] });
    expect(report.components.map((c) => [c.index, c.identifier])).toEqual([
      [0, '11010103005000010'],
      [1, '11010103005000011'],
      [2, '11010103005000012'],
    ]);
    const audit = await t()
      .database.db.selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('action', '=', 'components.create_bulk')
      .execute();
    expect(audit).toEqual([{ action: 'components.create_bulk', actor_name: 'system' }]);
  });

  it('refuses the batch with IMPORT_REJECTED naming rows[i].field, or skips the bad rows when told', async () => {
    const before = await countComponents(t());
    const rows = [
      row(),
      row({ status: 'broken', initialDate: 'yesterday' }),
      row({ competentDepartment: 999999 }),
    ];
    const refused = await createComponentsBulk(t().database.db, systemContext(), rows).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('IMPORT_REJECTED');
    expect((refused as DomainError).extra.errors?.map((e) => e.field)).toEqual([
      'rows[1].status',
      'rows[1].initialDate',
      'rows[2].competentDepartment',
    ]);
    expect(await countComponents(t())).toBe(before);
    const skipped = await createComponentsBulk(t().database.db, systemContext(), rows, { skipInvalid: true });
    expect(skipped).toMatchObject({ total: 3, created: 1 });
    expect(skipped.rejected.map((e) => e.index)).toEqual([1, 1, 2]);
  });

  it('places components in grids created earlier in the same transaction (the demo seeder)', async () => {
    const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
      type: 'Polygon',
      coordinates: [
        [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
          [x0, y0],
        ],
      ],
    });
    const [x, y] = [ORIGIN.lng + 0.02, ORIGIN.lat];
    const feature = (code: string, name: string): Feature<Polygon> => ({
      type: 'Feature',
      properties: { code, name },
      geometry: box(x, y, x + 0.002, y + 0.002),
    });
    const district: FeatureCollection<Polygon> = {
      type: 'FeatureCollection',
      features: [
        feature('110102', '西城区'),
        feature('110102001', '测试街道'),
        feature('110102001001', '测试社区'),
        feature('110102001001001', '测试网格'),
      ],
    };
    const report = await t()
      .database.db.transaction()
      .execute(async (tx) => {
        await importRegions(tx, systemContext(), district);
        return createComponentsBulk(tx, systemContext(), [
          row({ geometry: { type: 'Point', coordinates: [x + 0.001, y + 0.001] } }),
        ]);
      });
    expect(report.components[0]!.identifier).toBe('11010203005000001');
    const stored = await t()
      .database.db.selectFrom('components')
      .select(['grid_code', 'community_code', 'street_code', 'district_code'])
      .where('id', '=', report.components[0]!.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      grid_code: '110102001001001',
      community_code: '110102001001',
      street_code: '110102001',
      district_code: '110102',
    });
  });
});
