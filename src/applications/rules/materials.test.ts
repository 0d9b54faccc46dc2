import { describe, expect, it } from 'vitest';
import { testGuide } from '../../../test/helpers/catalogue.js';
import {
  applyMarks,
  attachMaterials,
  correctionAnswerErrors,
  correctionItems,
  missingRequired,
} from './materials.js';

const requirements = testGuide().materials; // id_card (certificate), application_form, authorization (conditional)
const empty = requirements.map((r) => ({ key: r.key, fileId: null, mark: null, note: null }));

describe('application materials', () => {
  it('keeps one slot per requirement and attaches files by key', () => {
    const { materials, errors } = attachMaterials(
      requirements,
      [],
      [{ key: 'application_form', fileId: 'f1' }],
    );
    expect(errors).toEqual([]);
    expect(materials).toEqual([
      { key: 'id_card', fileId: null, mark: null, note: null },
      { key: 'application_form', fileId: 'f1', mark: null, note: null },
      { key: 'authorization', fileId: null, mark: null, note: null },
    ]);
  });

  it('names an unknown or repeated key by its index', () => {
    const { errors } = attachMaterials(
      requirements,
      [],
      [
        { key: 'nope', fileId: 'f1' },
        { key: 'id_card', fileId: 'f2' },
        { key: 'id_card', fileId: 'f3' },
      ],
    );
    expect(errors.map((e) => e.field)).toEqual(['/materials/0/key', '/materials/2/key']);
  });

  it('drops the mark of a slot whose file changes, keeps it otherwise', () => {
    const current = [{ key: 'application_form', fileId: 'f1', mark: 'wrong' as const, note: '缺签名' }];
    expect(
      attachMaterials(requirements, current, [{ key: 'application_form', fileId: 'f2' }]).materials[1],
    ).toEqual({
      key: 'application_form',
      fileId: 'f2',
      mark: null,
      note: null,
    });
    expect(
      attachMaterials(requirements, current, [{ key: 'application_form', fileId: 'f1' }]).materials[1]!.mark,
    ).toBe('wrong');
  });

  it('asks only for required materials the government does not obtain itself', () => {
    expect(missingRequired(requirements, empty).map((r) => r.key)).toEqual(['application_form']);
    expect(
      missingRequired(requirements, [{ key: 'application_form', fileId: 'f', mark: null, note: null }]),
    ).toEqual([]);
  });

  it('applies the window’s marks, refusing unknown keys and “ok” for a missing file', () => {
    const withFile = attachMaterials(requirements, [], [{ key: 'application_form', fileId: 'f1' }]).materials;
    const ok = applyMarks(withFile, [
      { key: 'application_form', mark: 'ok' },
      { key: 'authorization', mark: 'missing', note: '委托他人代办的须提供' },
    ]);
    expect(ok.errors).toEqual([]);
    expect(ok.materials[1]).toMatchObject({ mark: 'ok', note: null });
    expect(ok.materials[2]).toMatchObject({ mark: 'missing', note: '委托他人代办的须提供' });
    const bad = applyMarks(withFile, [
      { key: 'x', mark: 'ok' },
      { key: 'id_card', mark: 'ok' },
      { key: 'application_form', mark: 'ok' },
      { key: 'application_form', mark: 'wrong' },
    ]);
    expect(bad.errors.map((e) => e.field)).toEqual(['/marks/0/key', '/marks/1/mark', '/marks/3/key']);
  });
});

describe('一次性告知', () => {
  it('lists every item at once, by material key (named from the guide) or by name', () => {
    const { items, errors } = correctionItems(requirements, [
      { key: 'application_form', reason: '缺少签名' },
      { name: '房屋租赁合同', reason: '须提供居住证明' },
    ]);
    expect(errors).toEqual([]);
    expect(items).toEqual([
      { key: 'application_form', name: '申请表', reason: '缺少签名' },
      { key: null, name: '房屋租赁合同', reason: '须提供居住证明' },
    ]);
  });

  it('refuses an empty list, unknown or repeated keys, nameless items and blank reasons', () => {
    expect(correctionItems(requirements, []).errors.map((e) => e.field)).toEqual(['/items']);
    const { errors } = correctionItems(requirements, [
      { key: 'nope', reason: 'x' },
      { key: 'id_card', reason: 'x' },
      { key: 'id_card', reason: 'y' },
      { name: '  ', reason: 'x' },
      { key: 'application_form', reason: '  ' },
    ]);
    expect(errors.map((e) => e.field)).toEqual([
      '/items/0/key',
      '/items/2/key',
      '/items/3/name',
      '/items/4/reason',
    ]);
  });

  it('needs a new file for every listed material in the correction', () => {
    const correction = {
      requestedAt: '2026-03-02T02:00:00.000Z',
      items: [
        { key: 'application_form', name: '申请表', reason: '缺少签名' },
        { key: null, name: '说明', reason: 'x' },
      ],
      note: null,
      correctedAt: null,
    };
    const before = attachMaterials(requirements, [], [{ key: 'application_form', fileId: 'f1' }]).materials;
    expect(correctionAnswerErrors(correction, before, before)).toEqual([
      { field: '/materials', reason: expect.stringContaining('申请表') },
    ]);
    const after = attachMaterials(requirements, before, [
      { key: 'application_form', fileId: 'f2' },
    ]).materials;
    expect(correctionAnswerErrors(correction, before, after)).toEqual([]);
  });
});
