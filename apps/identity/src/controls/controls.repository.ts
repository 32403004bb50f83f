import type { FamilyScope } from '../family-scope/family-scope';
import type { StoredControls } from './parental-controls';

/**
 * Port: where children's parental controls live, read and written only within a
 * {@link FamilyScope} (a parent sees its own children's rows; `service` sees the tenant's).
 * Adapters: memory, Postgres (row-level security enforces the scope a second time).
 */
export abstract class ControlsRepository {
  /** The stored controls of `childProfileId`, or `null` when none were saved or the scope may not see them. */
  abstract find(scope: FamilyScope, childProfileId: string): Promise<StoredControls | null>;
  /** Inserts or replaces the row of `controls.childProfileId`; a row another parent owns is refused. */
  abstract save(scope: FamilyScope, controls: StoredControls): Promise<void>;
  /** Deletes the child's controls (erasure); returns how many rows went. */
  abstract erase(scope: FamilyScope, childProfileId: string): Promise<number>;
}
