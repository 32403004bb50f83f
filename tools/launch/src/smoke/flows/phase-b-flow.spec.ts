import type { Answer, Json, SmokeContext } from '../smoke-client';
import { untilPublished } from './phase-b-flow';

/** A context whose gateway answers `GET /v1/creator/assets/{id}` with `assets` in turn (the last one repeats) and records every call. */
function scripted(assets: Json[]): { ctx: SmokeContext; calls: string[] } {
  const calls: string[] = [];
  let i = 0;
  const answer = (status: number, body: Json): Answer => ({ status, body, text: JSON.stringify(body) });
  const ctx = {
    env: {},
    consentHint: '',
    consentCode: async () => undefined,
    raw: async () => answer(500, {}),
    step: async <T>(_name: string, run: () => Promise<T>) => run(),
    call: async (method: string, path: string) => {
      calls.push(`${method} ${path}`);
      if (method === 'POST') return answer(200, { status: 'approved' });
      return answer(200, assets[Math.min(i++, assets.length - 1)]);
    },
  } satisfies SmokeContext;
  return { ctx, calls };
}

describe('untilPublished (the phase-B smoke waiting for an asset)', () => {
  it('follows the statuses to published and reports them in order', async () => {
    const { ctx } = scripted([{ status: 'queued' }, { status: 'ingested' }, { status: 'transcoding' }, { status: 'published' }]);
    const { seen } = await untilPublished(ctx, 'a1', 'creator-token');
    expect(seen).toEqual(['queued', 'ingested', 'transcoding', 'published']);
  });

  it("fails with the asset's last error when it ends rejected", async () => {
    const lastError = { code: 'not_a_video', message: 'the source has no video stream', at: '2026-12-01T16:00:00.000Z' };
    const { ctx } = scripted([{ status: 'queued' }, { status: 'rejected', last_error: lastError }]);
    await expect(untilPublished(ctx, 'a1', 'creator-token')).rejects.toThrow(`asset a1 ended rejected: ${JSON.stringify(lastError)}`);
  });

  it('approves an asset moderation queued exactly once, as the admin, then waits for published', async () => {
    const { ctx, calls } = scripted([{ status: 'transcoded' }, { status: 'in_review' }, { status: 'in_review' }, { status: 'published' }]);
    const { seen } = await untilPublished(ctx, 'a1', 'creator-token', 'admin-token');
    expect(seen).toEqual(['transcoded', 'in_review', 'published']);
    expect(calls.filter((c) => c.startsWith('POST'))).toEqual(['POST /v1/admin/moderation/queue/a1/approve']);
  });
});
