import { describe, expect, it } from 'vitest';
import { bundleProgress, childForm, childMaterials } from './bundle.js';

describe('一件事 bundles', () => {
  it('is complete when every child is decided or delivered, approved only if all were approved', () => {
    expect(bundleProgress([])).toMatchObject({
      total: 0,
      decided: 0,
      percent: 0,
      complete: false,
      outcome: null,
    });
    expect(
      bundleProgress([
        { state: 'decided', outcome: 'approved' },
        { state: 'in_review', outcome: null },
        { state: 'accepted', outcome: null },
      ]),
    ).toEqual({ total: 3, decided: 1, percent: 33, complete: false, outcome: null, refused: 0 });
    expect(
      bundleProgress([
        { state: 'decided', outcome: 'approved' },
        { state: 'delivered', outcome: 'approved' },
      ]),
    ).toMatchObject({ complete: true, outcome: 'approved', percent: 100 });
    expect(
      bundleProgress([
        { state: 'decided', outcome: 'refused' },
        { state: 'decided', outcome: 'approved' },
      ]),
    ).toMatchObject({ complete: true, outcome: 'refused', refused: 1 });
    expect(bundleProgress([{ state: 'withdrawn', outcome: null }])).toMatchObject({ complete: false });
  });

  it('cuts the one form and the one set of materials per child', () => {
    const schema = { type: 'object', properties: { name: {}, phone: {} } };
    expect(childForm({ name: '张三', phone: '13800000000', shop: '面馆' }, schema)).toEqual({
      name: '张三',
      phone: '13800000000',
    });
    expect(childForm({ shop: '面馆' }, {})).toEqual({});
    const materials = [
      { key: 'id_card', fileId: 'f1', mark: 'ok' as const, note: null },
      { key: 'licence', fileId: 'f2', mark: null, note: null },
    ];
    expect(childMaterials(materials, ['id_card', 'floor_plan'])).toEqual([
      { key: 'id_card', fileId: 'f1', mark: 'ok', note: null },
      { key: 'floor_plan', fileId: null, mark: null, note: null },
    ]);
  });
});
