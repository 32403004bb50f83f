import { Injectable } from '@nestjs/common';
import type { ChildOwnership } from '@mikasmissions/service-identity';
import { ChildProfilesRepository } from './child-profiles.repository';

/** The profile service's own {@link ChildOwnership}: its repository, so its `IdentityScope` checks are local (and row-level secured). */
@Injectable()
export class RepositoryChildOwnership implements ChildOwnership {
  constructor(private readonly profiles: ChildProfilesRepository) {}

  async owns(parentUserId: string, childProfileId: string): Promise<boolean> {
    return (await this.profiles.findOwned(parentUserId, childProfileId)) !== null;
  }
}
