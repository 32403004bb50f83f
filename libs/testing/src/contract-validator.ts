import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { openApiDocument } from '@mikasmissions/contracts-api';

/** One answer to check against the v1 contract. */
export interface ContractAnswer {
  /** HTTP method, any case. */
  method: string;
  /** A path template (`/v1/catalog/episodes/{id}`) or a concrete path, with or without a query. */
  path: string;
  status: number;
  /** The parsed JSON body; `undefined`, `null` or `''` for no body. */
  body?: unknown;
}

/** The verdict: `ok` with the operation it matched, or every reason it is not in the spec. */
export type ContractVerdict = { ok: true; operationId: string } | { ok: false; operationId?: string; errors: string[] };

/** Checks HTTP answers against the v1 contract (libs/contracts-api). */
export interface ContractValidator {
  /** Whether the answer is in the spec: operation known, status listed, body valid, error code allowed for that route and status. */
  check(answer: ContractAnswer): ContractVerdict;
  /** Like {@link check}, but throws an Error naming the problems (for `expect`-free e2e helpers). */
  assert(answer: ContractAnswer): string;
}

type JsonObject = Record<string, unknown>;
interface Operation {
  operationId: string;
  responses: Record<string, JsonObject>;
  'x-error-codes'?: Record<string, string[]>;
}
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const SCHEMA_ID = 'mm-contract-v1';

function pointer(doc: JsonObject, ref: string): JsonObject {
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as JsonObject)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc) as JsonObject;
}

function templateRegExp(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

/**
 * Builds a validator of answers against the bundled v1 contract: ajv (JSON Schema 2020-12,
 * as OpenAPI 3.1 uses) with ajv-formats, every component schema compiled once.
 *
 * @example
 * const contract = createContractValidator();
 * const res = await fetch(`${gateway}/v1/catalog/episodes/ep-demo-1`);
 * contract.assert({ method: 'GET', path: '/v1/catalog/episodes/ep-demo-1', status: res.status, body: await res.json() });
 */
export function createContractValidator(document: JsonObject = openApiDocument as JsonObject): ContractValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const components = (document.components as JsonObject | undefined)?.schemas ?? {};
  const rewrite = (node: unknown): unknown =>
    JSON.parse(JSON.stringify(node).replace(/"#\/components\/schemas\//g, `"${SCHEMA_ID}#/$defs/`));
  ajv.addSchema({ $id: SCHEMA_ID, $defs: rewrite(components) as JsonObject });

  const templates = Object.keys((document.paths as JsonObject) ?? {})
    .map((template) => ({ template, regexp: templateRegExp(template), params: (template.match(/\{/g) ?? []).length }))
    .sort((a, b) => a.params - b.params);
  const compiled = new Map<string, ValidateFunction>();

  const findOperation = (method: string, path: string): Operation | undefined => {
    const bare = path.split('?')[0];
    const paths = document.paths as Record<string, Record<string, Operation>>;
    const match =
      templates.find((t) => t.template === bare && paths[t.template][method]) ??
      templates.find((t) => t.regexp.test(bare) && paths[t.template][method]);
    return match ? paths[match.template][method] : undefined;
  };

  const check = ({ method, path, status, body }: ContractAnswer): ContractVerdict => {
    const m = method.toLowerCase();
    const op = METHODS.includes(m) ? findOperation(m, path) : undefined;
    if (!op) return { ok: false, errors: [`${method.toUpperCase()} ${path} is not an operation of the contract`] };
    const where = `${op.operationId} (${method.toUpperCase()} ${path}) ${status}`;
    let response = op.responses[String(status)];
    if (!response)
      return {
        ok: false,
        operationId: op.operationId,
        errors: [`${where}: status ${status} is not listed (listed: ${Object.keys(op.responses).join(', ')})`],
      };
    if (typeof response.$ref === 'string') response = pointer(document, response.$ref);
    const schema = ((response.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined)?.schema;
    const empty = body === undefined || body === null || body === '';
    const errors: string[] = [];
    if (!schema) {
      if (!empty) errors.push(`${where}: the contract has no body for this status, but one was sent`);
    } else {
      const key = JSON.stringify(schema);
      let validate = compiled.get(key);
      if (!validate) compiled.set(key, (validate = ajv.compile(rewrite(schema) as JsonObject)));
      if (!validate(body))
        errors.push(
          ...(validate.errors ?? []).map(
            (e) => `${where}: body${e.instancePath} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
          ),
        );
    }
    if (status >= 400 && errors.length === 0) {
      const code = (body as { error?: { code?: unknown } }).error?.code;
      const allowed = op['x-error-codes']?.[String(status)] ?? [];
      if (typeof code !== 'string' || !allowed.includes(code))
        errors.push(`${where}: error code ${JSON.stringify(code)} is not allowed here (allowed: ${allowed.join(', ') || 'none'})`);
    }
    return errors.length ? { ok: false, operationId: op.operationId, errors } : { ok: true, operationId: op.operationId };
  };

  return {
    check,
    assert(answer) {
      const verdict = check(answer);
      if (!verdict.ok) throw new Error(`answer not in the v1 contract:\n  ${verdict.errors.join('\n  ')}`);
      return verdict.operationId;
    },
  };
}
