import { TotpStore, type TotpEnrolment } from '../../ports/totp-store';

/** In-process TOTP enrolments for dev and tests. */
export class MemoryTotpStore extends TotpStore {
  private readonly enrolments = new Map<string, TotpEnrolment>();

  async enrol(enrolment: TotpEnrolment): Promise<void> {
    this.enrolments.set(`${enrolment.tenantId}\u0000${enrolment.userId}`, { ...enrolment });
  }

  async get(tenantId: string, userId: string): Promise<TotpEnrolment | null> {
    const e = this.enrolments.get(`${tenantId}\u0000${userId}`);
    return e ? { ...e } : null;
  }

  async confirm(tenantId: string, userId: string): Promise<void> {
    const e = this.enrolments.get(`${tenantId}\u0000${userId}`);
    if (e) e.confirmed = true;
  }

  async useTimeStep(tenantId: string, userId: string, timeStep: number): Promise<boolean> {
    const e = this.enrolments.get(`${tenantId}\u0000${userId}`);
    if (!e || timeStep <= e.lastTimeStep) return false;
    e.lastTimeStep = timeStep;
    return true;
  }
}
