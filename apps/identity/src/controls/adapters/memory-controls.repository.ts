import { scopeAllows, type FamilyScope } from '../../family-scope/family-scope';
import { ControlsRepository } from '../controls.repository';
import type { StoredControls } from '../parental-controls';

/** {@link ControlsRepository} in memory, applying the same scope rule as the Postgres policies. */
export class MemoryControlsRepository extends ControlsRepository {
  private readonly rows = new Map<string, StoredControls>();

  async find(scope: FamilyScope, childProfileId: string): Promise<StoredControls | null> {
    const row = this.rows.get(`${scope.tenantId}/${childProfileId}`);
    return row && scopeAllows(scope, row.tenantId, row.parentUserId) ? structuredClone(row) : null;
  }

  async erase(scope: FamilyScope, childProfileId: string): Promise<number> {
    const key = `${scope.tenantId}/${childProfileId}`;
    const row = this.rows.get(key);
    if (!row || !scopeAllows(scope, row.tenantId, row.parentUserId)) return 0;
    this.rows.delete(key);
    return 1;
  }

  async save(scope: FamilyScope, controls: StoredControls): Promise<void> {
    const key = `${controls.tenantId}/${controls.childProfileId}`;
    const existing = this.rows.get(key);
    if (
      !scopeAllows(scope, controls.tenantId, controls.parentUserId) ||
      (existing && !scopeAllows(scope, existing.tenantId, existing.parentUserId))
    ) {
      throw new Error("controls row outside the caller's family scope");
    }
    this.rows.set(key, structuredClone(controls));
  }
}
