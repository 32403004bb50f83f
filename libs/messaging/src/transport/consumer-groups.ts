import type { RedisClient } from '@mikasmissions/persistence';

/** Whether a Redis error says the consumer group (or its stream) is gone: RedisClient lost its data, or someone destroyed the group. */
export const isMissingGroup = (error: unknown): boolean =>
  error instanceof Error && /NOGROUP|no such key|no longer exists/i.test(error.message);

/**
 * Creates the consumer group of every stream, and the stream itself, where missing
 * (`XGROUP CREATE … 0 MKSTREAM`). From `0`, so a group made again after Redis lost its data
 * reads everything the relay has sent since, re-sent rows included.
 */
export async function ensureGroups(client: RedisClient, streams: string[], group: string): Promise<void> {
  for (const stream of streams) {
    await client.xgroup('CREATE', stream, group, '0', 'MKSTREAM').catch((e: Error) => {
      if (!e.message.includes('BUSYGROUP')) throw e;
    });
  }
}

/** `pending` and `lag` of `group` per stream (`XINFO GROUPS`); throws when a stream or the group is missing. */
export async function groupStates(
  client: RedisClient,
  streams: string[],
  group: string,
): Promise<Record<string, { pending: number; lag: number | null }>> {
  const states: Record<string, { pending: number; lag: number | null }> = {};
  for (const stream of streams) {
    const groups = (await client.xinfo('GROUPS', stream)) as Array<Array<string | number | null>>;
    for (const fields of groups) {
      const info: Record<string, unknown> = {};
      for (let i = 0; i + 1 < fields.length; i += 2) info[String(fields[i])] = fields[i + 1];
      if (info.name === group)
        states[stream] = { pending: Number(info.pending), lag: info.lag === null || info.lag === undefined ? null : Number(info.lag) };
    }
    if (!states[stream]) throw new Error(`consumer group "${group}" is missing on ${stream}`);
  }
  return states;
}
