import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { DEFAULT_MODEL_PROFILE, DEFAULT_MODEL_PROFILE_ID, type ModelProfile, type ModelProfileInput } from './model-profile';
import { ModelProfileNotFoundError } from './model-profiles.errors';
import { ModelProfilesRepository } from './model-profiles.repository';

/** Reads and stores model profiles; `nim-default` exists before anyone stores it. */
@Injectable()
export class ModelProfilesService {
  constructor(
    private readonly profiles: ModelProfilesRepository,
    private readonly audit: AuditService,
  ) {}

  /** The profile, or {@link ModelProfileNotFoundError}. */
  async get(id: string): Promise<ModelProfile> {
    const found = await this.profiles.find(id);
    if (found) return found;
    if (id === DEFAULT_MODEL_PROFILE_ID) return { ...DEFAULT_MODEL_PROFILE };
    throw new ModelProfileNotFoundError(id);
  }

  /** Creates or replaces the profile (audited: the profile before and after). */
  put(id: string, input: ModelProfileInput): Promise<ModelProfile> {
    return this.audit.atomically(async () => {
      const before = await this.profiles.find(id);
      const after = await this.profiles.put({ model_profile_id: id, ...input });
      return { result: after, audit: { action: 'model_profile.put', target_type: 'model_profile', target_id: id, before, after } };
    });
  }
}
