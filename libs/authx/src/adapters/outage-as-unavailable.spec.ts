import { Logger } from '@nestjs/common';
import { ThrottledError } from '../authx.errors';
import { MemorySessionStore } from './memory/memory-session.store';
import { outageAsUnavailable } from './outage-as-unavailable';

class FlakyStore {
  calls = 0;
  async read(id: string): Promise<string> {
    this.calls++;
    if (id === 'down') throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    if (id === 'busy') throw new ThrottledError('otp_rate_limited', 'slow down', 5);
    return `row ${id}`;
  }
  size(): number {
    if (this.calls < 0) throw new Error('never');
    return this.calls;
  }
  explode(): void {
    throw new Error('sync driver failure');
  }
}

describe('outageAsUnavailable', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('passes results, fields and sync values through, and keeps the prototype', async () => {
    const store = outageAsUnavailable(new FlakyStore());
    expect(await store.read('a')).toBe('row a');
    expect(store.calls).toBe(1);
    expect(store.size()).toBe(1);
    expect(store).toBeInstanceOf(FlakyStore);
    expect(store.read).toBe(store.read);
  });

  it('turns driver failures (async and sync) into 503 auth_unavailable with Retry-After and the cause', async () => {
    const store = outageAsUnavailable(new FlakyStore());
    const error = await store.read('down').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: 'auth_unavailable', headers: { 'retry-after': '1' } });
    expect((error as Error).cause).toMatchObject({ message: 'connect ECONNREFUSED 127.0.0.1:5432' });
    expect(() => store.explode()).toThrow(expect.objectContaining({ status: 503, code: 'auth_unavailable' }));
  });

  it('lets typed errors through unchanged', async () => {
    await expect(outageAsUnavailable(new FlakyStore()).read('busy')).rejects.toBeInstanceOf(ThrottledError);
  });

  it('wraps a real adapter without changing its behaviour', async () => {
    const store = outageAsUnavailable(new MemorySessionStore());
    expect(await store.getSession('nope')).toBeNull();
  });
});
