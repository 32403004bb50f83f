import { createHmac, timingSafeEqual } from 'node:crypto';

/** A flat file name a stream may serve: no directories, no leading dot. */
export const STREAM_FILE = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$/;

/** A rendition folder a master playlist names (`720p`): one plain name, no leading dot (so never `..`). */
export const RENDITION_DIR = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}$/;

/** The path of a file a session may serve: `<file>`, or `<rendition>/<file>` one folder below the session's playlist. */
export function isStreamPath(path: string): boolean {
  const parts = path.split('/');
  if (parts.length === 1) return STREAM_FILE.test(parts[0]);
  return parts.length === 2 && RENDITION_DIR.test(parts[0]) && STREAM_FILE.test(parts[1]);
}

/**
 * Signs and checks the URLs of a session's HLS files: `sig` = base64url HMAC-SHA256 over
 * `stream:v1:<session>:<file>:<exp>` with `PLAYBACK_SIGNING_KEY`, so a signature works only
 * for its session, its file and until `exp` (Unix seconds). Also the session `token` of a
 * start answer (`<session>.<exp>.<sig>` over `session:v1:<session>:<exp>`).
 */
export class StreamSigner {
  constructor(private readonly key: string) {}

  /** The signature of `file` of `sessionId` until `exp`. */
  sign(sessionId: string, file: string, exp: number): string {
    return this.mac(`stream:v1:${sessionId}:${file}:${exp}`);
  }

  /** The query string (`exp=…&sig=…`) that makes `file` of `sessionId` fetchable until `exp`. */
  query(sessionId: string, file: string, exp: number): string {
    return `exp=${exp}&sig=${this.sign(sessionId, file, exp)}`;
  }

  /** Whether `sig` is this key's signature of the file and `exp` is still ahead of `nowSec`. */
  verify(sessionId: string, file: string, exp: unknown, sig: unknown, nowSec: number): boolean {
    if (typeof sig !== 'string' || typeof exp !== 'string' || !/^\d{1,12}$/.test(exp)) return false;
    const expiry = Number(exp);
    if (expiry <= nowSec) return false;
    const want = Buffer.from(this.sign(sessionId, file, expiry));
    const got = Buffer.from(sig);
    return got.length === want.length && timingSafeEqual(got, want);
  }

  /** The opaque session token of a start answer. */
  sessionToken(sessionId: string, exp: number): string {
    return `${sessionId}.${exp}.${this.mac(`session:v1:${sessionId}:${exp}`)}`;
  }

  private mac(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('base64url');
  }
}

/**
 * `playlist` with every URI that names a servable file (segment lines, variant playlists of a
 * master, and `URI="…"` of `#EXT-X-KEY`, `#EXT-X-MAP`, `#EXT-X-MEDIA`, …) given its own signed
 * query, so a player that loaded the playlist can fetch them. `folder` is the playlist's own
 * rendition folder ('' for the session's top playlist): URIs stay relative, but the signature
 * covers the path from the session's folder (`720p/segment_0000.m4s`). Other URIs (absolute,
 * deeper, `..`) are left as they are, unsigned, so the stream route refuses them.
 */
export function signPlaylist(playlist: string, sign: (path: string) => string, folder = ''): string {
  const signed = (uri: string) => {
    const file = uri.split('?')[0];
    const path = folder === '' ? file : `${folder}/${file}`;
    const plain = folder === '' ? isStreamPath(file) : STREAM_FILE.test(file) && isStreamPath(path);
    return plain ? `${file}?${sign(path)}` : uri;
  };
  return playlist
    .split(/\r?\n/)
    .map((line) => {
      const trimmed = line.trim();
      if (trimmed === '') return line;
      if (trimmed.startsWith('#')) return line.replace(/URI="([^"]+)"/g, (_m, uri: string) => `URI="${signed(uri)}"`);
      return signed(trimmed);
    })
    .join('\n');
}
