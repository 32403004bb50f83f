import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TranscodeRejection } from './transcode.errors';

/** One variant of the master playlist, measured from a written rendition. */
export interface MasterVariant {
  /** The rendition's playlist relative to the master, e.g. `720p/index.m3u8`. */
  playlist: string;
  width: number;
  height: number;
  /** Peak segment bit rate (bits/s), the HLS `BANDWIDTH`. */
  bandwidth: number;
  /** Whole-presentation bit rate (bits/s), the HLS `AVERAGE-BANDWIDTH`. */
  averageBandwidth: number;
  /** RFC 6381 codecs, e.g. `avc1.4d401f,mp4a.40.2`. */
  codecs: string;
}

/**
 * The RFC 6381 name of the H.264 stream in a fragmented-MP4 init segment: `avc1.` + profile,
 * constraint flags and level from its `avcC` box (the bytes after the version byte).
 */
export function avcCodecOf(init: Buffer): string {
  const at = init.indexOf('avcC');
  if (at < 0 || at + 8 > init.length) throw new TranscodeRejection('transcode_failed', 'the init segment has no H.264 configuration');
  const hex = (offset: number) => init[at + offset].toString(16).padStart(2, '0');
  return `avc1.${hex(5)}${hex(6)}${hex(7)}`;
}

/** Segment URIs and durations (seconds) of a VOD media playlist. */
export function segmentsOf(playlist: string): Array<{ uri: string; seconds: number }> {
  const segments: Array<{ uri: string; seconds: number }> = [];
  let seconds: number | null = null;
  for (const raw of playlist.split(/\r?\n/)) {
    const line = raw.trim();
    const inf = /^#EXTINF:([0-9.]+)/.exec(line);
    if (inf) seconds = Number(inf[1]);
    else if (line !== '' && !line.startsWith('#') && seconds !== null) {
      segments.push({ uri: line, seconds });
      seconds = null;
    }
  }
  return segments;
}

/**
 * Measures a written rendition (`<out>/<playlist>` with its segments and `init.mp4` beside it):
 * the peak and average segment bit rates and its codecs (`mp4a.40.2` added when it has audio).
 */
export async function measureVariant(
  out: string,
  rendition: { playlist: string; width: number; height: number; hasAudio: boolean },
): Promise<MasterVariant> {
  const dir = join(out, dirname(rendition.playlist));
  const segments = segmentsOf(await readFile(join(out, rendition.playlist), 'utf8'));
  if (segments.length === 0) throw new TranscodeRejection('transcode_failed', `the ${rendition.playlist} playlist names no segments`);
  const sizes = await Promise.all(segments.map(async (s) => (await stat(join(dir, s.uri))).size));
  const init = await readFile(join(dir, 'init.mp4'));
  const rates = segments.map((s, i) => ((sizes[i] + (i === 0 ? init.length : 0)) * 8) / Math.max(s.seconds, 0.001));
  const totalSeconds = segments.reduce((sum, s) => sum + s.seconds, 0);
  const totalBits = (sizes.reduce((sum, size) => sum + size, 0) + init.length) * 8;
  return {
    playlist: rendition.playlist,
    width: rendition.width,
    height: rendition.height,
    bandwidth: Math.ceil(Math.max(...rates)),
    averageBandwidth: Math.ceil(totalBits / Math.max(totalSeconds, 0.001)),
    codecs: [avcCodecOf(init), ...(rendition.hasAudio ? ['mp4a.40.2'] : [])].join(','),
  };
}

/** The text of an HLS master playlist (v7, independent segments) listing `variants` in the given order. */
export function masterPlaylist(variants: MasterVariant[]): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const v of variants) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${v.bandwidth},AVERAGE-BANDWIDTH=${v.averageBandwidth},RESOLUTION=${v.width}x${v.height},CODECS="${v.codecs}"`,
      v.playlist,
    );
  }
  return `${lines.join('\n')}\n`;
}
