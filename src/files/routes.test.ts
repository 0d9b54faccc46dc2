import http from 'node:http';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useTestApp, type TestUser } from '../../test/helpers/app.js';
import { MIB } from './images.js';
import { registerFileAccessRule } from './policy.js';
import {
  animatedGif,
  formOf,
  halves,
  PDF_BYTES,
  phonePhoto,
  type FormFile,
} from '../../test/helpers/images.js';

const t = useTestApp();

interface FileRefBody {
  id: string;
  contentType: string;
  byteSize: number;
  width: number;
  height: number;
  sha256: string;
  originalName: string | null;
  url: string;
  thumbnailUrl: string;
  deduplicated: boolean;
}

function upload(
  user: TestUser | null,
  files: FormFile[] | FormData,
  options: { query?: string; headers?: Record<string, string> } = {},
) {
  return t().as(user, {
    method: 'POST',
    url: `/api/v1/files${options.query ?? ''}`,
    payload: files instanceof FormData ? files : formOf(...files),
    ...(options.headers ? { headers: options.headers } : {}),
  });
}

async function uploaded(user: TestUser, files: FormFile[]): Promise<FileRefBody[]> {
  const response = await upload(user, files);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ files: FileRefBody[] }>().files;
}

/** Distinct small JPEGs (dedupe would merge identical ones): a white mark moves with each one. */
let made = 0;
async function jpeg(width = 120, height = 90): Promise<Buffer> {
  made += 1;
  const mark = Math.min(8, width, height);
  const cells = Math.floor(width / mark) * Math.floor(height / mark);
  const cell = made % cells;
  const left = (cell % Math.floor(width / mark)) * mark;
  const top = Math.floor(cell / Math.floor(width / mark)) * mark;
  return halves(width, height)
    .composite([
      { input: { create: { width: mark, height: mark, channels: 3, background: '#fff' } }, left, top },
    ])
    .jpeg()
    .toBuffer();
}

function expectProblem(
  response: Awaited<ReturnType<typeof upload>>,
  status: number,
  code: string,
  field?: string,
) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  const body = response.json<{
    code: string;
    detail: string;
    errors?: { field: string; reason: string }[];
  }>();
  expect(body.code).toBe(code);
  if (field) expect(body.errors?.map((e) => e.field)).toContain(field);
  return body;
}

