import type { PreferencesPatch, StoredPreferences } from './notification-preferences';

/** Port: each parent's notification preferences, per tenant. Adapters: memory, Postgres (plain SQL). */
export abstract class PreferencesRepository {
  /** The parent's stored preferences, or `null` when it never set one. */
  abstract find(tenantId: string, parentUserId: string): Promise<StoredPreferences | null>;
  /** The stored preferences of those of `parentUserIds` that set any, by parent id. */
  abstract findMany(tenantId: string, parentUserIds: readonly string[]): Promise<Map<string, StoredPreferences>>;
  /** Applies `patch` (creating the row on first use) and returns the stored preferences after it. */
  abstract update(tenantId: string, parentUserId: string, patch: PreferencesPatch): Promise<StoredPreferences>;
}
