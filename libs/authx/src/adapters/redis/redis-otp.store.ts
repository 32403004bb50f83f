import type { RedisClient } from '@mikasmissions/persistence';
import { OtpStore, type OtpBudget, type OtpTakeResult, type OtpTicket } from '../../ports/otp-store';

const RECORD_ATTEMPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local used = redis.call('HINCRBY', KEYS[1], 'used', 1)
if used > tonumber(redis.call('HGET', KEYS[1], 'max')) then redis.call('DEL', KEYS[1]) return -1 end
return used`;

const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

const TAKE = `
for i, key in ipairs(KEYS) do
  local count = tonumber(redis.call('GET', key) or '0')
  if count >= tonumber(ARGV[2 * i - 1]) then
    local ttl = redis.call('PTTL', key)
    if ttl < 0 then redis.call('PEXPIRE', key, ARGV[2 * i]) ttl = tonumber(ARGV[2 * i]) end
    return {i, ttl}
  end
end
for i, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 or redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, ARGV[2 * i]) end
end
return {0, 0}`;

/**
 * OTP state in Redis: hashes with PEXPIREAT, Lua for attempt counting and all-or-nothing budgets, SET NX PX cooldowns.
 * Cluster-safe: every budget window lives under one hash tag (`<prefix>{w}:<key>`), so the
 * all-or-nothing `take` script sees all of its keys in one slot (OTP traffic is small).
 */
export class RedisOtpStore extends OtpStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix = 'authx:otp:',
  ) {
    super();
  }

  async saveTicket(ticket: OtpTicket): Promise<void> {
    const key = `${this.prefix}t:${ticket.id}`;
    await this.redis
      .multi()
      .hset(key, { data: JSON.stringify(ticket), used: 0, max: ticket.maxAttempts })
      .pexpireat(key, ticket.expiresAt)
      .exec();
  }

  async getTicket(id: string): Promise<OtpTicket | null> {
    const data = await this.redis.hget(`${this.prefix}t:${id}`, 'data');
    if (!data) return null;
    const ticket = JSON.parse(data) as OtpTicket;
    return ticket.expiresAt > Date.now() ? ticket : null;
  }

  async recordAttempt(id: string): Promise<number | null> {
    const used = (await this.redis.eval(RECORD_ATTEMPT, 1, `${this.prefix}t:${id}`)) as number;
    return used < 0 ? null : used;
  }

  async consumeTicket(id: string): Promise<boolean> {
    return (await this.redis.del(`${this.prefix}t:${id}`)) === 1;
  }

  async claimCooldown(key: string, ttlMs: number): Promise<number> {
    const full = `${this.prefix}c:${key}`;
    const ok = await this.redis.set(full, '1', 'PX', ttlMs, 'NX');
    if (ok === 'OK') return 0;
    return Math.max(1, await this.redis.pttl(full));
  }

  async hit(key: string, windowMs: number): Promise<{ count: number; resetMs: number }> {
    const [count, resetMs] = (await this.redis.eval(HIT, 1, this.windowKey(key), windowMs)) as [number, number];
    return { count, resetMs };
  }

  async take(budgets: readonly OtpBudget[]): Promise<OtpTakeResult> {
    if (budgets.length === 0) return { ok: true };
    const keys = budgets.map((b) => this.windowKey(b.key));
    const args = budgets.flatMap((b) => [b.max, b.windowMs]);
    const [index, resetMs] = (await this.redis.eval(TAKE, keys.length, ...keys, ...args)) as [number, number];
    return index === 0 ? { ok: true } : { ok: false, key: budgets[index - 1]!.key, resetMs };
  }

  private windowKey(key: string): string {
    return `${this.prefix}{w}:${key}`;
  }

  async mark(key: string, ttlMs: number): Promise<void> {
    await this.redis.set(`${this.prefix}m:${key}`, '1', 'PX', ttlMs);
  }

  async markedFor(key: string): Promise<number> {
    return Math.max(0, await this.redis.pttl(`${this.prefix}m:${key}`));
  }
}
