import { RelationTupleStore, type RelationTuple } from '../../ports/relation-tuple-store';

const keyOf = (tenantId: string, t: RelationTuple) => JSON.stringify([tenantId, t.object, t.relation, t.subject]);

/** In-process relation tuples for dev and tests. */
export class MemoryRelationTupleStore extends RelationTupleStore {
  private readonly tuples = new Map<string, RelationTuple & { tenantId: string }>();

  async write(tenantId: string, tuple: RelationTuple): Promise<void> {
    this.tuples.set(keyOf(tenantId, tuple), { ...tuple, tenantId });
  }

  async delete(tenantId: string, tuple: RelationTuple): Promise<boolean> {
    return this.tuples.delete(keyOf(tenantId, tuple));
  }

  async subjects(tenantId: string, object: string, relation: string): Promise<string[]> {
    return [...this.tuples.values()]
      .filter((t) => t.tenantId === tenantId && t.object === object && t.relation === relation)
      .map((t) => t.subject);
  }

  async list(tenantId: string, filter: Partial<RelationTuple>, limit: number): Promise<RelationTuple[]> {
    return [...this.tuples.values()]
      .filter(
        (t) =>
          t.tenantId === tenantId &&
          (['object', 'relation', 'subject'] as const).every((k) => filter[k] === undefined || filter[k] === t[k]),
      )
      .slice(0, limit)
      .map(({ object, relation, subject }) => ({ object, relation, subject }));
  }
}
