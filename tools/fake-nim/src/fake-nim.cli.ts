import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFont } from './clip-renderer';
import { startFakeNim } from './fake-nim';
import { FAKE_NIM_MODES, isFakeNimMode } from './fake-nim-modes';

/**
 * `pnpm run fake-nim`: the local NIM stand-in on `FAKE_NIM_PORT` (8099; 0 = any free port),
 * host `FAKE_NIM_HOST` (127.0.0.1), clips under `FAKE_NIM_DIR` (a temp dir), default mode
 * `FAKE_NIM_MODE` (ok), clip length `FAKE_NIM_CLIP_SECONDS` (30), `FAKE_NIM_PUBLIC_URL` (the base of the
 * `source_url`s it answers; default the listening address). Prints
 * `fake-nim listening on http://…` once it answers.
 */
async function main(): Promise<void> {
  const mode = process.env.FAKE_NIM_MODE ?? 'ok';
  if (!isFakeNimMode(mode)) {
    console.error(`fake-nim: FAKE_NIM_MODE must be one of ${FAKE_NIM_MODES.join(', ')}`);
    process.exit(2);
  }
  const port = Number(process.env.FAKE_NIM_PORT ?? 8099);
  const clipSeconds = Number(process.env.FAKE_NIM_CLIP_SECONDS ?? 30);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(clipSeconds) || clipSeconds < 1 || clipSeconds > 1800) {
    console.error('fake-nim: FAKE_NIM_PORT must be 0..65535 and FAKE_NIM_CLIP_SECONDS 1..1800');
    process.exit(2);
  }
  const dir = process.env.FAKE_NIM_DIR ?? join(tmpdir(), 'mikas-fake-nim');
  const nim = await startFakeNim({
    port,
    host: process.env.FAKE_NIM_HOST ?? '127.0.0.1',
    dir,
    mode,
    clipSeconds,
    publicUrl: process.env.FAKE_NIM_PUBLIC_URL,
  });
  const font = await findFont();
  console.log(
    `fake-nim listening on ${nim.url} (mode ${mode}, ${clipSeconds} s clips in ${dir}, ${font ? `prompt drawn with ${font}` : 'no font: bare test pattern'})`,
  );
  const stop = () => void nim.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
