import { Controller, Get, Param } from '@nestjs/common';
import { ParentsService, type ParentContactView, type ParentStatusView } from './parents.service';

/**
 * `GET /internal/parents/{parent_user_id}` → `{parent_user_id, status, consent_verified_at}`:
 * for other services only (the `service` identity, enforced for every `/internal/*` route);
 * profile calls it to answer `consent_required`. `GET /internal/parents/{id}/contact` →
 * `{parent_user_id, email, marketing, language}`: notification reads it at send time instead of
 * copying addresses. 404 `parent_not_found`.
 */
@Controller('internal/parents')
export class InternalParentsController {
  constructor(private readonly parents: ParentsService) {}

  @Get(':parent_user_id')
  status(@Param('parent_user_id') parentUserId: string): Promise<ParentStatusView> {
    return this.parents.status(parentUserId);
  }

  @Get(':parent_user_id/contact')
  contact(@Param('parent_user_id') parentUserId: string): Promise<ParentContactView> {
    return this.parents.contact(parentUserId);
  }
}
