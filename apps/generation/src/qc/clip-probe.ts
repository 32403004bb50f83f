import { execFile } from 'node:child_process';
import { access, chmod, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What ffprobe measured of a generated clip. */
export interface ProbedClip {
  durationMs: number;
  width: number;
  height: number;
  videoCodec: string;
}

/** ffprobe could not read the clip as video (unreachable, not media, no video stream, no duration). */
export class ClipProbeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClipProbeError';
  }
}

/** The ffprobe binary: `FFPROBE_PATH`, else the one of `@ffprobe-installer/linux-x64` (made executable if the install left it not). */
export async function ffprobePath(configured?: string): Promise<string> {
  if (configured) return configured;
  const path = join(require.resolve('@ffprobe-installer/linux-x64/package.json'), '..', 'ffprobe');
  await access(path, constants.X_OK).catch(() => chmod(path, 0o755));
  return path;
}

type ProbeJson = {
  format?: { duration?: string };
  streams?: Array<{ codec_type?: string; codec_name?: string; width?: number; height?: number }>;
};

/**
 * Probes the clip at `url` (http/https, read by ffprobe itself, so only what it needs is
 * fetched) within `timeoutMs`: a video stream with a size and a duration, or a {@link ClipProbeError}.
 */
export async function probeClip(url: string, ffprobe: string, timeoutMs: number): Promise<ProbedClip> {
  let parsed: ProbeJson;
  try {
    const { stdout } = await run(ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', url], {
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
      maxBuffer: 4 * 1024 * 1024,
    });
    parsed = JSON.parse(stdout) as ProbeJson;
  } catch {
    throw new ClipProbeError('ffprobe could not read the clip');
  }
  const video = (parsed.streams ?? []).find((s) => s.codec_type === 'video' && s.width && s.height);
  if (!video) throw new ClipProbeError('the clip has no video stream');
  const durationMs = Math.round(Number(parsed.format?.duration ?? NaN) * 1000);
  if (!Number.isFinite(durationMs) || durationMs <= 0) throw new ClipProbeError('the clip has no duration');
  return { durationMs, width: video.width as number, height: video.height as number, videoCodec: video.codec_name ?? 'unknown' };
}
