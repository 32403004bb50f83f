import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import { uuidv7 } from 'uuidv7';
import type { Workflow, WorkflowInput, WorkflowSnapshot } from '../workflow';
import { WorkflowsRepository } from '../workflows.repository';

type Row = {
  id: string;
  name: string;
  description: string;
  content_suitability: Workflow['content_suitability'];
  age_band: Workflow['age_band'];
  steps: string[];
  model_profile_id: string;
  safety_profile: string;
  version: number;
};

const COLUMNS = 'id, name, description, content_suitability, age_band, steps, model_profile_id, safety_profile, version';

const toWorkflow = (row: Row): Workflow => ({
  workflow_id: row.id,
  name: row.name,
  description: row.description,
  content_suitability: row.content_suitability,
  age_band: row.age_band,
  steps: row.steps,
  model_profile_id: row.model_profile_id,
  safety_profile: row.safety_profile,
  version: row.version,
});

/**
 * Postgres store in the service's schema (tables `workflows` and `workflow_versions`, from
 * `prisma/admin-studio/migrations`), plain SQL through {@link SqlTransactions}: a write joins
 * the caller's transaction when there is one, and an update with its snapshot is one transaction.
 */
export class PostgresWorkflowsRepository extends WorkflowsRepository {
  private readonly table: string;
  private readonly versionsTable: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema: string,
  ) {
    super();
    this.table = `${quoteSchema(schema)}."workflows"`;
    this.versionsTable = `${quoteSchema(schema)}."workflow_versions"`;
  }

  create(input: WorkflowInput): Promise<Workflow> {
    return this.sql.run(async () => {
      const [row] = await this.sql.client().query<Row>(
        `INSERT INTO ${this.table} (id, name, description, content_suitability, age_band, steps, model_profile_id, safety_profile, version)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, 1) RETURNING ${COLUMNS}`,
        [
          uuidv7(),
          input.name,
          input.description,
          input.content_suitability,
          input.age_band,
          JSON.stringify(input.steps),
          input.model_profile_id,
          input.safety_profile,
        ],
      );
      const workflow = toWorkflow(row);
      await this.snapshot(workflow);
      return workflow;
    });
  }

  async find(id: string): Promise<Workflow | null> {
    const [row] = await this.sql.client().query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE id = $1`, [id]);
    return row ? toWorkflow(row) : null;
  }

  async list(): Promise<Workflow[]> {
    const rows = await this.sql.client().query<Row>(`SELECT ${COLUMNS} FROM ${this.table} ORDER BY created_at, id`);
    return rows.map(toWorkflow);
  }

  update(id: string, input: WorkflowInput): Promise<Workflow | null> {
    return this.sql.run(async () => {
      const [row] = await this.sql.client().query<Row>(
        `UPDATE ${this.table} SET name = $2, description = $3, content_suitability = $4, age_band = $5, steps = $6::jsonb,
           model_profile_id = $7, safety_profile = $8, version = version + 1, updated_at = now()
         WHERE id = $1 RETURNING ${COLUMNS}`,
        [
          id,
          input.name,
          input.description,
          input.content_suitability,
          input.age_band,
          JSON.stringify(input.steps),
          input.model_profile_id,
          input.safety_profile,
        ],
      );
      if (!row) return null;
      const workflow = toWorkflow(row);
      await this.snapshot(workflow);
      return workflow;
    });
  }

  async delete(id: string): Promise<boolean> {
    const rows = await this.sql.client().query<{ id: string }>(`DELETE FROM ${this.table} WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0;
  }

  async versions(id: string): Promise<WorkflowSnapshot[]> {
    const rows = await this.sql
      .client()
      .query<{ version: number; snapshot: Workflow }>(
        `SELECT version, snapshot FROM ${this.versionsTable} WHERE workflow_id = $1 ORDER BY version`,
        [id],
      );
    return rows.map((r) => ({ version: r.version, workflow: r.snapshot }));
  }

  private async snapshot(workflow: Workflow): Promise<void> {
    await this.sql
      .client()
      .query(`INSERT INTO ${this.versionsTable} (workflow_id, version, snapshot) VALUES ($1, $2, $3::jsonb)`, [
        workflow.workflow_id,
        workflow.version,
        JSON.stringify(workflow),
      ]);
  }
}
