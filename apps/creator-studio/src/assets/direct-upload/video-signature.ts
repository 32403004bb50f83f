/** A container family recognised from a file's first bytes. */
export type VideoContainer = 'mp4' | 'matroska' | 'avi' | 'mpeg-ts' | 'mpeg-ps' | 'flv' | 'ogg';

/** How many leading bytes {@link sniffVideoContainer} needs at most. */
export const SNIFF_BYTES = 512;

const ascii = (head: Buffer, at: number, text: string): boolean =>
  head.length >= at + text.length && head.toString('latin1', at, at + text.length) === text;

/**
 * The video container whose signature starts `head` (ISO BMFF / QuickTime `ftyp`, `moov`,
 * `mdat`, `free`, `wide` boxes; EBML (WebM, Matroska); RIFF AVI; MPEG-TS sync bytes at 0 and
 * 188; MPEG-PS pack header; FLV; Ogg), or `null`. Whether the container really holds a video
 * stream is ingest's ffprobe check; this only refuses what is not a video file at all.
 *
 * @example
 * sniffVideoContainer(Buffer.from('\0\0\0\x18ftypisom', 'latin1')) // 'mp4'
 */
export function sniffVideoContainer(head: Buffer): VideoContainer | null {
  if (['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip'].some((box) => ascii(head, 4, box))) return 'mp4';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return 'matroska';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'AVI ')) return 'avi';
  if (head.length > 188 && head[0] === 0x47 && head[188] === 0x47) return 'mpeg-ts';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x000001ba) return 'mpeg-ps';
  if (ascii(head, 0, 'FLV') && head[3] === 0x01) return 'flv';
  if (ascii(head, 0, 'OggS')) return 'ogg';
  return null;
}
