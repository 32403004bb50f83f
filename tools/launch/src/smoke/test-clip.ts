import { execFile } from 'node:child_process';
import { access, chmod, constants, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What the test clip looks like: `seconds` of ffmpeg's testsrc at `size` (WxH) with a 440 Hz tone. */
export interface ClipSpec {
  seconds: number;
  size: string;
}

/** The smoke's default clip: 3 s at 1280x720, so the ladder gives 720p and 360p. */
export const DEFAULT_CLIP: ClipSpec = { seconds: 3, size: '1280x720' };

/** The ffmpeg of `@ffmpeg-installer/linux-x64` (the one the project installs; see README "Media tools"), made executable if needed. */
export async function ffmpegBinary(): Promise<string> {
  const path = join(require.resolve('@ffmpeg-installer/linux-x64/package.json'), '..', 'ffmpeg');
  await access(path, constants.X_OK).catch(() => chmod(path, 0o755));
  return path;
}

/** Writes the clip as H.264/AAC MP4 to `<dir>/clip.mp4` and returns its bytes. */
export async function generateClip(dir: string, spec: ClipSpec = DEFAULT_CLIP): Promise<Buffer> {
  const file = join(dir, 'clip.mp4');
  const lavfi = ['-f', 'lavfi', '-i', `testsrc=size=${spec.size}:rate=24`, '-f', 'lavfi', '-i', 'sine=frequency=440'];
  const encode = ['-t', String(spec.seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac'];
  await run(await ffmpegBinary(), ['-hide_banner', '-loglevel', 'error', '-y', ...lavfi, ...encode, '-movflags', '+faststart', file]);
  return readFile(file);
}

/** A loopback HTTP server of one clip at `<url>/clip.mp4`, counting fetches. */
export interface ClipSource {
  url: string;
  fetches(): number;
  close(): Promise<void>;
}

/** Serves `clip` on 127.0.0.1 (a free port) as `video/mp4`; any other path is 404. */
export async function serveClip(clip: Buffer): Promise<ClipSource> {
  let fetches = 0;
  const server = createServer((req, res) => {
    if (req.url !== '/clip.mp4') return void res.writeHead(404).end();
    fetches += 1;
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(clip.length) }).end(clip);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/clip.mp4`,
    fetches: () => fetches,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
