/**
 * The stream of an event type: `<prefix>{<type>}`. The type is the stream's hash tag, so its
 * markers (`<stream>:epoch`), failure hashes (`<stream>:errors:<group>`) and dead letters
 * (`<stream>.dlq`) share its Redis Cluster slot and one `MULTI` may touch them together.
 *
 * @example
 * streamKey('mm:events:', 'media.uploaded') // 'mm:events:{media.uploaded}'
 */
export const streamKey = (prefix: string, type: string): string => `${prefix}{${type}}`;

/** The event type of a stream named by {@link streamKey}. */
export const typeOfStream = (prefix: string, stream: string): string => stream.slice(prefix.length).replace(/^\{(.*)\}$/, '$1');

/**
 * The stream's marker key `<stream>:epoch`: a random value set once (`SET NX`). A Redis that
 * lost its data (restart without persistence, FLUSHALL, failover to an empty replica) has
 * none, so the next publish sets a new one and the reconciler sees the epoch change.
 */
export const epochKey = (stream: string): string => `${stream}:epoch`;
