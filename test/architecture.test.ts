/**
 * The house rules that reading cannot keep (docs/architecture.md, ADR-2): a module is entered
 * through its door (`index.ts`), and a module's tables are read and written by that module alone.
 *
 * Both checks read the source as text: imports by their specifier, tables by the Kysely calls
 * (`selectFrom('x')`, `insertInto`, `updateTable`, `deleteFrom`, joins) and by `from x` / `join x` /
 * `into x` / `update x` in `sql` templates. Known violations are listed in
 * test/architecture-baseline.json, which may only shrink (issue #12 takes it to zero): a new
 * violation fails, and so does a listed one that is gone (remove it from the list).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');

/** Folders under src/ that are not domain modules: anyone may import them anywhere. */
const INFRASTRUCTURE = new Set(['shared', 'db', 'http', 'cli', 'demo']);

/** Which module owns each table (the only one that may query it). */
const TABLE_OWNERS: Record<string, string> = {
  regions: 'geography',
  geography_revision: 'geography',
  classifications: 'classification',
  classification_crosswalk: 'classification',
  departments: 'departments',
  department_responsibilities: 'departments',
  components: 'components',
  component_identifier_sequences: 'components',
  users: 'identity',
  user_regions: 'identity',
  sessions: 'identity',
  api_tokens: 'identity',
  login_throttle: 'identity',
  audit_log: 'audit',
  idempotency_keys: 'http',
  stage_limits: 'cases',
  handling_limits: 'cases',
  calendar_overrides: 'calendar',
  calendar_years: 'calendar',
  routing_rules: 'cases',
  case_number_counters: 'cases',
  cases: 'cases',
  case_clocks: 'cases',
  case_events: 'cases',
  case_photos: 'cases',
  case_deadline_alerts: 'cases',
  case_public_notes: 'cases',
  files: 'files',
  outbox: 'messaging',
  notifications: 'notifications',
  webhook_subscriptions: 'webhooks',
  webhook_deliveries: 'webhooks',
  webhook_delivery_attempts: 'webhooks',
  case_reporters: 'reporters',
  open311_api_keys: 'open311',
  open311_tokens: 'open311',
  open311_requests: 'open311',
  open311_service_rules: 'open311',
  open311_media: 'open311',
  open311_updates: 'open311',
  citizens: 'citizens',
  citizen_sessions: 'citizens',
  legal_persons: 'applicants',
  legal_person_links: 'applicants',
  authorisations: 'applicants',
  authorisation_items: 'applicants',
  citizen_notifications: 'notifications',
  outbound_messages: 'notifications',
  public_categories: 'public',
  public_uploads: 'public',
  public_reports: 'public',
  case_ratings: 'public',
  reopen_requests: 'public',
  eval_case_rollups: 'evaluation',
  eval_actor_rollups: 'evaluation',
  eval_hour_rollups: 'evaluation',
  evaluation_profiles: 'evaluation',
  catalogue_items: 'catalogue',
  catalogue_item_versions: 'catalogue',
  applications: 'applications',
  application_events: 'applications',
  application_counters: 'applications',
  application_alerts: 'applications',
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

const moduleOf = (file: string): string => path.relative(src, file).split(path.sep)[0]!;
const rel = (file: string): string => path.relative(root, file).split(path.sep).join('/');

function doorViolations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(src)) {
    const from = moduleOf(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s+'(\.[^']+)'/g)) {
      const target = path.resolve(path.dirname(file), match[1]!);
      if (!target.startsWith(src + path.sep)) continue;
      const to = moduleOf(target);
      if (to === from || INFRASTRUCTURE.has(to) || !fs.existsSync(path.join(src, to))) continue;
      if (path.relative(path.join(src, to), target).replace(/\.js$/, '') === 'index') continue;
      found.push(`${rel(file)} → ${rel(target).replace(/\.js$/, '')}`);
    }
  }
  return found.sort();
}

const TABLE_REFERENCE =
  /\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|mergeInto)\(\s*'([a-z_0-9]+)(?:\s+as\s+\w+)?'|\b(?:from|join|into|update)\s+([a-z_0-9]+)\b/g;

function tableViolations(): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(src)) {
    const owner = moduleOf(file);
    if (owner === 'db' || owner === 'demo' || owner === 'cli') continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(TABLE_REFERENCE)) {
      const table = match[1] ?? match[2]!;
      const tableOwner = TABLE_OWNERS[table];
      if (tableOwner && tableOwner !== owner) found.add(`${rel(file)} → ${table} (${tableOwner})`);
    }
  }
  return [...found].sort();
}

interface Baseline {
  doors: string[];
  tables: string[];
}
const baselinePath = path.join(root, 'test/architecture-baseline.json');
const baseline = JSON.parse(fs.readFileSync(baselinePath, 'utf8')) as Baseline;

function compare(actual: string[], known: string[]): { added: string[]; gone: string[] } {
  const knownSet = new Set(known);
  const actualSet = new Set(actual);
  return { added: actual.filter((v) => !knownSet.has(v)), gone: known.filter((v) => !actualSet.has(v)) };
}

