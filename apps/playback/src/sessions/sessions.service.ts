import { Injectable } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import type { Session } from './session';
import { SessionNotFoundError } from './session-not-found.error';
import type { CreateSessionDto } from './dto/create-session.dto';
import type { ListSessionsQuery } from './dto/list-sessions.query';
import { SessionsRepository } from './sessions.repository';

/** Creates, finds and lists the sessions of the caller's tenant. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly ctx: RequestContext,
  ) {}

  create(dto: CreateSessionDto): Promise<Session> {
    return this.sessions.create({ tenantId: this.ctx.tenantId, name: dto.name });
  }

  async get(id: string): Promise<Session> {
    const found = await this.sessions.find(this.ctx.tenantId, id);
    if (!found) throw new SessionNotFoundError(id);
    return found;
  }

  async list(query: ListSessionsQuery): Promise<{ data: Session[]; count: number }> {
    const data = await this.sessions.list({ tenantId: this.ctx.tenantId, limit: query.limit });
    return { data, count: data.length };
  }
}
