import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** A relation tuple in a request body or query. */
export const tupleSchema = z
  .object({ subject: z.string().min(3).max(300), relation: z.string().min(1).max(64), object: z.string().min(3).max(200) })
  .strict();
export class TupleDto extends createZodDto(tupleSchema) {}

/** Query of `GET /admin/auth/rebac`. */
export const tupleListSchema = z.object({
  subject: z.string().max(300).optional(),
  relation: z.string().max(64).optional(),
  object: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export class TupleListQuery extends createZodDto(tupleListSchema) {}

/** Query of `GET /admin/auth/audit`. */
export const auditQuerySchema = z.object({
  principal: z.string().max(200).optional(),
  decision: z.enum(['allow', 'deny']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export class AuditQueryDto extends createZodDto(auditQuerySchema) {}

/** Body of `POST /admin/auth/roles`. */
export const roleSchema = z
  .object({
    role: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    permissions: z.array(z.string().min(1).max(100)).min(1).max(100),
    tenant: z
      .string()
      .regex(/^([A-Za-z0-9_-]{1,64}|\*)$/, 'a tenant id, or * for every tenant')
      .optional(),
  })
  .strict();
export class RoleDto extends createZodDto(roleSchema) {}

/** Body of `POST /admin/auth/users/:userId/roles`. */
export const assignRoleSchema = z.object({ role: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'use letters, digits, _ and -') }).strict();
export class AssignRoleDto extends createZodDto(assignRoleSchema) {}
