import { execFile } from 'node:child_process';
import { access, chmod, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { IngestRejection } from './ingest.errors';

const run = promisify(execFile);

/** What ffprobe measured of a stored source. */
export interface ProbedMedia {
  container: string;
  durationMs: number;
  width: number;
  height: number;
  videoCodec?: string;
}

type ProbeJson = {
  format?: { format_name?: string; duration?: string };
  streams?: Array<{ codec_type?: string; codec_name?: string; width?: number; height?: number; duration?: string }>;
};

/** The ffprobe binary: `FFPROBE_PATH`, else the one of `@ffprobe-installer/linux-x64` (made executable if the install left it not). */
export async function ffprobePath(configured?: string): Promise<string> {
  if (configured) return configured;
  const path = join(require.resolve('@ffprobe-installer/linux-x64/package.json'), '..', 'ffprobe');
  await access(path, constants.X_OK).catch(() => chmod(path, 0o755));
  return path;
}

/**
 * Probes `file` with ffprobe (JSON output, 30 s at most): a container ffprobe can read, with a
 * video stream, and a duration in 1 ms … `maxDurationMs`. Anything else is an
 * {@link IngestRejection}: `unreadable_media`, `no_video_stream`, `duration_out_of_bounds`.
 */
export async function probeMedia(file: string, maxDurationMs: number, ffprobe: string): Promise<ProbedMedia> {
  let parsed: ProbeJson;
  try {
    const { stdout } = await run(ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], {
      timeout: 30_000,
      maxBuffer: 4 * 1024 * 1024,
    });
    parsed = JSON.parse(stdout) as ProbeJson;
  } catch {
    throw new IngestRejection('unreadable_media', 'ffprobe could not read the source as media');
  }
  const video = (parsed.streams ?? []).find((stream) => stream.codec_type === 'video' && stream.width && stream.height);
  if (!video) throw new IngestRejection('no_video_stream', 'the source has no video stream');
  const seconds = Number(parsed.format?.duration ?? video.duration ?? NaN);
  const durationMs = Math.round(seconds * 1000);
  if (!Number.isFinite(durationMs) || durationMs < 1 || durationMs > maxDurationMs)
    throw new IngestRejection('duration_out_of_bounds', `the duration must be between 1 ms and ${maxDurationMs} ms`);
  return {
    container: parsed.format?.format_name ?? 'unknown',
    durationMs,
    width: video.width as number,
    height: video.height as number,
    ...(video.codec_name ? { videoCodec: video.codec_name } : {}),
  };
}
