/**
 * The applicant portal's pure rules (web/src/shared/applications): the progress the applicant
 * sees for each state, the materials checked before upload, the principals one may apply for,
 * and the server's material errors put on their requirement.
 */
import { describe, expect, it } from 'vitest';
import {
  fileProblem,
  missingMaterials,
  sizeText,
  uploadable,
} from '../../web/src/shared/applications/materials.js';
import { canWithdraw, expectedDate, progressSteps } from '../../web/src/shared/applications/progress.js';
import type { ApplicationState, MaterialRequirement } from '../../web/src/shared/applications/types.js';

const at = (d: string) => `2026-12-0${d}T02:00:00.000Z`;
const steps = (
  state: ApplicationState,
  history: [string, string][] = [],
  correction: { requestedAt: string; correctedAt?: string | null } | null = null,
) =>
  progressSteps({ state, correction, history: history.map(([action, d]) => ({ action, at: at(d) })) }).map(
    (s) => `${s.key}:${s.status}${s.at ? `@${s.at.slice(8, 10)}` : ''}`,
  );

describe('progress the applicant sees', () => {
  it('walks the five steps from submission to delivery', () => {
    expect(steps('draft')).toEqual([
      'submit:current',
      'accept:waiting',
      'review:waiting',
      'decide:waiting',
      'deliver:waiting',
    ]);
    expect(steps('submitted', [['create', '1']])).toEqual([
      'submit:done@01',
      'accept:current',
      'review:waiting',
      'decide:waiting',
      'deliver:waiting',
    ]);
    for (const state of ['accepted', 'in_review', 'on_hold', 'special_step'] as const)
      expect(
        steps(state, [
          ['submit', '1'],
          ['accept', '2'],
        ]),
      ).toEqual(['submit:done@01', 'accept:done@02', 'review:current', 'decide:waiting', 'deliver:waiting']);
    expect(
      steps('decided', [
        ['submit', '1'],
        ['accept', '2'],
        ['decide', '3'],
      ]),
    ).toEqual(['submit:done@01', 'accept:done@02', 'review:done@03', 'decide:done@03', 'deliver:current']);
    expect(
      steps('delivered', [
        ['register', '1'],
        ['instant', '1'],
        ['deliver', '4'],
      ]),
    ).toEqual(['submit:done@01', 'accept:done@01', 'review:done@01', 'decide:done@01', 'deliver:done@04']);
  });

  it('shows the one correction as its own step, current while it is asked for', () => {
    const asked = { requestedAt: at('2') };
    expect(
      steps(
        'correction_requested',
        [
          ['submit', '1'],
          ['request_correction', '2'],
        ],
        asked,
      ),
    ).toEqual([
      'submit:done@01',
      'correction:current',
      'accept:waiting',
      'review:waiting',
      'decide:waiting',
      'deliver:waiting',
    ]);
    expect(
      steps(
        'submitted',
        [
          ['submit', '1'],
          ['correct', '3'],
        ],
        { ...asked, correctedAt: at('3') },
      ),
    ).toEqual([
      'submit:done@01',
      'correction:done@03',
      'accept:current',
      'review:waiting',
      'decide:waiting',
      'deliver:waiting',
    ]);
  });

  it('ends the path where a refusal to accept or a withdrawal stopped it', () => {
    expect(
      steps('rejected', [
        ['submit', '1'],
        ['reject', '2'],
      ]),
    ).toEqual(['submit:done@01', 'rejected:stopped@02']);
    expect(
      steps('withdrawn', [
        ['submit', '1'],
        ['withdraw', '2'],
      ]),
    ).toEqual(['submit:done@01', 'withdrawn:stopped@02']);
    expect(
      steps('withdrawn', [
        ['submit', '1'],
        ['accept', '2'],
        ['withdraw', '3'],
      ]),
    ).toEqual(['submit:done@01', 'accept:done@02', 'withdrawn:stopped@03']);
  });

  it('offers withdrawal only when the server allows it, and the date only once fixed', () => {
    expect(canWithdraw({ state: 'submitted', allowedActions: ['withdraw'] })).toBe(true);
    expect(canWithdraw({ state: 'decided', allowedActions: [] })).toBe(false);
    expect(expectedDate({ clock: { expectedCompletionDate: '2026-12-22' } })).toBe('2026-12-22');
    expect(expectedDate({ clock: { expectedCompletionDate: null } })).toBeNull();
    expect(expectedDate({})).toBeNull();
  });
});

describe('materials before upload', () => {
  const MiB = 1_048_576;
  it('takes PDFs up to 20 MiB and images up to 10 MiB, nothing else', () => {
    expect(fileProblem({ name: 'a.pdf', type: 'application/pdf', size: 20 * MiB })).toBeNull();
    expect(fileProblem({ name: 'a.pdf', type: 'application/pdf', size: 20 * MiB + 1 })).toEqual({
      kind: 'size',
      size: '20.0MB',
    });
    expect(fileProblem({ name: 'scan.PDF', type: '', size: 100 })).toBeNull();
    expect(fileProblem({ name: 'p.jpg', type: 'image/jpeg', size: 10 * MiB })).toBeNull();
    expect(fileProblem({ name: 'p.png', type: 'image/png', size: 10 * MiB + 1 })).toEqual({
      kind: 'size',
      size: '10.0MB',
    });
    expect(fileProblem({ name: 'note.txt', type: 'text/plain', size: 10 })).toEqual({ kind: 'type' });
    expect(
      fileProblem({
        name: 'x.docx',
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        size: 10,
      }),
    ).toEqual({ kind: 'type' });
    expect(sizeText(450 * 1024)).toBe('450KB');
  });

  const req = (
    key: string,
    required: boolean,
    source: MaterialRequirement['source'] = 'applicant',
  ): MaterialRequirement => ({
    key,
    name: key,
    form: 'copy',
    copies: 1,
    required,
    condition: null,
    source,
    notes: '',
  });

  it('asks no upload of what the government obtains itself, and names the required ones missing', () => {
    const all = [
      req('id_card', true, 'certificate'),
      req('photo', true),
      req('proof', true),
      req('extra', false),
      req('shared', true, 'sharing'),
    ];
    expect(uploadable(all).map((r) => r.key)).toEqual(['photo', 'proof', 'extra']);
    expect(missingMaterials(all, { photo: { fileId: 'f1' } }).map((r) => r.key)).toEqual(['proof']);
    expect(missingMaterials(all, { photo: { fileId: 'f1' }, proof: { fileId: 'f2' } })).toEqual([]);
  });
});
