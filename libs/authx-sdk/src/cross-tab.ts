import type { AuthTokens } from './types';

interface LockManagerLike {
  request<T>(name: string, options: { signal?: AbortSignal }, callback: () => Promise<T>): Promise<T>;
}

type Message = { type: 'refresh-start' } | { type: 'refresh-end'; tokens: AuthTokens | null };

/**
 * Coordinates refreshes between tabs of one origin. Web Locks serialise the refresh itself
 * (a lock dies with its tab, so it cannot deadlock); a BroadcastChannel tells other tabs a
 * refresh is under way (they hold their requests) and hands them the result. Every wait
 * is bounded by `timeoutMs`.
 */
export class CrossTabRefresh {
  private channel?: BroadcastChannel;
  private pendingElsewhere?: { promise: Promise<void>; resolve: () => void; timer: ReturnType<typeof setTimeout> };
  private readonly locks?: LockManagerLike;

  constructor(
    name: string,
    private readonly timeoutMs: number,
    private readonly onTokens: (tokens: AuthTokens | null) => void,
  ) {
    const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
    this.locks = nav?.locks;
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(name);
      (this.channel as unknown as { unref?: () => void }).unref?.();
      this.channel.onmessage = (event: MessageEvent<Message>) => this.receive(event.data);
    }
  }

  /** Resolves when no other tab is refreshing (or after the timeout). */
  async idle(): Promise<void> {
    if (this.pendingElsewhere) await this.pendingElsewhere.promise;
  }

  /** Runs `refresh` under the cross-tab lock and tells the other tabs. */
  async run(refresh: () => Promise<AuthTokens | null>): Promise<AuthTokens | null> {
    const work = async () => {
      this.post({ type: 'refresh-start' });
      let tokens: AuthTokens | null = null;
      try {
        tokens = await refresh();
        return tokens;
      } finally {
        this.post({ type: 'refresh-end', tokens });
      }
    };
    if (!this.locks) return work();
    try {
      return await this.locks.request('authx-refresh', { signal: AbortSignal.timeout(this.timeoutMs) }, work);
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'AbortError' || name === 'TimeoutError') return work();
      throw error;
    }
  }

  close(): void {
    this.channel?.close();
    this.release();
  }

  private post(message: Message): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      /* a closed channel is not an error for the caller */
    }
  }

  private receive(message: Message): void {
    if (message.type === 'refresh-start' && !this.pendingElsewhere) {
      let resolve: () => void = () => undefined;
      const promise = new Promise<void>((r) => (resolve = r));
      const timer = setTimeout(() => this.release(), this.timeoutMs);
      this.pendingElsewhere = { promise, resolve, timer };
    } else if (message.type === 'refresh-end') {
      this.onTokens(message.tokens);
      this.release();
    }
  }

  private release(): void {
    const pending = this.pendingElsewhere;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pendingElsewhere = undefined;
    pending.resolve();
  }
}
