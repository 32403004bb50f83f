import { uuidv7 } from 'uuidv7';
import type { ChildProfile, ChildProfileQuery, NewChildProfile } from '../child-profile';
import { ChildProfilesRepository } from '../child-profiles.repository';

/** In-process store for dev:local and unit tests; same contract as the Postgres adapter. */
export class MemoryChildProfilesRepository extends ChildProfilesRepository {
  private readonly rows = new Map<string, ChildProfile>();

  async create(childProfile: NewChildProfile): Promise<ChildProfile> {
    const stored: ChildProfile = {
      id: uuidv7(),
      tenantId: childProfile.tenantId,
      name: childProfile.name,
      createdAt: new Date().toISOString(),
    };
    this.rows.set(stored.id, stored);
    return { ...stored };
  }

  async find(tenantId: string, id: string): Promise<ChildProfile | null> {
    const found = this.rows.get(id.toLowerCase());
    return found && found.tenantId === tenantId ? { ...found } : null;
  }

  async list(query: ChildProfileQuery): Promise<ChildProfile[]> {
    return [...this.rows.values()]
      .filter((row) => row.tenantId === query.tenantId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
      .slice(0, query.limit)
      .map((row) => ({ ...row }));
  }
}
