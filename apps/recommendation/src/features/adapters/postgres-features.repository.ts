import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import { type AgeBand, isAgeBand } from '../../policy/age-band';
import type { RecommendationControls } from '../../upstreams/child-controls';
import type { ChildFeatures, ChildFeaturesPatch, HomeSnapshot, Popularity, WatchState, WatchUpdate } from '../child-features';
import { FeaturesRepository } from '../features.repository';

type StateRow = {
  child_id: string;
  episode_id: string;
  age_band: string | null;
  position_seconds: number;
  completed: boolean;
  learning_tags: string[];
  last_event_at: Date;
  completed_at: Date | null;
};
type ChildRow = {
  child_id: string;
  parent_user_id: string | null;
  age_band: string | null;
  controls: RecommendationControls | null;
  updated_at: Date;
};
type SnapshotRow = { child_id: string; policy_key: string; rails: unknown[]; computed_at: Date };

const iso = (d: Date): string => new Date(d).toISOString();
const band = (value: string | null): AgeBand | null => (isAgeBand(value) ? value : null);

const toState = (r: StateRow): WatchState => ({
  childId: r.child_id,
  episodeId: r.episode_id,
  ageBand: band(r.age_band),
  positionSeconds: r.position_seconds,
  completed: r.completed,
  learningTags: r.learning_tags ?? [],
  lastEventAt: iso(r.last_event_at),
  completedAt: r.completed_at ? iso(r.completed_at) : null,
});

/**
 * Postgres features in the service's schema (tables `child_episode_states`, `child_features`,
 * `home_snapshots` from `prisma/recommendation/migrations`), plain SQL through
 * {@link SqlTransactions}: a write joins the consumer's inbox transaction when there is one.
 */
export class PostgresFeaturesRepository extends FeaturesRepository {
  private readonly states: string;
  private readonly children: string;
  private readonly snapshots: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema: string,
  ) {
    super();
    const s = quoteSchema(schema);
    this.states = `${s}."child_episode_states"`;
    this.children = `${s}."child_features"`;
    this.snapshots = `${s}."home_snapshots"`;
  }

  async recordWatch(u: WatchUpdate): Promise<void> {
    await this.sql.client().query(
      `INSERT INTO ${this.states} AS s (child_id, episode_id, age_band, position_seconds, completed, learning_tags, last_event_at, completed_at)
       VALUES ($1, $2, $3, $4, $5::boolean, $6::text[], $7::timestamptz, CASE WHEN $5::boolean THEN $7::timestamptz END)
       ON CONFLICT (child_id, episode_id) DO UPDATE SET
         age_band = COALESCE(EXCLUDED.age_band, s.age_band),
         position_seconds = CASE WHEN EXCLUDED.last_event_at >= s.last_event_at THEN EXCLUDED.position_seconds ELSE s.position_seconds END,
         completed = s.completed OR EXCLUDED.completed,
         learning_tags = CASE WHEN cardinality(EXCLUDED.learning_tags) > 0 THEN EXCLUDED.learning_tags ELSE s.learning_tags END,
         last_event_at = GREATEST(s.last_event_at, EXCLUDED.last_event_at),
         completed_at = COALESCE(s.completed_at, EXCLUDED.completed_at)`,
      [u.childId, u.episodeId, u.ageBand, u.positionSeconds, u.completed, u.learningTags, u.eventAt],
    );
  }

  async watchStates(childId: string): Promise<WatchState[]> {
    const rows = await this.sql
      .client()
      .query<StateRow>(`SELECT * FROM ${this.states} WHERE child_id = $1 ORDER BY last_event_at DESC, episode_id ASC`, [childId]);
    return rows.map(toState);
  }

  async popularInBand(ageBand: AgeBand, since: Date, episodeIds: readonly string[]): Promise<Popularity[]> {
    if (episodeIds.length === 0) return [];
    const rows = await this.sql.client().query<{ episode_id: string; n: number }>(
      `SELECT episode_id, count(*)::int AS n FROM ${this.states}
       WHERE age_band = $1 AND completed_at >= $2 AND episode_id = ANY($3::text[]) GROUP BY episode_id ORDER BY n DESC, episode_id ASC`,
      [ageBand, since, [...episodeIds]],
    );
    return rows.map((r) => ({ episodeId: r.episode_id, completions: r.n }));
  }

  async saveChild(p: ChildFeaturesPatch): Promise<void> {
    await this.sql.client().query(
      `INSERT INTO ${this.children} AS c (child_id, parent_user_id, age_band, controls, updated_at) VALUES ($1, $2, $3, $4::jsonb, now())
       ON CONFLICT (child_id) DO UPDATE SET
         parent_user_id = CASE WHEN $5::boolean THEN EXCLUDED.parent_user_id ELSE c.parent_user_id END,
         age_band = CASE WHEN $6::boolean THEN EXCLUDED.age_band ELSE c.age_band END,
         controls = CASE WHEN $7::boolean THEN EXCLUDED.controls ELSE c.controls END,
         updated_at = now()`,
      [
        p.childId,
        p.parentUserId ?? null,
        p.ageBand ?? null,
        p.controls ? JSON.stringify(p.controls) : null,
        p.parentUserId !== undefined,
        p.ageBand !== undefined,
        p.controls !== undefined,
      ],
    );
  }

  async child(childId: string): Promise<ChildFeatures | null> {
    const [row] = await this.sql.client().query<ChildRow>(`SELECT * FROM ${this.children} WHERE child_id = $1`, [childId]);
    if (!row) return null;
    return {
      childId: row.child_id,
      parentUserId: row.parent_user_id,
      ageBand: band(row.age_band),
      controls: row.controls,
      updatedAt: iso(row.updated_at),
    };
  }

  async saveSnapshot(s: HomeSnapshot): Promise<void> {
    await this.sql.client().query(
      `INSERT INTO ${this.snapshots} (child_id, policy_key, rails, computed_at) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (child_id) DO UPDATE SET policy_key = EXCLUDED.policy_key, rails = EXCLUDED.rails, computed_at = EXCLUDED.computed_at`,
      [s.childId, s.policyKey, JSON.stringify(s.rails), new Date(s.computedAt)],
    );
  }

  async eraseChild(childId: string): Promise<void> {
    const client = this.sql.client();
    for (const table of [this.states, this.children, this.snapshots])
      await client.query(`DELETE FROM ${table} WHERE child_id = $1`, [childId]);
  }

  async snapshot(childId: string): Promise<HomeSnapshot | null> {
    const [row] = await this.sql.client().query<SnapshotRow>(`SELECT * FROM ${this.snapshots} WHERE child_id = $1`, [childId]);
    return row ? { childId: row.child_id, policyKey: row.policy_key, rails: row.rails, computedAt: iso(row.computed_at) } : null;
  }
}
