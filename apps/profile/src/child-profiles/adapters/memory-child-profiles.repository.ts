import type { ChildAgeBand } from '@mikasmissions/contracts-events';
import { uuidv7 } from 'uuidv7';
import type { ChildProfile, NewChildProfile } from '../child-profile';
import { ChildProfilesRepository } from '../child-profiles.repository';

/** In-process store for dev:local and unit tests; same contract as the Postgres adapter. */
export class MemoryChildProfilesRepository extends ChildProfilesRepository {
  private readonly rows = new Map<string, ChildProfile>();

  async create(profile: NewChildProfile): Promise<ChildProfile> {
    const stored: ChildProfile = { childProfileId: uuidv7(), ...profile, createdAt: new Date().toISOString() };
    this.rows.set(stored.childProfileId, stored);
    return { ...stored };
  }

  async findOwned(parentUserId: string, childProfileId: string): Promise<ChildProfile | null> {
    const found = this.rows.get(childProfileId.toLowerCase());
    return found && found.parentUserId === parentUserId ? { ...found } : null;
  }

  async listByParent(parentUserId: string): Promise<ChildProfile[]> {
    return [...this.rows.values()]
      .filter((row) => row.parentUserId === parentUserId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.childProfileId.localeCompare(b.childProfileId))
      .map((row) => ({ ...row }));
  }

  async delete(parentUserId: string, childProfileId: string): Promise<ChildProfile | null> {
    const found = await this.findOwned(parentUserId, childProfileId);
    if (found) this.rows.delete(found.childProfileId);
    return found;
  }

  async findForService(childProfileId: string): Promise<ChildProfile | null> {
    const found = this.rows.get(childProfileId.toLowerCase());
    return found ? { ...found } : null;
  }

  async parentsWithChildIn(band: ChildAgeBand, after: string | null, limit: number): Promise<string[]> {
    const parents = new Set([...this.rows.values()].filter((row) => row.ageBand === band).map((row) => row.parentUserId));
    return [...parents]
      .filter((id) => after === null || id > after)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, limit);
  }
}
