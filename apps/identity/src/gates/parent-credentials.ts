import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { ParentsRepository } from '../parents/parents.repository';

/**
 * Port: checks a parent's password (the PIN re-check). The parents feature owns the accounts;
 * {@link ParentsRepositoryCredentials} reads them through its `ParentsRepository` (memory or
 * Postgres, whichever the app runs), so the gates never touch the `parents` table themselves.
 */
export abstract class ParentCredentials {
  /** Whether `password` is the parent's password (argon2id); `false` for an unknown parent. */
  abstract verifyPassword(tenantId: string, parentUserId: string, password: string): Promise<boolean>;
}

/** A hash no password matches, verified for unknown parents so the answer takes as long. */
let decoy: Promise<string> | undefined;
const decoyHash = (): Promise<string> => (decoy ??= hash('decoy-password-never-used'));

/** {@link ParentCredentials} over the parents feature's accounts. */
@Injectable()
export class ParentsRepositoryCredentials extends ParentCredentials {
  constructor(private readonly parents: ParentsRepository) {
    super();
  }

  async verifyPassword(tenantId: string, parentUserId: string, password: string): Promise<boolean> {
    const parent = await this.parents.findById(tenantId, parentUserId);
    const ok = await verify(parent?.passwordHash ?? (await decoyHash()), password).catch(() => false);
    return parent !== null && ok;
  }
}
