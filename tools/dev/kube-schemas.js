/**
 * Offline schema validation for `kube-validate`: each rendered object is checked against the
 * JSON schema of its apiVersion/kind, with nothing fetched at run time.
 * - Kubernetes kinds: `kubernetes-models` (schemas generated from the Kubernetes OpenAPI spec).
 * - `argoproj.io/*` kinds (the ArgoCD Application): `@kubernetes-models/argo-cd` (schemas
 *   generated from the Argo CD CRDs' openAPIV3Schema).
 * Both ship ESM only, hence the dynamic import. The schemas check types, enums and required
 * fields. Like the CRD's schema they allow unknown fields (the API server prunes them), so
 * `schemaProblems` also lists top-level `spec` fields the schema does not know (see KNOWN_SPEC).
 */

/** The package that has the schema for an apiVersion. */
const packageFor = (apiVersion) => (apiVersion.startsWith('argoproj.io/') ? '@kubernetes-models/argo-cd' : 'kubernetes-models');

/** Top-level `spec` fields of Application (argoproj.io/v1alpha1, Argo CD 3.x CRD), for the unknown-field check. */
const KNOWN_SPEC = {
  'argoproj.io/v1alpha1/Application': [
    'destination',
    'ignoreDifferences',
    'info',
    'project',
    'revisionHistoryLimit',
    'source',
    'sourceHydrator',
    'sources',
    'syncPolicy',
  ],
};

/** The model class of `apiVersion`/`kind`, or undefined when no package ships one. */
async function modelFor(apiVersion, kind) {
  if (!/^[a-z0-9.]+(\/[a-z0-9]+)?$/.test(apiVersion) || !/^[A-Za-z]+$/.test(kind)) return undefined;
  try {
    const mod = await import(`${packageFor(apiVersion)}/${apiVersion}/${kind}`);
    return mod[kind];
  } catch {
    return undefined;
  }
}

/** One line per schema violation of `objects` (`<Kind>/<name>: <path> <message>`); `where` prefixes each line. */
async function schemaProblems(where, objects) {
  const problems = [];
  for (const o of objects) {
    const id = `${o.kind ?? '?'}/${o.metadata?.name ?? '?'}`;
    if (typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') {
      problems.push(`${where}: ${id}: no apiVersion/kind`);
      continue;
    }
    const Model = await modelFor(o.apiVersion, o.kind);
    if (!Model) {
      problems.push(`${where}: ${id}: no offline schema for ${o.apiVersion} ${o.kind}`);
      continue;
    }
    try {
      new Model(o).validate();
    } catch (error) {
      const details = error.errors?.map((e) => `${e.instancePath || '/'} ${e.message}`) ?? [error.message];
      for (const d of details) problems.push(`${where}: ${id}: ${d}`);
    }
    const known = KNOWN_SPEC[`${o.apiVersion}/${o.kind}`];
    for (const field of known ? Object.keys(o.spec ?? {}) : []) {
      if (!known.includes(field)) problems.push(`${where}: ${id}: /spec/${field} is not a field of ${o.kind}`);
    }
  }
  return problems;
}

module.exports = { schemaProblems };
