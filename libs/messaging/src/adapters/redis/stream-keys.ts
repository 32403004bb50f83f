/** The stream of an event type: `<prefix><type>`; its dead letters live in `<stream>.dlq`. */
export const streamKey = (prefix: string, type: string): string => `${prefix}${type}`;

/**
 * The stream's marker key `<stream>:epoch`: a random value set once (`SET NX`). A Redis that
 * lost its data (restart without persistence, FLUSHALL, failover to an empty replica) has
 * none, so the next publish sets a new one and the reconciler sees the epoch change.
 */
export const epochKey = (stream: string): string => `${stream}:epoch`;
