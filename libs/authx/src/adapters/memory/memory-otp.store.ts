import { OtpStore, type OtpTicket } from '../../ports/otp-store';

/** In-process OTP state for dev and tests; single-process only. */
export class MemoryOtpStore extends OtpStore {
  private readonly tickets = new Map<string, { ticket: OtpTicket; used: number }>();
  private readonly cooldowns = new Map<string, number>();
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  async saveTicket(ticket: OtpTicket): Promise<void> {
    this.tickets.set(ticket.id, { ticket: { ...ticket }, used: 0 });
  }

  async getTicket(id: string): Promise<OtpTicket | null> {
    const entry = this.live(id);
    return entry ? { ...entry.ticket } : null;
  }

  async recordAttempt(id: string): Promise<number | null> {
    const entry = this.live(id);
    if (!entry) return null;
    entry.used += 1;
    if (entry.used > entry.ticket.maxAttempts) {
      this.tickets.delete(id);
      return null;
    }
    return entry.used;
  }

  async consumeTicket(id: string): Promise<boolean> {
    return this.live(id) !== undefined && this.tickets.delete(id);
  }

  async claimCooldown(key: string, ttlMs: number): Promise<number> {
    const now = Date.now();
    const until = this.cooldowns.get(key);
    if (until !== undefined && until > now) return until - now;
    this.cooldowns.set(key, now + ttlMs);
    return 0;
  }

  async hit(key: string, windowMs: number): Promise<{ count: number; resetMs: number }> {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetMs: window.resetAt - now };
  }

  private live(id: string): { ticket: OtpTicket; used: number } | undefined {
    const entry = this.tickets.get(id);
    if (entry && entry.ticket.expiresAt <= Date.now()) {
      this.tickets.delete(id);
      return undefined;
    }
    return entry;
  }
}
