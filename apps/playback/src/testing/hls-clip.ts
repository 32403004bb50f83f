import { execFile } from 'node:child_process';
import { access, chmod, constants, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The ffmpeg binary of `@ffmpeg-installer/linux-x64` (a dev dependency). */
export function ffmpegPath(): string {
  return join(require.resolve('@ffmpeg-installer/linux-x64/package.json'), '..', 'ffmpeg');
}

/**
 * Writes a tiny real HLS clip (3 s test pattern + tone, H.264/AAC, 1 s segments
 * `seg000.ts`…) to `<mediaDir>/episodes/<episodeId>/index.m3u8`, as the catalog seed does.
 */
export async function writeHlsClip(mediaDir: string, episodeId: string): Promise<string> {
  const dir = join(mediaDir, 'episodes', episodeId);
  await mkdir(dir, { recursive: true });
  const ffmpeg = ffmpegPath();
  // Some installs drop the executable bit of the packaged binary.
  await access(ffmpeg, constants.X_OK).catch(() => chmod(ffmpeg, 0o755));
  await run(ffmpeg, [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=10', '-f', 'lavfi', '-i', 'sine=frequency=440'],
    ...[
      '-t',
      '3',
      '-c:v',
      'libx264',
      '-g',
      '10',
      '-sc_threshold',
      '0',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-f',
      'hls',
      '-hls_time',
      '1',
      '-hls_list_size',
      '0',
    ],
    ...['-hls_segment_filename', join(dir, 'seg%03d.ts'), join(dir, 'index.m3u8')],
  ]);
  return dir;
}

/**
 * Writes a tiny real adaptive HLS clip of `episodeId`: two renditions (`0/` 320x180 and `1/`
 * 160x90, each `index.m3u8` + `seg000.ts`…; the bundled ffmpeg 4.1 names variant folders by index) and
 * ffmpeg's own `master.m3u8` naming them (`-var_stream_map`).
 */
export async function writeAdaptiveHlsClip(mediaDir: string, episodeId: string): Promise<string> {
  const dir = join(mediaDir, 'episodes', episodeId);
  await mkdir(dir, { recursive: true });
  const ffmpeg = ffmpegPath();
  await access(ffmpeg, constants.X_OK).catch(() => chmod(ffmpeg, 0o755));
  await run(ffmpeg, [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=10', '-f', 'lavfi', '-i', 'sine=frequency=440', '-t', '3'],
    ...['-map', '0:v', '-map', '0:v', '-map', '1:a', '-map', '1:a', '-s:v:0', '320x180', '-s:v:1', '160x90'],
    ...['-c:v', 'libx264', '-g', '10', '-sc_threshold', '0', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:v:0', '300k', '-b:v:1', '100k'],
    ...['-f', 'hls', '-hls_time', '1', '-hls_list_size', '0', '-master_pl_name', 'master.m3u8'],
    ...['-var_stream_map', 'v:0,a:0 v:1,a:1'],
    ...['-hls_segment_filename', join(dir, '%v', 'seg%03d.ts'), join(dir, '%v', 'index.m3u8')],
  ]);
  return dir;
}
