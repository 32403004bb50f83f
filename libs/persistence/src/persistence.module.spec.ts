import { Inject, Injectable } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { Transactional } from '@nestjs-cls/transactional';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { testEnv } from '@mikasmissions/testing';
import { PersistenceModule } from './persistence.module';
import { PERSISTENCE_SCHEMA, PG_POOL } from './persistence.tokens';
import { SqlTransactions } from './ports/sql-transactions';
import { quoteSchema } from './schema-name';
import type { Pool } from 'pg';

const SCHEMA = `tx_${process.pid}_${Date.now().toString(36)}`;

/** A use case of a service that imports PersistenceModule but not MessagingModule. */
@Injectable()
class NotesWriter {
  constructor(
    @Inject(SqlTransactions) private readonly sql: SqlTransactions,
    @Inject(PERSISTENCE_SCHEMA) private readonly schema: string,
  ) {}

  @Transactional()
  async write(ids: string[], fail: boolean): Promise<void> {
    for (const id of ids) await this.sql.client().query(`INSERT INTO ${quoteSchema(this.schema)}.notes (id) VALUES ($1)`, [id]);
    if (fail) throw new Error('boom');
  }
}

describe('PersistenceModule transactions (real Postgres, no MessagingModule)', () => {
  let moduleRef: TestingModule;
  let pool: Pool;
  const ids = async (): Promise<string[]> =>
    (await pool.query(`SELECT id FROM ${quoteSchema(SCHEMA)}.notes ORDER BY id`)).rows.map((r) => r.id);

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [
        PlatformConfigModule.forRoot({ env: testEnv('postgres') }),
        ContextModule.forRoot(),
        PersistenceModule.forRoot({ schema: SCHEMA }),
      ],
      providers: [NotesWriter],
    }).compile();
    await moduleRef.init();
    pool = moduleRef.get(PG_POOL);
    await pool.query(`CREATE SCHEMA ${quoteSchema(SCHEMA)}`);
    await pool.query(`CREATE TABLE ${quoteSchema(SCHEMA)}.notes (id text PRIMARY KEY)`);
  });
  afterAll(async () => {
    await pool?.query(`DROP SCHEMA IF EXISTS ${quoteSchema(SCHEMA)} CASCADE`);
    await moduleRef?.close();
  });

  it('provides the schema it was given', () => {
    expect(moduleRef.get(PERSISTENCE_SCHEMA)).toBe(SCHEMA);
  });

  it('commits every row of a @Transactional() method that succeeds', async () => {
    await moduleRef.get(NotesWriter).write(['a', 'b'], false);
    expect(await ids()).toEqual(['a', 'b']);
  });

  it('rolls back every row of a @Transactional() method that throws', async () => {
    await expect(moduleRef.get(NotesWriter).write(['c', 'd'], true)).rejects.toThrow('boom');
    expect(await ids()).toEqual(['a', 'b']);
  });

  it('rejects a schema that is not a plain identifier at start-up', () => {
    expect(() => PersistenceModule.forRoot({ schema: 'Bad-Name"; DROP' })).toThrow('invalid schema name');
  });
});
