import { declareStageDecorator } from '@mikasmissions/http';
import { Reflector } from '@nestjs/core';

/** Options of {@link RelationCheck}. */
export interface RelationCheckOptions {
  /** Relation the caller must hold, e.g. `viewer`. */
  relation: string;
  /** Route parameter holding the object id, e.g. `projectId`. */
  objectParam: string;
  /** Object type; default: `objectParam` without its `Id` suffix (`projectId` → `project`). */
  objectType?: string;
}

/** {@link RelationCheckOptions} with the object type resolved. */
export type ResolvedRelationCheck = Required<RelationCheckOptions>;

const RelationCheckMeta = Reflector.createDecorator<ResolvedRelationCheck>();
const NAME = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * REBAC: the caller (`user:<id>`) must hold `relation` on `<type>:<param>` in the request's
 * tenant, directly, through a userset or a computed relation. Bad options fail at start-up.
 *
 * @example
 * @RelationCheck({ relation: 'viewer', objectParam: 'projectId' })
 * @Get('projects/:projectId/events')
 */
export function RelationCheck(options: RelationCheckOptions): MethodDecorator & ClassDecorator {
  const objectType = options.objectType ?? (options.objectParam.endsWith('Id') ? options.objectParam.slice(0, -2) : '');
  if (!NAME.test(options.relation)) throw new Error(`@RelationCheck: invalid relation "${options.relation}"`);
  if (!options.objectParam) throw new Error('@RelationCheck: objectParam is required');
  if (!NAME.test(objectType)) throw new Error(`@RelationCheck: cannot infer an object type from "${options.objectParam}"; pass objectType`);
  return RelationCheckMeta({ relation: options.relation, objectParam: options.objectParam, objectType });
}

/** Metadata key of {@link RelationCheck}. */
export const RELATION_CHECK_KEY = RelationCheckMeta.KEY;
declareStageDecorator(
  { kind: 'guard', name: 'auth' },
  RELATION_CHECK_KEY,
  '@RelationCheck',
  'AuthxModule (PlatformModule.forRoot({ authx: … }))',
);
