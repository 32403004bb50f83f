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
