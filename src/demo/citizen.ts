/**
 * The demo citizen (demo only): an account with the phone number 13800000000 and the demo
 * password, and three reports made through the real citizen channel and moved through the real
 * workflow by the demo staff — one just received, one being handled, one closed with an
 * after-photo and waiting for its rating. Seeded once, after the demo case simulation.
 */
import sharp from 'sharp';
import { sql, type Kysely } from 'kysely';
import { registerCitizen } from '../citizens/index.js';
import {
  performAction,
  loadCaseRow,
  type ActionRequest,
  type CaseServiceDeps,
  type CaseAction,
} from '../cases/index.js';
import type { DB } from '../db/schema.js';
import { prepareImage, storeImage } from '../files/index.js';
import { loadActor } from '../identity/index.js';
import { submitPublicReport } from '../public/index.js';
import { blindIndexCandidates, type KeyRing } from '../reporters/index.js';
import type { RequestContext } from '../shared/context.js';
import { DEMO_PASSWORD } from './departments.js';

export const DEMO_CITIZEN_PHONE = '13800000000';
const DEMO_STREET = '110101001';

type Say = (message: string) => void;

async function contextOf(db: Kysely<DB>, username: string): Promise<RequestContext> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const actor = await loadActor(db, user.id);
  if (!actor) throw new Error(`demo account ${username} is not active`);
  return { actor, clientIp: null, requestId: 'demo-citizen' };
}

export async function isDemoCitizenSeeded(db: Kysely<DB>, ring: KeyRing): Promise<boolean> {
  const row = await db
    .selectFrom('citizens')
    .select('id')
    .where('phone_index', 'in', blindIndexCandidates(ring, DEMO_CITIZEN_PHONE))
    .executeTakeFirst();
  return row !== undefined;
}

export async function seedDemoCitizen(
  db: Kysely<DB>,
  deps: CaseServiceDeps & { reporterKeys: KeyRing },
  say: Say,
): Promise<void> {
  const ring = deps.reporterKeys;
  if (await isDemoCitizenSeeded(db, ring)) return;
  const citizen = await registerCitizen(
    db,
    ring,
    { phone: DEMO_CITIZEN_PHONE, password: DEMO_PASSWORD, displayName: '演示市民' },
    { clientIp: null, requestId: 'demo-citizen', timeZone: deps.timeZone },
  );
  const grids = await sql<{ lng: number; lat: number }>`
    select ST_X(centroid) as lng, ST_Y(centroid) as lat from regions
    where level = 'grid' and code like ${`${DEMO_STREET}%`} order by code limit 3`.execute(db);
  if (grids.rows.length < 3) throw new Error(`the demo street ${DEMO_STREET} has fewer than 3 grids`);
  const reports: Array<{ category: string; description: string }> = [
    { category: 'C01037', description: '路灯晚上不亮，路口很黑。' },
    { category: 'C01001', description: '井盖松动，车辆经过时响声很大。' },
    { category: 'C01004', description: '雨水箅子被树叶堵住，下雨后积水。' },
  ];
  const ids: number[] = [];
  for (const [i, report] of reports.entries()) {
    const point = grids.rows[i]!;
    const submitted = await submitPublicReport(
      db,
      deps,
      { duplicateMinutes: 0 },
      {
        categoryCode: report.category,
        location: { lng: point.lng, lat: point.lat },
        description: report.description,
      },
      { citizenId: citizen.id, deviceId: null, clientIp: null, userAgent: 'demo', requestId: 'demo-citizen' },
    );
    const row = await db
      .selectFrom('public_reports')
      .select('case_id')
      .where('tracking_code', '=', submitted.trackingCode)
      .executeTakeFirstOrThrow();
    ids.push(row.case_id);
  }
  const [lead, dispatcher, handler, operator, inspector] = await Promise.all(
    ['supervisor', 'dispatcher', 'handler', 'operator', 'inspector'].map((u) => contextOf(db, u)),
  );
  const act = async (
    ctx: RequestContext,
    id: number,
    action: CaseAction,
    request: Omit<ActionRequest, 'version'> = {},
  ) => {
    const row = (await loadCaseRow(db, id, false))!;
    await performAction(db, deps, ctx, id, action, { version: row.version, ...request });
  };
  const photoBytes = await sharp({
    create: { width: 640, height: 480, channels: 3, background: { r: 90, g: 120, b: 140 } },
  })
    .jpeg()
    .toBuffer();
  const afterPhoto = await storeImage(db, handler!, {
    purpose: 'case_photo',
    originalName: 'after.jpg',
    prepared: await prepareImage(photoBytes),
  });
  // Report 2: being handled. Report 3: closed with an after-photo, waiting for a rating.
  for (const id of ids.slice(1)) {
    await act(lead!, id, 'file');
    await act(dispatcher!, id, 'dispatch', { departmentId: handler!.actor.departmentId! });
    await act(handler!, id, 'accept');
  }
  const closed = ids[2]!;
  await act(handler!, closed, 'handle', { note: '已清理雨水箅子', afterPhotoIds: [afterPhoto.meta.id] });
  await act(operator!, closed, 'send-verify');
  await act(inspector!, closed, 'pass');
  await act(lead!, closed, 'close');
  say(`  demo citizen ${DEMO_CITIZEN_PHONE} (password "${DEMO_PASSWORD}"): 3 reports`);
}
