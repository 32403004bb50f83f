import type { PreferencesPatch, StoredPreferences } from '../notification-preferences';
import { PreferencesRepository } from '../preferences.repository';

/** In-process store for dev:local and unit tests; same contract as the Postgres adapter. */
export class MemoryPreferencesRepository extends PreferencesRepository {
  private readonly rows = new Map<string, StoredPreferences>();

  async find(tenantId: string, parentUserId: string): Promise<StoredPreferences | null> {
    const found = this.rows.get(`${tenantId}\u0000${parentUserId}`);
    return found ? { ...found } : null;
  }

  async findMany(tenantId: string, parentUserIds: readonly string[]): Promise<Map<string, StoredPreferences>> {
    const found = new Map<string, StoredPreferences>();
    for (const id of parentUserIds) {
      const row = await this.find(tenantId, id);
      if (row) found.set(id, row);
    }
    return found;
  }

  async update(tenantId: string, parentUserId: string, patch: PreferencesPatch): Promise<StoredPreferences> {
    const key = `${tenantId}\u0000${parentUserId}`;
    const base: StoredPreferences = this.rows.get(key) ?? {
      tenantId,
      parentUserId,
      digest: null,
      receipts: null,
      welcome: null,
      timezone: null,
      updatedAt: '',
    };
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const stored: StoredPreferences = { ...base, ...defined, updatedAt: new Date().toISOString() };
    this.rows.set(key, stored);
    return { ...stored };
  }
}