describe('POST /api/v1/files', () => {
  it('stores a phone photo without its GPS position and metadata, upright, with a thumbnail', async () => {
    const inspector = await t().user({ role: 'inspector' });
    const [file] = await uploaded(inspector, [
      { data: await phonePhoto(400, 200, 6), name: '井盖破损.jpeg' },
    ]);
    expect(file).toMatchObject({
      contentType: 'image/jpeg',
      width: 200,
      height: 400,
      originalName: '井盖破损.jpeg',
      url: `/api/v1/files/${file!.id}`,
      thumbnailUrl: `/api/v1/files/${file!.id}/thumbnail`,
      deduplicated: false,
    });
    const stored = await t()
      .database.db.selectFrom('files')
      .select([
        'data',
        'byte_size',
        'sha256',
        'created_by_user_id',
        'purpose',
        'thumbnail_width',
        'thumbnail_height',
      ])
      .where('id', '=', file!.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      byte_size: file!.byteSize,
      sha256: file!.sha256,
      created_by_user_id: inspector.id,
    });
    expect(stored).toMatchObject({ purpose: 'case_photo', thumbnail_width: 160, thumbnail_height: 320 });
    const meta = await sharp(Buffer.from(stored.data)).metadata();
    expect([meta.exif, meta.xmp, meta.iptc, meta.icc, meta.orientation]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('audits each stored file as file.upload in the same transaction', async () => {
    const handler = await t().user({ role: 'handler' });
    const [file] = await uploaded(handler, [{ data: await jpeg() }]);
    const audit = await t()
      .database.db.selectFrom('audit_log')
      .select(['action', 'actor_id', 'target_type', 'detail'])
      .where('target_id', '=', file!.id)
      .execute();
    expect(audit).toEqual([
      {
        action: 'file.upload',
        actor_id: handler.id,
        target_type: 'file',
        detail: {
          purpose: 'case_photo',
          sha256: file!.sha256,
          byteSize: file!.byteSize,
          deduplicated: false,
        },
      },
    ]);
  });

  it('re-encodes PNG, WebP, AVIF and the first frame of a GIF as JPEG, whatever the declared type', async () => {
    const supervisor = await t().user({ role: 'supervisor' });
    const files = await uploaded(supervisor, [
      { data: await halves(64, 48, 4).png().toBuffer(), name: 'a.png', type: 'image/png' },
      { data: await halves(64, 48).webp().toBuffer(), name: 'b.webp', type: 'application/octet-stream' },
      { data: await halves(64, 48).avif().toBuffer(), name: 'c.avif', type: 'text/plain' },
      { data: await animatedGif(64, 48), name: 'd.gif', type: 'image/gif' },
    ]);
    expect(files.map((f) => [f.contentType, f.width, f.height])).toEqual(
      Array(4).fill(['image/jpeg', 64, 48]),
    );
    expect(files.map((f) => f.originalName)).toEqual(['a.png', 'b.webp', 'c.avif', 'd.gif']);
    expect(new Set(files.map((f) => f.id)).size).toBe(4);
  });

  it('stores up to 10 images in one request, in order', async () => {
    const inspector = await t().user({ role: 'inspector' });
    const inputs = await Promise.all(Array.from({ length: 10 }, () => jpeg()));
    const files = await uploaded(
      inspector,
      inputs.map((data, i) => ({ data, name: `p${i}.jpg` })),
    );
    expect(files.map((f) => f.originalName)).toEqual(inputs.map((_, i) => `p${i}.jpg`));
  });

  it('returns the existing file when the same user uploads the same image for the same purpose', async () => {
    const [inspector, other] = [await t().user({ role: 'inspector' }), await t().user({ role: 'inspector' })];
    const data = await jpeg();
    const [first] = await uploaded(inspector, [{ data }]);
    const [again] = await uploaded(inspector, [{ data, name: 'renamed.jpg' }]);
    expect(again).toMatchObject({ id: first!.id, deduplicated: true });
    const [byOther] = await uploaded(other, [{ data }]);
    expect(byOther!.id).not.toBe(first!.id);
    const otherPurpose = await upload(inspector, [{ data }], { query: '?purpose=component_photo' });
    expect(otherPurpose.json().files[0].id).not.toBe(first!.id);
  });

  it('replays an upload retried with the same Idempotency-Key and refuses the key for other images', async () => {
    const inspector = await t().user({ role: 'inspector' });
    const data = await jpeg();
    const headers = { 'idempotency-key': `upload-${Math.random()}` };
    const first = await upload(inspector, [{ data }], { headers });
    const retry = await upload(inspector, [{ data }], { headers });
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    const other = await upload(inspector, [{ data: await jpeg() }], { headers });
    expectProblem(other, 422, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses a PDF or a text file named photo.jpg with 415 naming the part, and stores nothing', async () => {
    const inspector = await t().user({ role: 'inspector' });
    for (const data of [PDF_BYTES, Buffer.from('hello, this is text')]) {
      const response = await upload(inspector, [
        { data: await jpeg() },
        { data, name: 'photo.jpg', type: 'image/jpeg' },
      ]);
      const body = expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE', 'body.file[1]');
      expect(body.detail).toContain('photo.jpg');
    }
    const count = await t()
      .database.db.selectFrom('files')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('created_by_user_id', '=', inspector.id)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });

  it('refuses a truncated JPEG with 400 IMAGE_UNREADABLE', async () => {
    const inspector = await t().user({ role: 'inspector' });
    const whole = await halves(400, 300).jpeg().toBuffer();
    const response = await upload(inspector, [
      { data: whole.subarray(0, Math.floor(whole.byteLength * 0.6)) },
    ]);
    const body = expectProblem(response, 400, 'IMAGE_UNREADABLE', 'body.file[0]');
    expect(body.detail).toMatch(/damaged or incomplete/);
  });

  it('refuses a decompression bomb with 413 IMAGE_TOO_MANY_PIXELS', async () => {
    const inspector = await t().user({ role: 'inspector' });
    const bomb = await sharp({ create: { width: 10_000, height: 8_000, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    expectProblem(
      await upload(inspector, [{ data: bomb, name: 'bomb.png' }]),
      413,
      'IMAGE_TOO_MANY_PIXELS',
      'body.file[0]',
    );
  });

  it('refuses an image over 10 MiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const inspector = await t().user({ role: 'inspector' });
    const small = await jpeg();
    // A valid JPEG followed by padding: the byte limit applies before anything is decoded.
    const big = Buffer.concat([small, Buffer.alloc(10 * MIB + 1 - small.byteLength)]);
    const body = expectProblem(
      await upload(inspector, [{ data: small }, { data: big }]),
      413,
      'PAYLOAD_TOO_LARGE',
      'body.file[1]',
    );
    expect(body.detail).toContain('10 MiB');
  });

  it('refuses more than 10 images with 413', async () => {
    const inspector = await t().user({ role: 'inspector' });
    const data = await jpeg(16, 16);
    const response = await upload(
      inspector,
      Array.from({ length: 11 }, () => ({ data })),
    );
    expectProblem(response, 413, 'PAYLOAD_TOO_LARGE', 'body.file');
  });

  it('refuses a form without images, other fields, and a body that is not multipart', async () => {
    const inspector = await t().user({ role: 'inspector' });
    expectProblem(await upload(inspector, []), 400, 'VALIDATION_FAILED', 'body.file');
    expectProblem(
      await upload(inspector, [{ data: await jpeg(), field: 'photo' }]),
      400,
      'VALIDATION_FAILED',
      'body.photo',
    );
    const form = formOf({ data: await jpeg() });
    form.append('note', 'hello');
    expectProblem(await upload(inspector, form), 400, 'VALIDATION_FAILED', 'body.note');
    const json = await t().as(inspector, { method: 'POST', url: '/api/v1/files', payload: { file: 'x' } });
    expectProblem(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a malformed multipart body with 400, not 500', async () => {
    const inspector = await t().user({ role: 'inspector' });
    const response = await t().as(inspector, {
      method: 'POST',
      url: '/api/v1/files',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\npartial',
    });
    expectProblem(response, 400, 'VALIDATION_FAILED');
  });

  it('refuses an unknown purpose', async () => {
    const inspector = await t().user({ role: 'inspector' });
    expectProblem(
      await upload(inspector, [{ data: await jpeg() }], { query: '?purpose=selfie' }),
      400,
      'VALIDATION_FAILED',
      'querystring.purpose',
    );
  });

  it('requires authentication (401) and a role that may upload (403)', async () => {
    expectProblem(await upload(null, [{ data: await jpeg() }]), 401, 'AUTH_REQUIRED');
    const leader = await t().user({ role: 'leader' });
    expectProblem(await upload(leader, [{ data: await jpeg() }]), 403, 'FORBIDDEN');
  });
});

describe('GET /api/v1/files/{id}', () => {
  it('returns the stored bytes inline with type, length, ETag and no-sniff', async () => {
    const inspector = await t().user({ role: 'inspector' });
    const [file] = await uploaded(inspector, [{ data: await phonePhoto(), name: '道路 破损.HEIC' }]);
    const response = await t().as(inspector, { method: 'GET', url: file!.url });
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'content-length': String(file!.byteSize),
      etag: `"${file!.sha256}"`,
      'cache-control': 'private, no-cache',
      'x-content-type-options': 'nosniff',
      'content-disposition': `inline; filename="__ __.jpg"; filename*=UTF-8''%E9%81%93%E8%B7%AF%20%E7%A0%B4%E6%8D%9F.jpg`,
    });
    const stored = await t()
      .database.db.selectFrom('files')
      .select('data')
      .where('id', '=', file!.id)
      .executeTakeFirstOrThrow();
    expect(response.rawPayload.equals(Buffer.from(stored.data))).toBe(true);
  });

  it('answers 304 without the bytes when If-None-Match carries the ETag', async () => {
    const inspector = await t().user({ role: 'inspector' });
    const [file] = await uploaded(inspector, [{ data: await jpeg() }]);
    const response = await t().as(inspector, {
      method: 'GET',
      url: file!.url,
      headers: { 'if-none-match': `"${file!.sha256}"` },
    });
    expect(response.statusCode).toBe(304);
    expect(response.rawPayload.byteLength).toBe(0);
    expect(response.headers).toMatchObject({
      etag: `"${file!.sha256}"`,
      'cache-control': 'private, no-cache',
    });
    const stale = await t().as(inspector, {
      method: 'GET',
      url: file!.url,
      headers: { 'if-none-match': '"other"' },
    });
    expect(stale.statusCode).toBe(200);
  });

  it('returns the thumbnail with its own ETag', async () => {
    const inspector = await t().user({ role: 'inspector' });
    const [file] = await uploaded(inspector, [{ data: await jpeg(1000, 800) }]);
    const response = await t().as(inspector, { method: 'GET', url: file!.thumbnailUrl });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(response.headers.etag).not.toBe(`"${file!.sha256}"`);
    const meta = await sharp(response.rawPayload).metadata();
    expect([meta.width, meta.height]).toEqual([320, 256]);
    const again = await t().as(inspector, {
      method: 'GET',
      url: file!.thumbnailUrl,
      headers: { 'if-none-match': response.headers.etag! },
    });
    expect(again.statusCode).toBe(304);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const inspector = await t().user({ role: 'inspector' });
    for (const url of [
      '/api/v1/files/4b0c9a52-3f0e-4a4e-9d7e-6f1f2d3c4b5a',
      '/api/v1/files/4B0C9A52-3F0E-4A4E-9D7E-6F1F2D3C4B5A/thumbnail',
    ]) {
      expectProblem(await t().as(inspector, { method: 'GET', url }), 404, 'FILE_NOT_FOUND');
    }
    for (const url of [
      '/api/v1/files/not-a-uuid',
      '/api/v1/files/1/thumbnail',
      "/api/v1/files/'%20or%201=1",
    ]) {
      expectProblem(await t().as(inspector, { method: 'GET', url }), 400, 'VALIDATION_FAILED', 'params.id');
    }
  });

  it('requires authentication', async () => {
    const inspector = await t().user({ role: 'inspector' });
    const [file] = await uploaded(inspector, [{ data: await jpeg() }]);
    expectProblem(await t().as(null, { method: 'GET', url: file!.url }), 401, 'AUTH_REQUIRED');
    expectProblem(await t().as(null, { method: 'GET', url: file!.thumbnailUrl }), 401, 'AUTH_REQUIRED');
  });

  it('shows a file to its uploader and administrators, and hides it from other staff as 404', async () => {
    const [inspector, colleague, admin] = [
      await t().user({ role: 'inspector' }),
      await t().user({ role: 'supervisor' }),
      await t().user({ role: 'admin' }),
    ];
    const [file] = await uploaded(inspector, [{ data: await jpeg() }]);
    expect((await t().as(admin, { method: 'GET', url: file!.url })).statusCode).toBe(200);
    expectProblem(await t().as(colleague, { method: 'GET', url: file!.url }), 404, 'FILE_NOT_FOUND');
    expectProblem(await t().as(colleague, { method: 'GET', url: file!.thumbnailUrl }), 404, 'FILE_NOT_FOUND');
  });

  it('lets a registered access rule (a linking module) show the file to others', async () => {
    const [inspector, colleague] = [
      await t().user({ role: 'inspector' }),
      await t().user({ role: 'dispatcher' }),
    ];
    const [file] = await uploaded(inspector, [{ data: await jpeg() }]);
    const unregister = registerFileAccessRule(
      'test-links',
      async (_db, actor, meta) => actor.id === colleague.id && meta.id === file!.id,
    );
    try {
      expect((await t().as(colleague, { method: 'GET', url: file!.url })).statusCode).toBe(200);
    } finally {
      unregister();
    }
    expect((await t().as(colleague, { method: 'GET', url: file!.url })).statusCode).toBe(404);
  });
});

describe('over a real connection', () => {
  let listening: Promise<string> | undefined;
  const serverAddress = () => (listening ??= t().app.listen({ port: 0, host: '127.0.0.1' }));

  /** Sends the whole form and resolves once the response has arrived and every byte was sent. */
  async function send(address: string, user: TestUser, form: FormData) {
    const encoded = new Request(`${address}/api/v1/files`, { method: 'POST', body: form });
    const bytes = Buffer.from(await encoded.arrayBuffer());
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        `${address}/api/v1/files`,
        {
          method: 'POST',
          headers: {
            'content-type': encoded.headers.get('content-type')!,
            'content-length': bytes.byteLength,
            authorization: `Bearer ${user.token}`,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            void sent.then(() =>
              resolve({ status: response.statusCode!, body: Buffer.concat(chunks).toString() }),
            );
          });
        },
      );
      const sent = new Promise((done) => request.on('finish', done));
      request.on('error', reject);
      request.end(bytes);
    });
  }

  it('lets a refused client finish sending, so it reads the problem instead of a stalled upload', async () => {
    const inspector = await t().user({ role: 'inspector' });
    const address = await serverAddress();
    const filler = Buffer.alloc(9 * MIB, 7);
    const refused = await send(
      address,
      inspector,
      formOf({ data: PDF_BYTES, name: 'scan.pdf' }, { data: filler }, { data: filler }, { data: filler }),
    );
    expect(refused.status).toBe(415);
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  }, 20_000);

  it('refuses an oversize image sent with chunked transfer encoding, even when toBuffer does not notice', async () => {
    const inspector = await t().user({ role: 'inspector' });
    const address = await serverAddress();
    const big = { data: Buffer.alloc(11 * MIB, 7) };
    // fetch streams FormData chunked; the multipart limit then fires after the last chunk is read.
    const response = await fetch(`${address}/api/v1/files`, {
      method: 'POST',
      body: formOf(big, big),
      headers: { authorization: `Bearer ${inspector.token}` },
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      errors: [{ field: 'body.file[0]' }],
    });
  }, 20_000);
});
