import { Controller, Get, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Public } from '@mikasmissions/http';
import { RelationCheck } from '../relation-check.decorator';
import { RequirePermissions } from '../require-permissions.decorator';
import { RoutePolicies } from './route-policy';

@Controller('docs')
@RequirePermissions('docs:read')
class DocsController {
  @Get()
  list(): void {}

  @RequirePermissions('docs:admin')
  @RelationCheck({ relation: 'viewer', objectParam: 'docId' })
  @Get(':docId')
  one(): void {}
}

@Controller('admin/things')
@RequirePermissions('authx:admin')
class AdminController {
  @Get()
  list(): void {}

  @RequirePermissions('*')
  @Get('all')
  all(): void {}
}

@Public()
@Controller('open')
class OpenController {
  @Get()
  list(): void {}
}

const contextOf = (cls: object, handler: (...args: never[]) => unknown) =>
  ({ getHandler: () => handler, getClass: () => cls }) as unknown as ExecutionContext;

describe('RoutePolicies', () => {
  it('reads method metadata over class metadata, and @Public on the class', () => {
    const policies = new RoutePolicies(new Reflector());
    expect(policies.of(contextOf(DocsController, DocsController.prototype.list))).toEqual({
      action: 'DocsController.list',
      isPublic: false,
      permissions: ['docs:read'],
      requiresPrincipal: false,
      relation: undefined,
      rule: undefined,
    });
    expect(policies.of(contextOf(DocsController, DocsController.prototype.one))).toMatchObject({
      permissions: ['docs:admin'],
      relation: { relation: 'viewer', objectParam: 'docId', objectType: 'doc' },
    });
    expect(policies.of(contextOf(OpenController, OpenController.prototype.list)).isPublic).toBe(true);
  });

  it('marks routes that need authx:admin (or a wildcard covering it) as needing a principal in every mode', () => {
    const policies = new RoutePolicies(new Reflector());
    expect(policies.of(contextOf(AdminController, AdminController.prototype.list)).requiresPrincipal).toBe(true);
    expect(policies.of(contextOf(AdminController, AdminController.prototype.all)).requiresPrincipal).toBe(true);
    expect(policies.of(contextOf(DocsController, DocsController.prototype.one)).requiresPrincipal).toBe(false);
  });

  it('reflects once per handler and controller', () => {
    const reflector = new Reflector();
    const spy = jest.spyOn(reflector, 'getAllAndOverride');
    const policies = new RoutePolicies(reflector);
    const first = policies.of(contextOf(DocsController, DocsController.prototype.list));
    const calls = spy.mock.calls.length;
    expect(policies.of(contextOf(DocsController, DocsController.prototype.list))).toBe(first);
    expect(spy.mock.calls.length).toBe(calls);
  });
});
