/** A user's TOTP authenticator: secret encrypted at rest, last accepted time step. */
export interface TotpEnrolment {
  tenantId: string;
  userId: string;
  secretCipher: string;
  confirmed: boolean;
  lastTimeStep: number;
}

/** Port: TOTP enrolments. Adapters: memory, Postgres. */
export abstract class TotpStore {
  /** Creates or replaces an unconfirmed enrolment. */
  abstract enrol(enrolment: TotpEnrolment): Promise<void>;
  abstract get(tenantId: string, userId: string): Promise<TotpEnrolment | null>;
  abstract confirm(tenantId: string, userId: string): Promise<void>;
  /**
   * Records `timeStep` as used if it is newer than the last one; false when it is not
   * (a replay), atomically across concurrent callers.
   */
  abstract useTimeStep(tenantId: string, userId: string, timeStep: number): Promise<boolean>;
}
