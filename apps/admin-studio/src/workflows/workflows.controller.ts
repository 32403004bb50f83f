import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { Roles } from '@mikasmissions/service-identity';
import { AdminIdPipe } from '../admin-id.pipe';
import { parseWorkflowInput } from './dto/workflow-input';
import type { Workflow } from './workflow';
import { WorkflowsService } from './workflows.service';

/** `GET/POST /v1/admin/workflows`, `PUT/DELETE /v1/admin/workflows/{workflow_id}`. */
@Roles('admin', 'service')
@Controller('admin/workflows')
export class WorkflowsController {
  constructor(private readonly workflows: WorkflowsService) {}

  @Get()
  list(): Promise<{ workflows: Workflow[] }> {
    return this.workflows.list();
  }

  @Post()
  @HttpCode(201)
  create(@Body() body: unknown): Promise<Workflow> {
    return this.workflows.create(parseWorkflowInput(body));
  }

  @Put(':workflow_id')
  update(@Param('workflow_id', AdminIdPipe) id: string, @Body() body: unknown): Promise<Workflow> {
    return this.workflows.update(id, parseWorkflowInput(body));
  }

  @Delete(':workflow_id')
  @HttpCode(204)
  delete(@Param('workflow_id', AdminIdPipe) id: string): Promise<void> {
    return this.workflows.delete(id);
  }
}
