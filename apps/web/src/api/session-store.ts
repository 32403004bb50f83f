import type { AuthTokens } from '@mikasmissions/authx-sdk';

/** Who a request speaks for: the signed-in parent, or the child of kids mode. */
export type Principal = 'parent' | 'child';

/** What the browser knows about the signed-in family; memory only, gone on reload by design. */
export interface SessionState {
  parent: (AuthTokens & { parentUserId: string }) | null;
  child: (AuthTokens & { childProfileId: string }) | null;
}

type Listener = () => void;

/**
 * The tokens, in memory only (never localStorage/sessionStorage/cookies): a module-level store
 * with subscribe/getSnapshot for `useSyncExternalStore`.
 */
export class SessionStore {
  private state: SessionState = { parent: null, child: null };
  private readonly listeners = new Set<Listener>();

  /** The current state (a new object on every change). */
  readonly getSnapshot = (): SessionState => this.state;

  /** Subscribes to changes; returns the unsubscribe function. */
  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The tokens of one principal, for the AuthX client. */
  tokens(principal: Principal): AuthTokens | null {
    return this.state[principal];
  }

  /** Stores (or with `null` forgets) one principal's tokens, keeping its ids across a refresh. */
  setTokens(principal: Principal, tokens: AuthTokens | null, ids?: { parentUserId?: string; childProfileId?: string }): void {
    const current = this.state[principal];
    if (!tokens) this.state = { ...this.state, [principal]: null, ...(principal === 'parent' ? { child: null } : {}) };
    else if (principal === 'parent') this.state = { ...this.state, parent: { ...tokens, parentUserId: ids?.parentUserId ?? (current as SessionState['parent'])?.parentUserId ?? '' } };
    else this.state = { ...this.state, child: { ...tokens, childProfileId: ids?.childProfileId ?? (current as SessionState['child'])?.childProfileId ?? '' } };
    for (const listener of [...this.listeners]) listener();
  }
}

/** The browser tab's one session store. */
export const sessionStore = new SessionStore();
