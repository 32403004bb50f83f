import openApiJson from './generated/openapi.json';
import type { ErrorCode } from './generated/error-codes';
import type { components, operations } from './generated/v1';

export * from './generated/v1';
export { ERROR_CODES, OPERATION_ERROR_CODES } from './generated/error-codes';
export type { ErrorCode } from './generated/error-codes';

/** Any schema of the contract by name, e.g. `Schema<'Episode'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** The one error body, with `code` narrowed to the contract's catalogue. */
export interface ErrorBody {
  error: Omit<components['schemas']['ErrorBody']['error'], 'code'> & { code: ErrorCode };
}

/** An operation's JSON request body, by operationId: `RequestBody<'parentSignup'>`. */
export type RequestBody<Op extends keyof operations> = operations[Op] extends {
  requestBody: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

/** An operation's JSON response body for a status, by operationId: `ResponseBody<'parentSignup', 201>`. */
export type ResponseBody<
  Op extends keyof operations,
  Status extends keyof operations[Op]['responses'],
> = operations[Op]['responses'][Status] extends {
  content: { 'application/json': infer Body };
}
  ? Body
  : never;

/**
 * The bundled v1 document (every `$ref` internal), as generated from openapi/v1.yaml. For
 * tooling and tests (`createContractValidator` in `@mikasmissions/testing`); services import
 * only the types.
 */
export const openApiDocument: Readonly<Record<string, unknown>> = openApiJson;
