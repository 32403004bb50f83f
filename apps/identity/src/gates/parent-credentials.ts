import { hash, verify } from '@node-rs/argon2';
import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';

/**
 * Port: checks a parent's password (the PIN re-check), owned by the parents feature. The
 * Postgres adapter reads `identity.parents (id, password_hash)` (the parents feature's table;
 * `id` is the parent_user_id) and nothing else.
 */
export abstract class ParentCredentials {
  /** Whether `password` is the parent's password (argon2id); `false` for an unknown parent. */
  abstract verifyPassword(parentUserId: string, password: string): Promise<boolean>;
}

/** A hash no password matches, verified for unknown parents so the answer takes as long. */
let decoy: Promise<string> | undefined;
const decoyHash = (): Promise<string> => (decoy ??= hash('decoy-password-never-used'));

async function check(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await decoyHash(), password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** {@link ParentCredentials} in memory: knows the passwords {@link setPassword} hashed (tests, dev:local). */
export class MemoryParentCredentials extends ParentCredentials {
  private readonly hashes = new Map<string, string>();

  /** Stores the argon2id hash of `password` for `parentUserId`. */
  async setPassword(parentUserId: string, password: string): Promise<void> {
    this.hashes.set(parentUserId, await hash(password));
  }

  verifyPassword(parentUserId: string, password: string): Promise<boolean> {
    return check(this.hashes.get(parentUserId), password);
  }
}

/** {@link ParentCredentials} on the parents feature's `parents` table (read only). */
export class PostgresParentCredentials extends ParentCredentials {
  private readonly table: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema = 'identity',
  ) {
    super();
    this.table = `${quoteSchema(schema)}.parents`;
  }

  async verifyPassword(parentUserId: string, password: string): Promise<boolean> {
    const rows = await this.sql.client().query<{ password_hash: string }>(`SELECT password_hash FROM ${this.table} WHERE id = $1`, [parentUserId]);
    return check(rows[0]?.password_hash, password);
  }
}
