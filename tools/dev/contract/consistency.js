/**
 * What redocly's rules cannot say about this contract: every error status of an operation
 * lists its codes in `x-error-codes` (and nothing else does), every code is in the catalogue,
 * every error answer is ErrorBody, and every operation says who may call it.
 */
const { operations } = require('./generate');

const ERROR_BODY_REF = '#/components/schemas/ErrorBody';

function resolve(doc, node) {
  let n = node;
  while (n && n.$ref)
    n = n.$ref
      .slice(2)
      .split('/')
      .reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  return n;
}

/** @returns {string[]} one line per problem */
function consistencyProblems(doc) {
  const catalogue = new Set(doc.components?.schemas?.ErrorCode?.['x-codes'] ?? []);
  const problems = [];
  for (const [method, p, op] of operations(doc)) {
    const where = `${method.toUpperCase()} ${p} (${op.operationId ?? 'no operationId'})`;
    const codes = op['x-error-codes'] ?? {};
    const errorStatuses = Object.keys(op.responses ?? {}).filter((s) => Number(s) >= 400);
    for (const s of errorStatuses) {
      if (!Array.isArray(codes[s]) || codes[s].length === 0) problems.push(`${where}: response ${s} has no x-error-codes['${s}']`);
      const schema = resolve(doc, op.responses[s])?.content?.['application/json']?.schema;
      if (schema?.$ref !== ERROR_BODY_REF) problems.push(`${where}: response ${s} is not ErrorBody`);
    }
    for (const [s, list] of Object.entries(codes)) {
      if (!errorStatuses.includes(s)) problems.push(`${where}: x-error-codes['${s}'] names a status the operation does not answer`);
      for (const c of list ?? []) if (!catalogue.has(c)) problems.push(`${where}: error code '${c}' is not in ErrorCode x-codes`);
    }
    const isPublic = Array.isArray(op.security) && op.security.length === 0;
    if (isPublic !== (op['x-public'] === true)) problems.push(`${where}: security: [] and x-public: true go together`);
    if (!isPublic && !(Array.isArray(op['x-roles']) && op['x-roles'].length > 0))
      problems.push(`${where}: a protected operation needs x-roles`);
  }
  return problems;
}

module.exports = { consistencyProblems };
