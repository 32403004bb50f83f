import type { Pool } from 'pg';
import { TotpStore, type TotpEnrolment } from '../../ports/totp-store';
import { DEFAULT_AUTHX_SCHEMA, quoteSchema } from './postgres-schema';

/** TOTP enrolments in Postgres (`<schema>.totp_enrolments`). */
export class PostgresTotpStore extends TotpStore {
  private readonly schema: string;

  /** `schema`: the service's Postgres schema holding AuthX's tables (validated, quoted). */
  constructor(
    private readonly pool: Pool,
    schema = DEFAULT_AUTHX_SCHEMA,
  ) {
    super();
    this.schema = quoteSchema(schema);
  }

  async enrol(e: TotpEnrolment): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.schema}.totp_enrolments (tenant_id, user_id, secret_cipher, confirmed, last_time_step) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, user_id) DO UPDATE SET secret_cipher = EXCLUDED.secret_cipher, confirmed = EXCLUDED.confirmed,
         last_time_step = EXCLUDED.last_time_step, updated_at = now()`,
      [e.tenantId, e.userId, e.secretCipher, e.confirmed, e.lastTimeStep],
    );
  }

  async get(tenantId: string, userId: string): Promise<TotpEnrolment | null> {
    const { rows } = await this.pool.query<{ secret_cipher: string; confirmed: boolean; last_time_step: string }>(
      `SELECT secret_cipher, confirmed, last_time_step FROM ${this.schema}.totp_enrolments WHERE tenant_id = $1 AND user_id = $2`,
      [tenantId, userId],
    );
    const r = rows[0];
    return r ? { tenantId, userId, secretCipher: r.secret_cipher, confirmed: r.confirmed, lastTimeStep: Number(r.last_time_step) } : null;
  }

  async confirm(tenantId: string, userId: string): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.schema}.totp_enrolments SET confirmed = true, updated_at = now() WHERE tenant_id = $1 AND user_id = $2`,
      [tenantId, userId],
    );
  }

  async useTimeStep(tenantId: string, userId: string, timeStep: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE ${this.schema}.totp_enrolments SET last_time_step = $3, updated_at = now() WHERE tenant_id = $1 AND user_id = $2 AND last_time_step < $3`,
      [tenantId, userId, timeStep],
    );
    return (rowCount ?? 0) > 0;
  }
}
