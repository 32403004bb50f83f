import { execFile } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { EpisodeInput } from '../episodes/episode';
import { DEMO_CLIP_MS } from './demo-catalog';

const run = promisify(execFile);

/** The ffmpeg binary of `@ffmpeg-installer/linux-x64` (a devDependency), made executable if the install left it not. */
export function ffmpegPath(): string {
  const path = join(dirname(require.resolve('@ffmpeg-installer/linux-x64/package.json')), 'ffmpeg');
  try {
    accessSync(path, constants.X_OK);
  } catch {
    chmodSync(path, 0o755);
  }
  return path;
}

/**
 * Writes each episode's tiny HLS clip (`<dir>/<storageKey>`: an H.264 + AAC test pattern,
 * {@link DEMO_CLIP_MS} long, 2 s segments, a hue of its own) and its `thumb.jpg`, skipping
 * those already there. Returns how many episodes it generated.
 */
export async function generateDemoMedia(dir: string, episodes: EpisodeInput[], ffmpeg = ffmpegPath()): Promise<number> {
  let made = 0;
  const seconds = String(DEMO_CLIP_MS / 1000);
  for (const [i, episode] of episodes.entries()) {
    const rendition = episode.renditions[0];
    if (!rendition) continue;
    const playlist = join(dir, rendition.storageKey);
    const folder = dirname(playlist);
    if (existsSync(playlist)) continue;
    mkdirSync(folder, { recursive: true });
    const hue = `hue=h=${(i * 37) % 360}`;
    const video = `testsrc2=size=320x180:rate=12:duration=${seconds}`;
    await run(ffmpeg, [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      video,
      '-frames:v',
      '1',
      '-vf',
      hue,
      join(dir, episode.thumbnail),
    ]);
    await run(ffmpeg, [
      ...[
        '-hide_banner',
        '-loglevel',
        'error',
        '-y',
        '-f',
        'lavfi',
        '-i',
        video,
        '-f',
        'lavfi',
        '-i',
        `sine=frequency=${330 + i * 20}:duration=${seconds}`,
      ],
      ...[
        '-vf',
        hue,
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        '-pix_fmt',
        'yuv420p',
        '-g',
        '24',
        '-c:a',
        'aac',
        '-b:a',
        '64k',
        '-shortest',
      ],
      ...['-f', 'hls', '-hls_time', '2', '-hls_playlist_type', 'vod', '-hls_segment_filename', join(folder, 'seg-%03d.ts'), playlist],
    ]);
    made++;
  }
  return made;
}
