import { OtpStore, type OtpBudget, type OtpTakeResult, type OtpTicket } from '../../ports/otp-store';

/** In-process OTP state for dev and tests; single-process only. */
export class MemoryOtpStore extends OtpStore {
  private readonly tickets = new Map<string, { ticket: OtpTicket; used: number }>();
  private readonly cooldowns = new Map<string, number>();
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly marks = new Map<string, number>();

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

  async take(budgets: readonly OtpBudget[]): Promise<OtpTakeResult> {
    const now = Date.now();
    for (const b of budgets) {
      const window = this.windows.get(b.key);
      if (window && window.resetAt > now && window.count >= b.max) return { ok: false, key: b.key, resetMs: window.resetAt - now };
    }
    for (const b of budgets) await this.hit(b.key, b.windowMs);
    return { ok: true };
  }

  async mark(key: string, ttlMs: number): Promise<void> {
    this.marks.set(key, Date.now() + ttlMs);
  }

  async markedFor(key: string): Promise<number> {
    const left = (this.marks.get(key) ?? 0) - Date.now();
    if (left > 0) return left;
    this.marks.delete(key);
    return 0;
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
