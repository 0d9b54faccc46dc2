/** docs/domain/case-workflow.md shows the transition table; this keeps it equal to the code. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderTransitionRow } from './test-support.js';
import { TRANSITIONS } from './transitions.js';

const DOC = readFileSync(new URL('../../../docs/domain/case-workflow.md', import.meta.url), 'utf8');
const docRows = DOC.split('\n').filter((line) =>
  /^\| (`[a-z_]+`|any open status) \| `[a-z-]+` \|/.test(line),
);

function expectedRows(): string[] {
  const rows = TRANSITIONS.filter((t) => t.action !== 'cancel' && t.action !== 'escalate').map((t) =>
    renderTransitionRow(t),
  );
  for (const action of ['cancel', 'escalate'] as const) {
    const all = TRANSITIONS.filter((t) => t.action === action);
    const shapes = new Set(
      all.map((t) => renderTransitionRow(t, { from: 'any open status', to: 'unchanged' })),
    );
    expect(shapes.size, `${action} rows differ only in their status`).toBe(1);
    const first = all[0];
    if (first === undefined) throw new Error(`no ${action} rows`);
    rows.push(
      renderTransitionRow(first, {
        from: 'any open status',
        to: action === 'escalate' ? 'unchanged' : undefined,
      }),
    );
  }
  return rows;
}

describe('docs/domain/case-workflow.md', () => {
  it('shows exactly the transition table of the code', () => {
    expect(docRows).toEqual(expectedRows());
  });
});
