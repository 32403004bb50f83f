import type { DigestItem, DueDigest } from '../digest';
import { DigestRepository } from '../digest.repository';

type Stored = DigestItem & { flushedAt: Date | null; seq: number };

/** In-process digest store for dev:local and unit tests; same contract as the Postgres adapter. */
export class MemoryDigestRepository extends DigestRepository {
  private readonly rows = new Map<string, Stored>();
  private seq = 0;

  async addMany(items: readonly DigestItem[]): Promise<void> {
    for (const item of items) {
      const key = [item.tenantId, item.parentUserId, item.localDay, item.episodeId].join('\u0000');
      if (!this.rows.has(key)) this.rows.set(key, { ...item, flushedAt: null, seq: ++this.seq });
    }
  }

  async due(now: Date, limit: number): Promise<DueDigest[]> {
    const groups = new Map<string, DueDigest>();
    const open = [...this.rows.values()]
      .filter((r) => r.flushedAt === null && r.closesAt.getTime() <= now.getTime())
      .sort((a, b) => a.seq - b.seq);
    for (const row of open) {
      const key = [row.tenantId, row.parentUserId, row.localDay].join('\u0000');
      let group = groups.get(key);
      if (!group) {
        if (groups.size >= limit) continue;
        groups.set(key, (group = { tenantId: row.tenantId, parentUserId: row.parentUserId, localDay: row.localDay, episodes: [] }));
      }
      group.episodes.push({ episodeId: row.episodeId, title: row.title });
    }
    return [...groups.values()];
  }

  async markFlushed(tenantId: string, parentUserId: string, localDay: string, at: Date): Promise<void> {
    for (const row of this.rows.values()) {
      if (row.tenantId === tenantId && row.parentUserId === parentUserId && row.localDay === localDay && row.flushedAt === null)
        row.flushedAt = at;
    }
  }
}
