import type { AuthTokens } from '@mikasmissions/authx-sdk';

/** Who a request speaks for: the signed-in parent, or the child of kids mode. */
export type Principal = 'parent' | 'child';

/** What the browser knows about the signed-in family; memory only, gone on reload by design. */
export interface SessionState {
  parent: (AuthTokens & ParentInfo) | null;
  child: (AuthTokens & ChildInfo) | null;
}

/** Who the parent tokens belong to. */
export interface ParentInfo {
  parentUserId: string;
}

/** The child of kids mode: the band decides the kids mode (`early`, `core`, `teen`). */
export interface ChildInfo {
  childProfileId: string;
  ageBand: '3-5' | '6-11' | '12-16';
  displayName: string;
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

  /**
   * Stores (or with `null` forgets) one principal's tokens. A refresh passes only tokens: the
   * info given at sign-in stays. Signing the parent out ends kids mode too.
   */
  setTokens(principal: 'parent', tokens: AuthTokens | null, info?: ParentInfo): void;
  setTokens(principal: 'child', tokens: AuthTokens | null, info?: ChildInfo): void;
  setTokens(principal: Principal, tokens: AuthTokens | null, info?: ParentInfo | ChildInfo): void;
  setTokens(principal: Principal, tokens: AuthTokens | null, info?: ParentInfo | ChildInfo): void {
    if (!tokens) {
      this.state = principal === 'parent' ? { parent: null, child: null } : { ...this.state, child: null };
    } else {
      const current = this.state[principal];
      if (!current && !info) return; // a late refresh after sign-out
      this.state = { ...this.state, [principal]: { ...current, ...info, ...tokens } };
    }
    for (const listener of [...this.listeners]) listener();
  }
}

/** The browser tab's one session store. */
export const sessionStore = new SessionStore();
