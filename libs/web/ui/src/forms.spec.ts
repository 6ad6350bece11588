import { describe, expect, it } from 'vitest';
import { settle, type Outcome } from './forms';
import type { ApiAnswer } from './use-query';

const problem = { status: 422, code: 'validation_failed', issues: [] };
const outcome = (answer: ApiAnswer<unknown>): Promise<Outcome<unknown>> =>
  settle(() => Promise.resolve(answer));

describe("a form request's outcome", () => {
  it("is the answer's data on success, none for a 204", async () => {
    const ok = new Response(null, { status: 200 });
    expect(await outcome({ data: { id: 'x' }, response: ok })).toEqual({
      ok: true,
      data: { id: 'x' },
    });
    const none = new Response(null, { status: 204 });
    expect(await outcome({ response: none })).toEqual({ ok: true, data: undefined });
  });

  it('is the problem+json the API answered', async () => {
    const refused = new Response(null, { status: 422 });
    expect(await outcome({ error: problem, response: refused })).toEqual({
      ok: false,
      error: problem,
    });
  });

  it('is a failure without a problem when there is no body, no answer or no request', async () => {
    const empty = new Response(null, { status: 502 });
    expect(await outcome({ response: empty })).toEqual({ ok: false, error: null });
    const offline = () => Promise.reject(new TypeError('fetch failed'));
    expect(await settle(offline)).toEqual({ ok: false, error: null });
    const unbuilt = (): Promise<ApiAnswer<unknown>> => {
      throw new Error('the body did not parse');
    };
    expect(await settle(unbuilt)).toEqual({ ok: false, error: null });
  });
});
