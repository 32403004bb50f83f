import { Injectable } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import type { ChildProfile } from './child-profile';
import { ChildProfileNotFoundError } from './child-profile-not-found.error';
import type { CreateChildProfileDto } from './dto/create-child-profile.dto';
import type { ListChildProfilesQuery } from './dto/list-child-profiles.query';
import { ChildProfilesRepository } from './child-profiles.repository';

/** Creates, finds and lists the child-profiles of the caller's tenant. */
@Injectable()
export class ChildProfilesService {
  constructor(
    private readonly childProfiles: ChildProfilesRepository,
    private readonly ctx: RequestContext,
  ) {}

  create(dto: CreateChildProfileDto): Promise<ChildProfile> {
    return this.childProfiles.create({ tenantId: this.ctx.tenantId, name: dto.name });
  }

  async get(id: string): Promise<ChildProfile> {
    const found = await this.childProfiles.find(this.ctx.tenantId, id);
    if (!found) throw new ChildProfileNotFoundError(id);
    return found;
  }

  async list(query: ListChildProfilesQuery): Promise<{ data: ChildProfile[]; count: number }> {
    const data = await this.childProfiles.list({ tenantId: this.ctx.tenantId, limit: query.limit });
    return { data, count: data.length };
  }
}
