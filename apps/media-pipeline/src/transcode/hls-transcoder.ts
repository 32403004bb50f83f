import { execFile, spawn } from 'node:child_process';
import { access, chmod, constants, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { MediaRendition } from '@mikasmissions/contracts-events';
import { masterPlaylist, measureVariant, type MasterVariant } from './hls-master';
import { TranscodeRejection } from './transcode.errors';

const run = promisify(execFile);

/** The ffmpeg binary: `FFMPEG_PATH`, else the one of `@ffmpeg-installer/linux-x64` (made executable if the install left it not). */
export async function ffmpegPath(configured?: string): Promise<string> {
  if (configured) return configured;
  const path = join(require.resolve('@ffmpeg-installer/linux-x64/package.json'), '..', 'ffmpeg');
  await access(path, constants.X_OK).catch(() => chmod(path, 0o755));
  return path;
}

/** What one transcode run needs: the binaries, the ladder and the limits. */
export interface HlsJob {
  ffmpeg: string;
  ffprobe: string;
  /** The source file (absolute). */
  source: string;
  /** The output directory (absolute); renditions go to `<out>/<height>p/`, the thumbnail to `<out>/thumb.jpg`. */
  out: string;
  sourceHeight: number;
  /** The ladder, highest first. */
  heights: number[];
  segmentSeconds: number;
  timeoutMs: number;
  /** The source's duration (ffprobe at ingest), for progress. */
  durationMs?: number;
  /** Called with the overall progress (0–99) as ffmpeg reports it; the caller throttles. */
  onProgress?: (percent: number) => void;
}

/** A rendition as written, relative to the job's output directory, with what ffprobe measured of it. */
export interface WrittenRendition extends Omit<MediaRendition, 'storageKey'> {
  /** Path relative to the output directory, e.g. `360p/index.m3u8`. */
  playlist: string;
  durationMs: number;
}

/**
 * The ladder's heights that fit the source (never upscaled); if none does, the source's own
 * height (rounded down to even, as H.264 with 4:2:0 needs).
 */
export function ladderFor(sourceHeight: number, heights: number[]): number[] {
  const fitting = heights.filter((height) => height <= sourceHeight);
  return fitting.length > 0 ? fitting : [Math.max(2, sourceHeight - (sourceHeight % 2))];
}

/**
 * Runs ffmpeg with `-progress pipe:1` (each `out_time_us` goes to `onOutTimeMs`); a kill by the
 * timeout is `transcode_timeout`, any other failure `transcode_failed`.
 */
function ffmpegRun(job: HlsJob, args: string[], what: string, onOutTimeMs?: (ms: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(job.ffmpeg, ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-progress', 'pipe:1', '-nostats', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, job.timeoutMs);
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^out_time_(?:us|ms)=(\d+)$/.exec(line.trim());
        if (match && onOutTimeMs) onOutTimeMs(Number(match[1]) / 1000);
      }
    });
    child.stderr.resume();
    child.on('error', () => {
      clearTimeout(timer);
      reject(new TranscodeRejection('transcode_failed', `ffmpeg could not be started for the ${what}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut || signal === 'SIGKILL')
        return reject(new TranscodeRejection('transcode_timeout', `ffmpeg took longer than ${job.timeoutMs} ms for the ${what}`));
      if (code !== 0) return reject(new TranscodeRejection('transcode_failed', `ffmpeg could not produce the ${what} from the source`));
      resolve();
    });
  });
}

type Probe = { format?: { duration?: string }; streams?: Array<{ codec_type?: string; width?: number; height?: number }> };

/** ffprobe of a written playlist: its video size, duration and whether it has audio (a playlist ffprobe cannot read is `transcode_failed`). */
async function probePlaylist(
  job: HlsJob,
  playlist: string,
): Promise<{ width: number; height: number; durationMs: number; hasAudio: boolean }> {
  try {
    const { stdout } = await run(job.ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', playlist], {
      timeout: 30_000,
      maxBuffer: 4 * 1024 * 1024,
    });
    const parsed = JSON.parse(stdout) as Probe;
    const video = (parsed.streams ?? []).find((stream) => stream.codec_type === 'video');
    const durationMs = Math.round(Number(parsed.format?.duration) * 1000);
    if (!video?.width || !video.height || !Number.isFinite(durationMs) || durationMs < 1) throw new Error('no video');
    const hasAudio = (parsed.streams ?? []).some((stream) => stream.codec_type === 'audio');
    return { width: video.width, height: video.height, durationMs, hasAudio };
  } catch {
    throw new TranscodeRejection('transcode_failed', 'the transcoded playlist is not readable media');
  }
}

/**
 * Transcodes `job.source` to one VOD HLS rendition per ladder height (H.264 main + AAC when the
 * source has audio; fragmented-MP4 segments `segment_NNNN.m4s` + `init.mp4`, HLS v7 — the bundled
 * ffprobe 5.2 static build segfaults on MPEG-TS, so the probe of the output could not run on `.ts`; segments of `segmentSeconds` with forced key frames, so renditions align) and
 * a JPEG thumbnail, each ffmpeg run bounded by `timeoutMs` (SIGKILL). Every playlist is probed
 * again; the measured duration is the shortest one's. Then `master.m3u8` lists every rendition
 * (highest first) with its measured peak/average bit rate, resolution and codecs.
 */
export async function transcodeToHls(job: HlsJob): Promise<{ renditions: WrittenRendition[]; thumbnail: string; master: string }> {
  const renditions: WrittenRendition[] = [];
  const variants: MasterVariant[] = [];
  const ladder = ladderFor(job.sourceHeight, job.heights);
  for (const [rung, height] of ladder.entries()) {
    const progress = (ms: number) => {
      if (!job.onProgress || !job.durationMs) return;
      job.onProgress(Math.min(99, Math.floor(((rung + Math.min(1, ms / job.durationMs)) / ladder.length) * 100)));
    };
    const profile = `${height}p`;
    const dir = join(job.out, profile);
    await mkdir(dir, { recursive: true });
    await ffmpegRun(
      job,
      [
        ...['-i', job.source, '-map', '0:v:0', '-map', '0:a:0?', '-vf', `scale=-2:${height}`],
        ...['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main', '-pix_fmt', 'yuv420p', '-crf', '23'],
        ...['-force_key_frames', `expr:gte(t,n_forced*${job.segmentSeconds})`, '-sc_threshold', '0'],
        ...['-c:a', 'aac', '-b:a', '96k', '-ac', '2'],
        ...['-f', 'hls', '-hls_time', String(job.segmentSeconds), '-hls_playlist_type', 'vod'],
        ...['-hls_segment_type', 'fmp4', '-hls_fmp4_init_filename', 'init.mp4'],
        ...['-hls_segment_filename', join(dir, 'segment_%04d.m4s'), join(dir, 'index.m3u8')],
      ],
      `${profile} rendition`,
      progress,
    );
    const segments = (await readdir(dir)).filter((name) => name.endsWith('.m4s'));
    if (segments.length === 0) throw new TranscodeRejection('transcode_failed', `ffmpeg wrote no segments for the ${profile} rendition`);
    const { hasAudio, ...measured } = await probePlaylist(job, join(dir, 'index.m3u8'));
    const playlist = `${profile}/index.m3u8`;
    renditions.push({ profile, playlist, ...measured });
    variants.push(await measureVariant(job.out, { playlist, width: measured.width, height: measured.height, hasAudio }));
  }
  await writeFile(join(job.out, 'master.m3u8'), masterPlaylist(variants));
  const at = Math.min(1, Math.min(...renditions.map((r) => r.durationMs)) / 2000).toFixed(3);
  await ffmpegRun(
    job,
    ['-ss', at, '-i', job.source, '-frames:v', '1', '-vf', `scale=-2:${renditions[0].height}`, join(job.out, 'thumb.jpg')],
    'thumbnail',
  );
  return { renditions, thumbnail: 'thumb.jpg', master: 'master.m3u8' };
}
