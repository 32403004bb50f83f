/** How one relation of an object type is computed besides its direct tuples. */
export interface RelationRule {
  /** Holders of these relations on the same object also hold this one (`owner` → `editor`). */
  implies?: string[];
  /** Holders of `relation` on the object(s) named by this object's `via` tuples (`event#parent@project:1`). */
  from?: Array<{ via: string; relation: string }>;
}

/** A small REBAC schema: object type → relation → rule. Relations not listed are direct-only. */
export type RebacSchema = Record<string, Record<string, RelationRule>>;

/**
 * The default schema: `owner` ⊂ `editor` ⊂ `viewer` on projects, and a project's viewers
 * (editors, owners) view its events (`event:e1#parent@project:123`); groups have members.
 */
export const DEFAULT_REBAC_SCHEMA: RebacSchema = {
  project: {
    owner: {},
    editor: { implies: ['owner'] },
    viewer: { implies: ['editor'] },
  },
  event: {
    parent: {},
    editor: { from: [{ via: 'parent', relation: 'editor' }] },
    viewer: { implies: ['editor'], from: [{ via: 'parent', relation: 'viewer' }] },
  },
  group: { member: {} },
};

const NAME = /^[a-z][a-z0-9_]{0,63}$/;

/** Throws at start-up when a schema names a relation it does not define or a malformed name. */
export function assertRebacSchema(schema: RebacSchema): void {
  for (const [type, relations] of Object.entries(schema)) {
    if (!NAME.test(type)) throw new Error(`REBAC schema: invalid object type "${type}"`);
    for (const [relation, rule] of Object.entries(relations)) {
      if (!NAME.test(relation)) throw new Error(`REBAC schema: invalid relation "${type}#${relation}"`);
      for (const implied of rule.implies ?? []) {
        if (!relations[implied]) throw new Error(`REBAC schema: ${type}#${relation} implies unknown relation "${implied}"`);
      }
      for (const f of rule.from ?? []) {
        if (!relations[f.via]) throw new Error(`REBAC schema: ${type}#${relation} follows unknown relation "${f.via}"`);
      }
    }
  }
}
