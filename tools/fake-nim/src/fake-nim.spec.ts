import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type FakeNim, startFakeNim } from './fake-nim';

const run = promisify(execFile);
const ffprobe = join(require.resolve('@ffprobe-installer/linux-x64/package.json'), '..', 'ffprobe');

jest.setTimeout(30_000);

describe('tools/fake-nim', () => {
  let nim: FakeNim;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fake-nim-spec-'));
    nim = await startFakeNim({ port: 0, dir, clipSeconds: 30, publicUrl: 'http://nim.test:1/' });
  });
  afterAll(async () => {
    await nim.close();
    await rm(dir, { recursive: true, force: true });
  });

  const generate = async (input: Record<string, unknown>, headers: Record<string, string> = {}, body: Record<string, unknown> = {}) => {
    const res = await fetch(`${nim.url}/v1/generate/video`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ model_id: 'm', input_payload: input, run_id: 'r1', safety_preset: 'kids-strict', ...body }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  it('renders a real 30 s clip of the prompt, serves it, and answers the same for a repeated idempotency key', async () => {
    const first = await generate({ prompt: 'a fox counts to ten' }, { 'idempotency-key': 'r1:1' });
    expect(first).toEqual({
      status: 200,
      body: {
        asset_id: expect.stringMatching(/^nim-/),
        source_url: expect.stringMatching(/^http:\/\/nim\.test:1\/assets\/nim-.*\.mp4$/),
        duration_ms: 30000,
        safety_preset: 'kids-strict',
      },
    });
    const served = `${nim.url}/assets/${first.body.asset_id}.mp4`;
    const { stdout } = await run(ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', served]);
    const probed = JSON.parse(stdout) as { format: { duration: string }; streams: Array<{ codec_type: string; width: number }> };
    expect(Math.round(Number(probed.format.duration))).toBe(30);
    expect(probed.streams[0]).toMatchObject({ codec_type: 'video', width: 160 });
    expect(await generate({ prompt: 'a fox counts to ten' }, { 'idempotency-key': 'r1:1' })).toEqual(first);
    const calls = ((await (await fetch(`${nim.url}/fake/calls`)).json()) as { calls: Array<{ replayed: boolean }> }).calls;
    expect(calls.map((c) => c.replayed)).toEqual([false, true]);
  });

  it.each([
    ['reject', 422, 'prompt_rejected'],
    ['fail', 503, 'model_unavailable'],
  ])('mode %s answers %d %s', async (mode, status, code) => {
    expect(await generate({ prompt: 'x', fake_nim_mode: mode })).toMatchObject({ status, body: { error: { code } } });
  });

  it('bad_duration, short_clip and unsafe answer 200 with what qc and the provider stage must catch', async () => {
    expect((await generate({ prompt: 'x', fake_nim_mode: 'bad_duration' })).body.duration_ms).toBe(5000);
    expect((await generate({ prompt: 'x' }, { 'x-fake-nim-mode': 'unsafe' })).body.safety_preset).toBe('none');
    const short = await generate({ prompt: 'x', fake_nim_mode: 'short_clip' });
    const { stdout } = await run(ffprobe, [
      '-v',
      'error',
      '-show_entries',
      'format=duration',
      '-of',
      'csv=p=0',
      `${nim.url}/assets/${short.body.asset_id}.mp4`,
    ]);
    expect({ claimed: short.body.duration_ms, probed: Math.round(Number(stdout)) }).toEqual({ claimed: 30000, probed: 3 });
  });

  it('hang never answers until the caller gives up; the default mode can be changed at run time', async () => {
    const aborted = await fetch(`${nim.url}/v1/generate/video`, {
      method: 'POST',
      body: JSON.stringify({ model_id: 'm', input_payload: { fake_nim_mode: 'hang' }, run_id: 'r2', safety_preset: 's' }),
      signal: AbortSignal.timeout(300),
    }).catch((error: Error) => error.name);
    expect(aborted).toBe('TimeoutError');
    expect((await fetch(`${nim.url}/fake/mode`, { method: 'PUT', body: JSON.stringify({ mode: 'fail' }) })).status).toBe(200);
    expect((await generate({ prompt: 'x' })).status).toBe(503);
    expect((await fetch(`${nim.url}/fake/mode`, { method: 'PUT', body: JSON.stringify({ mode: 'nope' }) })).status).toBe(400);
    await fetch(`${nim.url}/fake/mode`, { method: 'PUT', body: JSON.stringify({ mode: 'ok' }) });
  });

  it('refuses a body without the contract fields with 400 invalid_request', async () => {
    expect(await generate({ prompt: 'x' }, {}, { run_id: 7 })).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
  });
});
