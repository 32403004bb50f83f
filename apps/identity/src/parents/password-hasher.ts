import { Injectable, type OnModuleInit } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashing with argon2id (`@node-rs/argon2`, OWASP's 19 MiB / 2 passes / 1 lane).
 * {@link verifyOrBurn} runs a full verification against a dummy hash when there is no account,
 * so an unknown email costs the same time as a wrong password.
 *
 * @example
 * const ok = await hasher.verifyOrBurn(parent?.passwordHash ?? null, password);
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummy?: Promise<string>;

  /** Makes the dummy hash at start-up, so the first unknown email costs no more than later ones. */
  async onModuleInit(): Promise<void> {
    await this.dummyHash();
  }

  /** An argon2id PHC string of `password`, with a random salt. */
  hash(password: string): Promise<string> {
    return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  }

  /** Whether `password` matches `stored`; false (never a throw) for a malformed hash. */
  async verify(stored: string, password: string): Promise<boolean> {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  }

  /** {@link verify}, or for a missing account the same work against a dummy hash, answering false. */
  async verifyOrBurn(stored: string | null, password: string): Promise<boolean> {
    if (stored !== null) return this.verify(stored, password);
    await this.verify(await this.dummyHash(), password);
    return false;
  }

  private dummyHash(): Promise<string> {
    this.dummy ??= this.hash('dummy-password-for-unknown-accounts');
    return this.dummy;
  }
}
