import { Inject, Injectable } from '@nestjs/common';
import { PlatformError } from '@mikasmissions/http';
import { AUTHX_OPTIONS, type ResolvedAuthxOptions } from '../authx.options';
import { RelationTupleStore, type RelationTuple } from '../ports/relation-tuple-store';

const OBJECT = /^[a-z][a-z0-9_]{0,63}:[A-Za-z0-9_.@:-]{1,128}$/;
const RELATION = /^[a-z][a-z0-9_]{0,63}$/;
const SUBJECT = /^[a-z][a-z0-9_]{0,63}:[A-Za-z0-9_.@:-]{1,128}(#[a-z][a-z0-9_]{0,63})?$/;

/** 400 for a tuple that is not `type:id`, `relation`, `type:id[#relation]`. */
export class InvalidTupleError extends PlatformError {
  constructor(message: string) {
    super(400, 'invalid_tuple', message);
  }
}

/** Result of a check: allowed or not, and why. */
export interface RebacDecision {
  allowed: boolean;
  reason: 'direct' | 'userset' | 'computed' | 'no_relation' | 'depth_exceeded';
}

/** Validates a tuple's shape; throws {@link InvalidTupleError}. */
export function assertTuple(t: RelationTuple): void {
  if (!OBJECT.test(t.object)) throw new InvalidTupleError('object must look like type:id (e.g. project:123)');
  if (!RELATION.test(t.relation)) throw new InvalidTupleError('relation must be a lower-case name (e.g. viewer)');
  if (!SUBJECT.test(t.subject))
    throw new InvalidTupleError('subject must look like type:id or type:id#relation (e.g. user:1, group:kids#member)');
}

/**
 * REBAC checks over tenant-namespaced tuples: direct tuples, usersets
 * (`group:kids#member`), and relations computed from the schema (`implies`, `from`).
 * Expansion is bounded in depth and remembers visited nodes, so cycles end.
 */
@Injectable()
export class RebacService {
  constructor(
    private readonly store: RelationTupleStore,
    @Inject(AUTHX_OPTIONS) private readonly options: ResolvedAuthxOptions,
  ) {}

  async write(tenantId: string, tuple: RelationTuple): Promise<void> {
    assertTuple(tuple);
    await this.store.write(tenantId, tuple);
  }

  async delete(tenantId: string, tuple: RelationTuple): Promise<boolean> {
    assertTuple(tuple);
    return this.store.delete(tenantId, tuple);
  }

  list(tenantId: string, filter: Partial<RelationTuple>, limit = 100): Promise<RelationTuple[]> {
    return this.store.list(tenantId, filter, limit);
  }

  /** Does `subject` hold `relation` on `object` in `tenantId`? */
  async check(tenantId: string, object: string, relation: string, subject: string): Promise<RebacDecision> {
    assertTuple({ object, relation, subject });
    const state = { depthExceeded: false, visited: new Set<string>() };
    const how = await this.expand(tenantId, object, relation, subject, 0, state);
    if (how) return { allowed: true, reason: how };
    return { allowed: false, reason: state.depthExceeded ? 'depth_exceeded' : 'no_relation' };
  }

  private async expand(
    tenantId: string,
    object: string,
    relation: string,
    subject: string,
    depth: number,
    state: { depthExceeded: boolean; visited: Set<string> },
  ): Promise<RebacDecision['reason'] | null> {
    const node = `${object}#${relation}`;
    if (state.visited.has(node)) return null;
    if (depth > this.options.rebacMaxDepth) {
      state.depthExceeded = true;
      return null;
    }
    state.visited.add(node);
    const holders = await this.store.subjects(tenantId, object, relation);
    if (holders.includes(subject)) return depth === 0 ? 'direct' : 'computed';
    for (const holder of holders) {
      const hash = holder.indexOf('#');
      if (hash < 0) continue;
      if (await this.expand(tenantId, holder.slice(0, hash), holder.slice(hash + 1), subject, depth + 1, state)) return 'userset';
    }
    const rule = this.options.rebacSchema[object.slice(0, object.indexOf(':'))]?.[relation];
    for (const implied of rule?.implies ?? []) {
      if (await this.expand(tenantId, object, implied, subject, depth + 1, state)) return 'computed';
    }
    for (const f of rule?.from ?? []) {
      for (const parent of await this.store.subjects(tenantId, object, f.via)) {
        if (parent.includes('#')) continue;
        if (await this.expand(tenantId, parent, f.relation, subject, depth + 1, state)) return 'computed';
      }
    }
    return null;
  }
}
