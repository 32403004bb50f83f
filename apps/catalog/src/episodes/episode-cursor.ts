import type { EpisodeCursor } from './episode';
import { InvalidCursorError } from './episodes.errors';

/** The opaque `next_cursor` of a listing page: base64url of the last episode's position. */
export function encodeCursor(cursor: EpisodeCursor): string {
  return Buffer.from(JSON.stringify([cursor.publishedAt, cursor.episodeId]), 'utf8').toString('base64url');
}

/** Reads a cursor back; anything this service did not hand out is 400 `invalid_cursor`. */
export function decodeCursor(text: string): EpisodeCursor {
  try {
    if (!/^[A-Za-z0-9_-]{1,800}$/.test(text)) throw new Error('not base64url');
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) throw new Error('not a pair');
    const [publishedAt, episodeId] = value as unknown[];
    if (typeof publishedAt !== 'string' || typeof episodeId !== 'string' || episodeId.length === 0 || episodeId.length > 128)
      throw new Error('bad fields');
    const at = new Date(publishedAt);
    if (Number.isNaN(at.getTime()) || at.toISOString() !== publishedAt) throw new Error('bad instant');
    return { publishedAt, episodeId };
  } catch {
    throw new InvalidCursorError();
  }
}