describe('architecture', () => {
  it('knows the owner of every table the migrations create', () => {
    const created = new Set<string>();
    for (const file of fs.readdirSync(path.join(src, 'db/migrations'))) {
      const text = fs.readFileSync(path.join(src, 'db/migrations', file), 'utf8');
      for (const m of text.matchAll(/create table (?:if not exists )?([a-z_0-9]+)/gi)) created.add(m[1]!);
    }
    expect([...created].filter((t) => !(t in TABLE_OWNERS))).toEqual([]);
  });

  it('enters other modules only through their door (no new violation; fixed ones leave the baseline)', () => {
    expect(compare(doorViolations(), baseline.doors)).toEqual({ added: [], gone: [] });
  });

  it("queries another module's tables nowhere new (no new violation; fixed ones leave the baseline)", () => {
    expect(compare(tableViolations(), baseline.tables)).toEqual({ added: [], gone: [] });
  });

  it('shows the current module map in docs/architecture.md', () => {
    const doc = fs.readFileSync(architectureDoc, 'utf8');
    const current = doc.slice(doc.indexOf(MAP_BEGIN), doc.indexOf(MAP_END) + MAP_END.length);
    expect(current).toBe(`${MAP_BEGIN}\n${moduleMap()}\n${MAP_END}`);
  });

  it('loads every door, and the app, first without an initialization error (import cycles stay harmless)', async () => {
    // A fresh process per entry: which module a process loads first decides the evaluation order
    // of an import cycle, and a door read while it is still loading throws.
    const entries = [
      ...fs
        .readdirSync(src, { withFileTypes: true })
        .filter((d) => d.isDirectory() && fs.existsSync(path.join(src, d.name, 'index.ts')))
        .map((d) => path.join(src, d.name, 'index.ts')),
      path.join(src, 'http/app.ts'),
      path.join(src, 'server.ts'),
    ];
    const load = (entry: string) =>
      new Promise<string | null>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', '--input-type=module', '-e', `await import(${JSON.stringify(entry)})`],
          { cwd: root },
          (error, _stdout, stderr) =>
            resolve(
              error ? `${rel(entry)}: ${/\w*Error: .*/.exec(stderr)?.[0] ?? stderr.slice(0, 300)}` : null,
            ),
        );
      });
    const failed: string[] = [];
    for (let i = 0; i < entries.length; i += 4) {
      const results = await Promise.all(entries.slice(i, i + 4).map(load));
      failed.push(...results.filter((r): r is string => r !== null));
    }
    expect(failed).toEqual([]);
  }, 240_000);

  it('has no import cycle through the app: no module imports http/app.ts or the module list', () => {
    const composition = new Set([
      'src/http/app.ts',
      'src/modules.ts',
      'src/server.ts',
      'src/reference-data.ts',
    ]);
    const importers: string[] = [];
    for (const file of sourceFiles(src)) {
      if (composition.has(rel(file)) || moduleOf(file) === 'cli') continue;
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s+'(\.[^']+)'/g)) {
        const target = rel(path.resolve(path.dirname(file), match[1]!)).replace(/\.js$/, '.ts');
        if (composition.has(target)) importers.push(`${rel(file)} → ${target}`);
      }
    }
    expect(importers).toEqual([]);
  });
});

/** Which modules each module imports (values and types), through their doors. */
function calls(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(src)) {
    const from = moduleOf(file);
    if (INFRASTRUCTURE.has(from) || !fs.statSync(path.join(src, from)).isDirectory()) continue;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s+'(\.[^']+)'/g)) {
      const target = path.resolve(path.dirname(file), match[1]!);
      if (!target.startsWith(src + path.sep)) continue;
      const to = moduleOf(target);
      if (to !== from && !INFRASTRUCTURE.has(to) && fs.existsSync(path.join(src, to))) edges.add(to);
    }
  }
  return graph;
}

/** The module map of docs/architecture.md: each module, its door, its tables, what it calls. */
function moduleMap(): string {
  const graph = calls();
  const rows = [...graph.keys()].sort().map((module) => {
    const tables = Object.entries(TABLE_OWNERS)
      .filter(([, owner]) => owner === module)
      .map(([table]) => `\`${table}\``)
      .join(', ');
    const door = fs.existsSync(path.join(src, module, 'index.ts')) ? `\`src/${module}/index.ts\`` : '—';
    const uses = [...(graph.get(module) ?? [])].sort().join(', ');
    return `| \`${module}\` | ${door} | ${tables || '—'} | ${uses || '—'} |`;
  });
  return [
    '| module | door | tables (only it queries them) | calls (through their doors) |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

const MAP_BEGIN = '<!-- module map: generated by test/architecture.test.ts -->';
const MAP_END = '<!-- end of module map -->';
const architectureDoc = path.join(root, 'docs/architecture.md');

if (process.env.SHUZHI_WRITE_ARCHITECTURE_BASELINE === '1') {
  fs.writeFileSync(
    baselinePath,
    `${JSON.stringify({ doors: doorViolations(), tables: tableViolations() }, null, 2)}\n`,
  );
  const doc = fs.readFileSync(architectureDoc, 'utf8');
  const current = doc.slice(doc.indexOf(MAP_BEGIN), doc.indexOf(MAP_END) + MAP_END.length);
  fs.writeFileSync(architectureDoc, doc.replace(current, `${MAP_BEGIN}\n${moduleMap()}\n${MAP_END}`));
}
