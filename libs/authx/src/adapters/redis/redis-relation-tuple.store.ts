import type { RedisClient } from '@mikasmissions/persistence';
import { RelationTupleStore, type RelationTuple } from '../../ports/relation-tuple-store';

/**
 * Relation tuples in Redis: one set of subjects per `tenant + object#relation`, plus one
 * index set of `object#relation@subject` strings per tenant for listing. Both keys of a tenant
 * share its hash tag (`<prefix>{<tenant>}:…`), so the `MULTI` that writes them is cluster-safe.
 */
export class RedisRelationTupleStore extends RelationTupleStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix = 'authx:rebac:',
  ) {
    super();
  }

  async write(tenantId: string, t: RelationTuple): Promise<void> {
    await this.redis
      .multi()
      .sadd(this.setKey(tenantId, t.object, t.relation), t.subject)
      .sadd(this.indexKey(tenantId), this.encode(t))
      .exec();
  }

  async delete(tenantId: string, t: RelationTuple): Promise<boolean> {
    const result = await this.redis
      .multi()
      .srem(this.setKey(tenantId, t.object, t.relation), t.subject)
      .srem(this.indexKey(tenantId), this.encode(t))
      .exec();
    return Number(result?.[0]?.[1] ?? 0) > 0;
  }

  async subjects(tenantId: string, object: string, relation: string): Promise<string[]> {
    return this.redis.smembers(this.setKey(tenantId, object, relation));
  }

  async list(tenantId: string, filter: Partial<RelationTuple>, limit: number): Promise<RelationTuple[]> {
    const out: RelationTuple[] = [];
    let cursor = '0';
    do {
      const [next, members] = await this.redis.sscan(this.indexKey(tenantId), cursor, 'COUNT', 500);
      cursor = next;
      for (const m of members) {
        const t = JSON.parse(m) as RelationTuple;
        if ((['object', 'relation', 'subject'] as const).every((k) => filter[k] === undefined || filter[k] === t[k])) out.push(t);
        if (out.length >= limit) return out;
      }
    } while (cursor !== '0');
    return out;
  }

  private setKey(tenantId: string, object: string, relation: string): string {
    return `${this.prefix}{${tenantId}}:${object}#${relation}`;
  }

  private indexKey(tenantId: string): string {
    return `${this.prefix}{${tenantId}}:index`;
  }

  private encode(t: RelationTuple): string {
    return JSON.stringify({ object: t.object, relation: t.relation, subject: t.subject });
  }
}
