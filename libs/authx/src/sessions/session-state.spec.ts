import { createPgPool } from '@mikasmissions/persistence';
import { createLibSchema, dropSchema, testDatabaseUrl } from '@mikasmissions/testing';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { MemoryRoleAssignmentStore } from '../adapters/memory/memory-role-assignment.store';
import { MemorySessionStore } from '../adapters/memory/memory-session.store';
import { PostgresSessionStore } from '../adapters/postgres/postgres-session.store';
import type { AuditService } from '../audit/audit.service';
import type { ResolvedAuthxOptions } from '../authx.options';
import type { SessionStore } from '../ports/session-store';
import { JwtCodec } from '../tokens/jwt-codec';
import { SecretBox } from '../tokens/secret-box';
import { SessionService } from './session.service';

const SECRET = 'session-state-spec-secret-0123456789-0123';

// Issue 9 item 9: the deny-list failed open, so a token naming a session nobody opened passed.
describe.each(['memory', 'postgres'] as const)('SessionService.state on the %s store (fail closed)', (kind) => {
  let pool: Pool | undefined;
  let schema = '';
  let sessions: SessionService;

  beforeAll(async () => {
    let store: SessionStore = new MemorySessionStore();
    if (kind === 'postgres') {
      pool = createPgPool(testDatabaseUrl(), 2);
      schema = await createLibSchema(pool, ['authx'], 'authx_state');
      store = new PostgresSessionStore(pool, schema);
    }
    const options = { accessTokenTtlSec: 60, refreshTokenTtlSec: 3_600, refreshGraceSec: 10 } as ResolvedAuthxOptions;
    sessions = new SessionService(
      store,
      new MemoryRoleAssignmentStore(),
      new JwtCodec({ kind: 'secret', secret: SECRET }),
      new SecretBox(SECRET),
      { record: async () => undefined } as unknown as AuditService,
      options,
    );
  });
  afterAll(async () => {
    if (!pool) return;
    await dropSchema(pool, schema);
    await pool.end();
  });

  it('is unknown for an id the store never saw, live once opened, revoked after logout', async () => {
    expect(await sessions.state(randomUUID())).toBe('unknown');
    const { sessionId } = await sessions.open({ tenantId: 't', userId: 'u', roles: ['user'] });
    expect(await sessions.state(sessionId)).toBe('live');
    await sessions.revoke(sessionId, 'logout');
    expect(await sessions.state(sessionId)).toBe('revoked');
  });
});
