import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.js';
import { castFor } from '../../test/helpers/cases.js';
import { reportBody, submit, track, type Submitted } from './testing.js';

const t = useTestApp();

describe('smoke', () => {
  it('reports and tracks', async () => {
    await castFor(t());
    const response = await submit(t(), reportBody());
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<Submitted>();
    const view = await track(t(), body.trackingCode);
    expect(view.statusCode, view.body).toBe(200);
    console.log(view.json());
  });
});
