import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.js';
import { bearer, citizen } from '../../test/helpers/citizens.js';
import { formOf, phonePhoto } from '../../test/helpers/images.js';

const t = useTestApp();
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

function pdf(extra = '', trailer = ''): Buffer {
  return Buffer.from(
    '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
      '2 0 obj\n<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>\nendobj\n' +
      '3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n4 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n' +
      `${extra}% ${Math.random()}\ntrailer\n<< /Root 1 0 R${trailer} >>\n%%EOF\n`,
    'latin1',
  );
}

describe('material uploads (staff)', () => {
  it('stores a PDF as given with its page count, whatever it is called, and serves it as a PDF', async () => {
    const clerk = await t().user({ role: 'window_clerk' });
    const bytes = pdf();
    const res = await t().as(clerk, {
      method: 'POST',
      url: '/api/v1/files?purpose=application_material',
      payload: formOf({ data: bytes, name: 'id-card.jpg', type: 'image/jpeg' }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const [file] = res.json().files;
    expect(file).toMatchObject({
      purpose: 'application_material',
      contentType: 'application/pdf',
      byteSize: bytes.byteLength,
      pageCount: 2,
      thumbnailUrl: null,
      width: null,
    });
    const read = await t().as(clerk, { method: 'GET', url: file.url });
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(read.rawPayload).equals(bytes)).toBe(true);
  });

  it('normalises images among materials as photos are', async () => {
    const clerk = await t().user({ role: 'window_clerk' });
    const res = await t().as(clerk, {
      method: 'POST',
      url: '/api/v1/files?purpose=catalogue_form',
      payload: formOf({ data: await phonePhoto(), name: 'form.jpg' }),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().files[0]).toMatchObject({ contentType: 'image/jpeg', pageCount: null });
    expect(res.json().files[0].thumbnailUrl).not.toBeNull();
  });

  it.each([
    ['the EICAR test string', Buffer.concat([pdf(), Buffer.from(EICAR)]), /EICAR/],
    ['a Windows executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), /executable/],
    [
      'a PDF running JavaScript',
      pdf('5 0 obj\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\n'),
      /JavaScript/,
    ],
    ['a PDF launching a program', pdf('5 0 obj\n<< /S /Launch /F (calc.exe) >>\nendobj\n'), /Launch/],
    ['an encrypted PDF', pdf('', ' /Encrypt 9 0 R'), /encrypted/],
  ])('refuses %s with 422 naming the part', async (_, data, reason) => {
    const clerk = await t().user({ role: 'window_clerk' });
    const res = await t().as(clerk, {
      method: 'POST',
      url: '/api/v1/files?purpose=application_material',
      payload: formOf({ data, name: 'scan.pdf' }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'FILE_CONTENT_REFUSED', errors: [{ field: 'body.file[0]' }] });
    expect(res.json().errors[0].reason).toMatch(reason);
  });

  it('refuses a PDF as a photo, and a file that is neither PDF nor image as a material', async () => {
    const clerk = await t().user({ role: 'window_clerk' });
    const photo = await t().as(clerk, {
      method: 'POST',
      url: '/api/v1/files',
      payload: formOf({ data: pdf() }),
    });
    expect(photo.statusCode).toBe(415);
    const text = await t().as(clerk, {
      method: 'POST',
      url: '/api/v1/files?purpose=application_material',
      payload: formOf({
        data: Buffer.from('just some text, not a scan'),
        name: 'a.pdf',
        type: 'application/pdf',
      }),
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().errors[0].reason).toMatch(/PDF or an accepted image/);
  });

  it('refuses roles without files:write', async () => {
    const leader = await t().user({ role: 'leader' });
    const res = await t().as(leader, {
      method: 'POST',
      url: '/api/v1/files?purpose=application_material',
      payload: formOf({ data: pdf() }),
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('material uploads (citizens)', () => {
  it('stores a citizen’s material, readable by them and not by another citizen, once per Idempotency-Key', async () => {
    const me = await citizen(t());
    const other = await citizen(t());
    const bytes = pdf();
    const send = () =>
      t().app.inject({
        method: 'POST',
        url: '/api/v1/citizens/me/files',
        headers: { ...bearer(me), 'idempotency-key': 'upload-1' },
        payload: formOf({ data: bytes, name: '户口本.pdf' }),
      });
    const res = await send();
    expect(res.statusCode, res.body).toBe(201);
    const [file] = res.json().files;
    expect(file.url).toBe(`/api/v1/citizens/me/files/${file.id}`);
    expect((await send()).json()).toEqual(res.json());
    const mine = await t().app.inject({ method: 'GET', url: file.url, headers: bearer(me) });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('application/pdf');
    const theirs = await t().app.inject({ method: 'GET', url: file.url, headers: bearer(other) });
    expect(theirs.statusCode).toBe(404);
    const staff = await t().user({ role: 'window_clerk' });
    expect((await t().as(staff, { method: 'GET', url: `/api/v1/files/${file.id}` })).statusCode).toBe(404);
    expect(
      (
        await t().as(staff, {
          method: 'POST',
          url: '/api/v1/citizens/me/files',
          payload: formOf({ data: bytes }),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses malware-like content from citizens too', async () => {
    const me = await citizen(t());
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/v1/citizens/me/files',
      headers: bearer(me),
      payload: formOf({ data: Buffer.from(EICAR), name: 'eicar.com' }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('FILE_CONTENT_REFUSED');
  });
});
