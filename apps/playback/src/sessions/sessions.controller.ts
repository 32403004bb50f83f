import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { Session } from './session';
import { CreateSessionDto } from './dto/create-session.dto';
import { ListSessionsQuery } from './dto/list-sessions.query';
import { SessionsService } from './sessions.service';

/** `GET/POST /sessions`, `GET /sessions/:id`: the sessions of the caller's tenant. */
@Controller('sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  list(@Query() query: ListSessionsQuery): Promise<{ data: Session[]; count: number }> {
    return this.sessions.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<Session> {
    return this.sessions.get(id);
  }

  @Post()
  @HttpCode(201)
  create(@Body() dto: CreateSessionDto): Promise<Session> {
    return this.sessions.create(dto);
  }
}
