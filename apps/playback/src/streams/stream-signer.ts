import { createHmac, timingSafeEqual } from 'node:crypto';

/** A flat file name a stream may serve: no directories, no leading dot. */
export const STREAM_FILE = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$/;

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
 * `playlist` with every URI that names a flat file (segment lines, and `URI="…"` of
 * `#EXT-X-KEY`, `#EXT-X-MAP`, `#EXT-X-MEDIA`, …) given its own signed query, so a player that
 * loaded the playlist can fetch them. Other URIs (absolute, nested) are left as they are.
 */
export function signPlaylist(playlist: string, sign: (file: string) => string): string {
  const signed = (uri: string) => {
    const file = uri.split('?')[0];
    return STREAM_FILE.test(file) ? `${file}?${sign(file)}` : uri;
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
