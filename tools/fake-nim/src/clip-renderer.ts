import { execFile } from 'node:child_process';
import { access, chmod, constants, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Fonts drawtext may use; the first that exists wins (the static ffmpeg build has no default font). */
const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
];

/** The ffmpeg binary: `FFMPEG_PATH`, else the one of `@ffmpeg-installer/linux-x64` (made executable if needed). */
export async function ffmpegPath(configured = process.env.FFMPEG_PATH): Promise<string> {
  if (configured) return configured;
  const path = join(require.resolve('@ffmpeg-installer/linux-x64/package.json'), '..', 'ffmpeg');
  await access(path, constants.X_OK).catch(() => chmod(path, 0o755));
  return path;
}

/** A font file drawtext can read, or `undefined` (then the clip is the bare test pattern). */
export async function findFont(configured = process.env.FAKE_NIM_FONT): Promise<string | undefined> {
  for (const candidate of configured ? [configured] : FONT_CANDIDATES) {
    if (
      await access(candidate, constants.R_OK).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return undefined;
}

/** What one render produced. */
export interface RenderedClip {
  file: string;
  /** Whether the prompt is drawn on the pattern (a font was found). */
  withText: boolean;
}

/**
 * Renders a real H.264 MP4 of `seconds` at 160x90, 2 fps: ffmpeg's `testsrc` pattern with the
 * prompt drawn on it (`drawtext` reading a text file, so no escaping of the prompt is needed).
 * Without a font the bare pattern is rendered. Tiny size and frame rate keep a 30 s clip at
 * well under a second of CPU.
 */
export async function renderClip(dir: string, assetId: string, prompt: string, seconds: number): Promise<RenderedClip> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${assetId}.mp4`);
  const font = await findFont();
  const filters: string[] = [];
  if (font) {
    const textFile = join(dir, `${assetId}.txt`);
    await writeFile(textFile, prompt.slice(0, 80) || 'fake-nim');
    filters.push(`drawtext=fontfile=${font}:textfile=${textFile}:fontsize=10:fontcolor=white:box=1:boxcolor=black@0.6:x=4:y=4`);
  }
  await run(
    await ffmpegPath(),
    [
      ...['-hide_banner', '-loglevel', 'error', '-y'],
      ...['-f', 'lavfi', '-i', `testsrc=size=160x90:rate=2:duration=${seconds}`],
      ...(filters.length ? ['-vf', filters.join(',')] : []),
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', file],
    ],
    { timeout: 60_000 },
  );
  return { file, withText: font !== undefined };
}
