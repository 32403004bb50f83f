import { execFile } from 'node:child_process';
import { access, chmod, constants, mkdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The ffmpeg binary of `@ffmpeg-installer/linux-x64` (a dev dependency), made executable if needed. */
async function ffmpeg(): Promise<string> {
  const path = join(require.resolve('@ffmpeg-installer/linux-x64/package.json'), '..', 'ffmpeg');
  await access(path, constants.X_OK).catch(() => chmod(path, 0o755));
  return path;
}

/** Writes a real 2-second 160x90 H.264 MP4 (testsrc + tone) and a 2-second audio-only M4A into `dir`. */
export async function writeClips(dir: string): Promise<{ video: Buffer; audio: Buffer }> {
  await mkdir(dir, { recursive: true });
  const bin = await ffmpeg();
  const quiet = ['-hide_banner', '-loglevel', 'error', '-y'];
  await run(bin, [
    ...quiet,
    ...['-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=10', '-f', 'lavfi', '-i', 'sine=frequency=440'],
    ...['-t', '2', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart', join(dir, 'clip.mp4')],
  ]);
  await run(bin, [...quiet, '-f', 'lavfi', '-i', 'sine=frequency=440', '-t', '2', '-c:a', 'aac', join(dir, 'tone.m4a')]);
  return { video: await readFile(join(dir, 'clip.mp4')), audio: await readFile(join(dir, 'tone.m4a')) };
}

/** A loopback HTTP source: fixed routes, a hit counter per path. */
export interface ClipServer {
  url: string;
  hits: Map<string, number>;
  close(): Promise<void>;
}

/** One route: a status and a body, optionally without `content-length` (chunked) or never answering. */
export interface Route {
  status?: number;
  body?: Buffer | string;
  chunked?: boolean;
  hang?: boolean;
  location?: string;
}

/** Serves `routes` on 127.0.0.1 (unknown paths: 404). */
export async function startClipServer(routes: Record<string, Route>): Promise<ClipServer> {
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (!route) return void res.writeHead(404).end('not found');
    if (route.hang) return;
    if (route.location) return void res.writeHead(route.status ?? 302, { location: route.location }).end();
    const body = typeof route.body === 'string' ? Buffer.from(route.body) : (route.body ?? Buffer.alloc(0));
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
    if (!route.chunked) headers['content-length'] = String(body.length);
    res.writeHead(route.status ?? 200, headers);
    if (route.chunked) {
      for (let at = 0; at < body.length; at += 16_384) res.write(body.subarray(at, at + 16_384));
      return void res.end();
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
