import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { renderClip } from './clip-renderer';
import { type FakeNimMode, isFakeNimMode } from './fake-nim-modes';

/** Options of {@link startFakeNim}. */
export interface FakeNimOptions {
  port: number;
  host?: string;
  /** Where clips are written. */
  dir: string;
  /** The mode of a request that names none. Default `ok`. */
  mode?: FakeNimMode;
  /** Length of a rendered clip. Default 30 (qc wants 30 s at least). */
  clipSeconds?: number;
  /** The base of the `source_url`s it answers (e.g. `http://fake-nim:8099` in compose). Default: the address it listens on. */
  publicUrl?: string;
}

/** One generate call the fake received (what the tests read at `GET /fake/calls`). */
export interface FakeNimCall {
  run_id: string | null;
  idempotency_key: string | null;
  safety_preset: string | null;
  mode: FakeNimMode;
  status: number;
  replayed: boolean;
  started_at: string;
  finished_at: string | null;
}

/** A running fake NIM. */
export interface FakeNim {
  url: string;
  server: Server;
  close(): Promise<void>;
}

type Answer = { status: number; body: unknown };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const error = (status: number, code: string, message: string): Answer => ({ status, body: { error: { code, message } } });

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
}

const send = (res: ServerResponse, answer: Answer) => {
  if (res.destroyed) return;
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
};

/**
 * A stand-in for the NVIDIA NIM video endpoint on loopback: `POST /v1/generate/video
 * {model_id, input_payload, run_id, safety_preset}` → `{asset_id, source_url, duration_ms,
 * safety_preset}`, with a real clip rendered by ffmpeg (test pattern + the prompt) served at
 * `GET /assets/<id>.mp4`. The mode comes from `input_payload.fake_nim_mode`, else the
 * `x-fake-nim-mode` header, else the default (`PUT /fake/mode {mode}`, start option). A repeated
 * `Idempotency-Key` of a successful call gets the same answer without a new render.
 * `GET /fake/calls` lists the calls, `DELETE /fake/calls` forgets them.
 *
 * @example
 * const nim = await startFakeNim({ port: 0, dir: '/tmp/fake-nim' });
 * await fetch(`${nim.url}/v1/generate/video`, { method: 'POST', body: JSON.stringify({ model_id: 'm', input_payload: { prompt: 'a fox' }, run_id: 'r1', safety_preset: 'kids-strict' }) });
 */
export async function startFakeNim(options: FakeNimOptions): Promise<FakeNim> {
  let defaultMode: FakeNimMode = options.mode ?? 'ok';
  const clipSeconds = options.clipSeconds ?? 30;
  const calls: FakeNimCall[] = [];
  const answered = new Map<string, Answer>();
  const hanging = new Set<ServerResponse>();
  let url = '';

  const generate = async (req: IncomingMessage, res: ServerResponse, call: FakeNimCall): Promise<Answer> => {
    const body = (await readJson(req).catch(() => undefined)) as Record<string, unknown> | undefined;
    const input = body?.input_payload as Record<string, unknown> | undefined;
    if (
      !body ||
      typeof body.model_id !== 'string' ||
      typeof body.run_id !== 'string' ||
      typeof body.safety_preset !== 'string' ||
      typeof input !== 'object' ||
      input === null
    ) {
      return error(400, 'invalid_request', 'expected {model_id, input_payload, run_id, safety_preset}');
    }
    call.run_id = body.run_id;
    call.safety_preset = body.safety_preset;
    const header = req.headers['x-fake-nim-mode'];
    const mode = isFakeNimMode(input.fake_nim_mode) ? input.fake_nim_mode : isFakeNimMode(header) ? header : defaultMode;
    call.mode = mode;
    const previous = call.idempotency_key ? answered.get(call.idempotency_key) : undefined;
    if (previous) {
      call.replayed = true;
      return previous;
    }
    if (mode === 'reject') return error(422, 'prompt_rejected', 'the prompt breaks the safety policy');
    if (mode === 'fail') return error(503, 'model_unavailable', 'the model is overloaded');
    if (mode === 'hang') {
      hanging.add(res);
      await new Promise<void>((resolve) => res.once('close', resolve));
      hanging.delete(res);
      return error(504, 'hung', 'the caller gave up');
    }
    if (mode === 'slow') await sleep(typeof input.fake_nim_delay_ms === 'number' ? input.fake_nim_delay_ms : 2000);
    const assetId = `nim-${randomUUID()}`;
    const seconds = mode === 'short_clip' ? 3 : clipSeconds;
    await renderClip(options.dir, assetId, typeof input.prompt === 'string' ? input.prompt : JSON.stringify(input), seconds);
    const answer: Answer = {
      status: 200,
      body: {
        asset_id: assetId,
        source_url: `${url}/assets/${assetId}.mp4`,
        duration_ms: mode === 'bad_duration' ? 5000 : mode === 'short_clip' ? 30_000 : seconds * 1000,
        safety_preset: mode === 'unsafe' ? 'none' : body.safety_preset,
      },
    };
    if (call.idempotency_key) answered.set(call.idempotency_key, answer);
    return answer;
  };

  const serveAsset = async (res: ServerResponse, name: string) => {
    if (!/^nim-[0-9a-f-]{36}\.mp4$/.test(name)) return send(res, error(404, 'asset_not_found', 'no such asset'));
    const file = join(options.dir, name);
    const info = await stat(file).catch(() => undefined);
    if (!info) return send(res, error(404, 'asset_not_found', 'no such asset'));
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': info.size });
    createReadStream(file).pipe(res);
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    void (async () => {
      if (req.method === 'POST' && path === '/v1/generate/video') {
        const key = req.headers['idempotency-key'];
        const call: FakeNimCall = {
          run_id: null,
          idempotency_key: typeof key === 'string' ? key : null,
          safety_preset: null,
          mode: defaultMode,
          status: 0,
          replayed: false,
          started_at: new Date().toISOString(),
          finished_at: null,
        };
        calls.push(call);
        const answer = await generate(req, res, call);
        call.status = answer.status;
        call.finished_at = new Date().toISOString();
        return send(res, answer);
      }
      if (req.method === 'GET' && path.startsWith('/assets/')) return serveAsset(res, path.slice('/assets/'.length));
      if (req.method === 'GET' && path === '/health') return send(res, { status: 200, body: { status: 'ok', mode: defaultMode } });
      if (req.method === 'GET' && path === '/fake/calls') return send(res, { status: 200, body: { calls } });
      if (req.method === 'DELETE' && path === '/fake/calls') {
        calls.length = 0;
        answered.clear();
        return send(res, { status: 200, body: { calls } });
      }
      if (req.method === 'PUT' && path === '/fake/mode') {
        const body = (await readJson(req).catch(() => undefined)) as { mode?: unknown } | undefined;
        if (!isFakeNimMode(body?.mode)) return send(res, error(400, 'invalid_mode', 'unknown mode'));
        defaultMode = body.mode;
        return send(res, { status: 200, body: { mode: defaultMode } });
      }
      send(res, error(404, 'not_found', `no route ${req.method} ${path}`));
    })().catch((cause: unknown) => send(res, error(500, 'fake_nim_failed', (cause as Error).message)));
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const listening = `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  url = options.publicUrl?.replace(/\/+$/, '') ?? listening;
  return {
    url: listening,
    server,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
