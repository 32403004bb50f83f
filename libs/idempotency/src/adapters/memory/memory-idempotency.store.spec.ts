import { describeIdempotencyStoreContract } from '../../ports/idempotency-store.contract';
import { MemoryIdempotencyStore } from './memory-idempotency.store';

describeIdempotencyStoreContract('memory', () => new MemoryIdempotencyStore());

describe('MemoryIdempotencyStore', () => {
  it('keeps its own frozen copy of a completed response and replays it without copying again', async () => {
    const store = new MemoryIdempotencyStore();
    const claim = await store.claim('k', 'fp', 5_000);
    if (claim.outcome !== 'claimed') throw new Error('expected a claim');
    const response = { status: 201, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' };
    await store.complete('k', claim.token, response, 60_000);
    response.headers['content-type'] = 'text/plain';
    const first = await store.claim('k', 'fp', 5_000);
    const second = await store.claim('k', 'fp', 5_000);
    if (first.outcome !== 'completed' || second.outcome !== 'completed') throw new Error('expected replays');
    expect(first.response.headers).toEqual({ 'content-type': 'application/json' });
    expect(Object.isFrozen(first.response) && Object.isFrozen(first.response.headers)).toBe(true);
    expect(second.response).toBe(first.response);
  });
});
