import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import { uuidv7 } from 'uuidv7';
import type { NewRun, RunChange, RunChangeOutcome, RunLogEntry, RunRecord, RunStatus } from '../run';
import { statesLeadingTo } from '../run-state-machine';
import { RunsRepository } from '../runs.repository';

type Row = Omit<RunRecord, 'run_id'> & { id: string };
type LogRow = { run_id: string; step: string; status: string; message: string; event_time: Date };

const COLUMNS = 'id, workflow_id, workflow_version, model_profile_id, status, priority, auto_publish, input_payload, last_error, attempt';

const toRun = ({ id, ...rest }: Row): RunRecord => ({ run_id: id, ...rest });

/**
 * Postgres store in the service's schema (tables `runs` and `run_logs`), plain SQL through
 * {@link SqlTransactions}. A change is one conditional UPDATE (`status = ANY(allowed sources)`)
 * plus its log row in one transaction, so racing changes cannot both apply.
 */
export class PostgresRunsRepository extends RunsRepository {
  private readonly runs: string;
  private readonly runLogs: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema: string,
  ) {
    super();
    this.runs = `${quoteSchema(schema)}."runs"`;
    this.runLogs = `${quoteSchema(schema)}."run_logs"`;
  }

  create(run: NewRun, log: { step: string; message: string }): Promise<RunRecord> {
    return this.sql.run(async () => {
      const [row] = await this.sql.client().query<Row>(
        `INSERT INTO ${this.runs} (id, workflow_id, workflow_version, model_profile_id, status, priority, auto_publish, input_payload, last_error, attempt)
         VALUES ($1, $2, $3, $4, 'requested', $5, $6, $7::jsonb, NULL, 1) RETURNING ${COLUMNS}`,
        [
          uuidv7(),
          run.workflow_id,
          run.workflow_version,
          run.model_profile_id,
          run.priority,
          run.auto_publish,
          JSON.stringify(run.input_payload),
        ],
      );
      await this.appendLog(row.id, log.step, 'requested', log.message);
      return toRun(row);
    });
  }

  async find(id: string): Promise<RunRecord | null> {
    const [row] = await this.sql.client().query<Row>(`SELECT ${COLUMNS} FROM ${this.runs} WHERE id = $1`, [id]);
    return row ? toRun(row) : null;
  }

  change(id: string, change: RunChange): Promise<RunChangeOutcome> {
    return this.sql.run(async () => {
      const [row] = await this.sql.client().query<Row>(
        `UPDATE ${this.runs} SET status = $2,
           last_error = CASE WHEN $3::boolean THEN $4 ELSE last_error END,
           attempt = attempt + CASE WHEN $5::boolean THEN 1 ELSE 0 END,
           updated_at = now()
         WHERE id = $1 AND status = ANY($6::text[]) AND ($7::int IS NULL OR attempt = $7) RETURNING ${COLUMNS}`,
        [
          id,
          change.to,
          change.lastError !== undefined,
          change.lastError ?? null,
          change.nextAttempt === true,
          statesLeadingTo(change.to),
          change.ifAttempt ?? null,
        ],
      );
      if (row) {
        await this.appendLog(id, change.step, change.to, change.message);
        return { kind: 'moved', run: toRun(row) };
      }
      const [current] = await this.sql
        .client()
        .query<{ status: RunStatus; attempt: number }>(`SELECT status, attempt FROM ${this.runs} WHERE id = $1`, [id]);
      return current ? { kind: 'conflict', status: current.status, attempt: current.attempt } : { kind: 'missing' };
    });
  }

  async logs(id: string): Promise<RunLogEntry[] | null> {
    if (!(await this.find(id))) return null;
    const rows = await this.sql
      .client()
      .query<LogRow>(`SELECT run_id, step, status, message, event_time FROM ${this.runLogs} WHERE run_id = $1 ORDER BY id`, [id]);
    return rows.map((r) => ({
      run_id: r.run_id,
      step: r.step,
      status: r.status,
      message: r.message,
      event_time: new Date(r.event_time).toISOString(),
    }));
  }

  private async appendLog(runId: string, step: string, status: RunStatus, message: string): Promise<void> {
    await this.sql
      .client()
      .query(`INSERT INTO ${this.runLogs} (run_id, step, status, message) VALUES ($1, $2, $3, $4)`, [
        runId,
        step,
        status,
        message.slice(0, 500),
      ]);
  }
}
