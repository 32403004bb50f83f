import { execFile } from 'node:child_process';
import { access, chmod, constants, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The loopback server of {@link startClipSource}. */
export interface ClipSource {
  /** `http://127.0.0.1:<port>/clip.mp4`, a creator's `source_url` (ingest needs `INGEST_ALLOW_PRIVATE_SOURCES=true`). */
  url: string;
  close(): Promise<void>;
}

/**
 * Generates a real 3-second 320x180 clip (testsrc + a 440 Hz tone, H.264/AAC in MP4) with the
 * ffmpeg of `@ffmpeg-installer/linux-x64` into `dir/clip.mp4`, and serves it on loopback at
 * `/clip.mp4` (anything else is 404), as a creator's upload source.
 *
 * @example
 * const source = await startClipSource(dir);
 * await upload({ source_url: source.url, … });
 */
export async function startClipSource(dir: string): Promise<ClipSource> {
  const ffmpeg = join(require.resolve('@ffmpeg-installer/linux-x64/package.json'), '..', 'ffmpeg');
  await access(ffmpeg, constants.X_OK).catch(() => chmod(ffmpeg, 0o755));
  await run(ffmpeg, [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=24', '-f', 'lavfi', '-i', 'sine=frequency=440'],
    ...['-t', '3', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', join(dir, 'clip.mp4')],
  ]);
  const clip = await readFile(join(dir, 'clip.mp4'));
  const server: Server = createServer((req, res) => {
    if (req.url !== '/clip.mp4') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(clip.length) }).end(clip);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/clip.mp4`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
