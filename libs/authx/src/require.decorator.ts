import { declareStageDecorator } from '@mikasmissions/http';
import { Reflector } from '@nestjs/core';
import type { Principal } from '@mikasmissions/context';

/** What an ABAC predicate sees. `req` is the Express or Fastify request. */
export interface AbacInput<R = unknown> {
  principal: Principal;
  req: { params: Record<string, string>; query: Record<string, unknown>; body: unknown; headers: Record<string, unknown> };
  resource: R;
  tenantId: string;
}

/** Loads the record a predicate compares against; `get` resolves any provider of the app. */
export type ResourceLoader<R = unknown> = (input: Omit<AbacInput, 'resource'>, get: <T>(token: unknown) => T) => Promise<R> | R;

/** Options of {@link Require}. */
export interface RequireOptions<R = unknown> {
  /** Loads the resource first; the predicate receives it as `resource`. */
  resource?: ResourceLoader<R>;
  /** Name shown in denials and the audit log. Default: `predicate`. */
  name?: string;
}

/** Stored metadata of one {@link Require}. */
export interface RequireRule {
  predicate: (input: AbacInput) => boolean | Promise<boolean>;
  resource?: ResourceLoader;
  name: string;
}

const RequireMeta = Reflector.createDecorator<RequireRule>();

/**
 * ABAC: the route runs only when `predicate` returns true; it may compare the principal to
 * the request and to a resource loaded first. A throwing predicate denies (403), never 500.
 * One per handler or controller (combine conditions inside the predicate).
 *
 * @example
 * @Require(({ principal, req }) => principal.userId === (req.body as { userId?: string })?.userId)
 *
 * @example
 * @Require<Doc>(({ principal, resource }) => resource?.ownerId === principal.userId, { resource: ({ req }, get) => get<Repo>(Repo).find(req.params.id) })
 */
export function Require<R = unknown>(
  predicate: (input: AbacInput<R>) => boolean | Promise<boolean>,
  options: RequireOptions<R> = {},
): MethodDecorator & ClassDecorator {
  if (typeof predicate !== 'function') throw new Error('@Require needs a predicate function');
  if (options.resource !== undefined && typeof options.resource !== 'function')
    throw new Error('@Require: resource must be a loader function');
  return RequireMeta({
    predicate: predicate as RequireRule['predicate'],
    resource: options.resource as ResourceLoader | undefined,
    name: options.name ?? 'predicate',
  });
}

/** Metadata key of {@link Require}. */
export const REQUIRE_KEY = RequireMeta.KEY;
declareStageDecorator({ kind: 'guard', name: 'auth' }, REQUIRE_KEY, '@Require', 'AuthxModule (PlatformModule.forRoot({ authx: … }))');
