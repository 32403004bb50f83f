/**
 * `pnpm run kube-validate` (`make kube-validate`): renders every overlay of
 * infra/kubernetes with `kubectl kustomize` (no cluster needed) and checks, for every app of
 * apps/ (tools/dev/app-inventory.js), that the output has its Deployment (liveness on
 * `<prefix>/health`, readiness on `<prefix>/ready`, the container port, CPU and memory
 * requests and limits, non-root with a read-only root filesystem, config from the ConfigMap
 * and the Secret by reference), its Service and, when it has `prisma/<app>/`, its
 * `<app>-migrate` Job running migrate for that app; a PodDisruptionBudget per app, an HPA
 * for the autoscaled ones, an Ingress sending /v1 and /healthz to the gateway and a NetworkPolicy.
 * Per web app (`apps/<name>/next.config.*`): a Deployment probed on /healthz (startup, liveness,
 * readiness), non-root, read-only root filesystem with a writable emptyDir for `.next/cache`, no
 * Secret (it holds none), resources, its Service and PDB, the Ingress sending `/` to it and a
 * NetworkPolicy that admits traffic to it. Every
 * rendered object is validated offline against its Kubernetes JSON schema, and every ArgoCD
 * Application of infra/kubernetes/argocd against the Argo CD CRD schema (tools/dev/kube-schemas.js);
 * an Application must sync an overlay of this repo into that overlay's namespace. Also fails
 * when the base is stale (`pnpm run kube:generate --check`). One line per overlay and per
 * Application; exit 1 on any problem.
 *
 *   node tools/dev/kube-validate.js [--root DIR] [--overlay NAME]
 */
const { existsSync, readFileSync, readdirSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const YAML = require('yaml');
const { listApps, listWebApps, AUTOSCALED } = require('./app-inventory');
const { schemaProblems } = require('./kube-schemas');

const arg = (name) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const root = path.resolve(arg('root') ?? path.resolve(__dirname, '../..'));
const overlaysDir = path.join(root, 'infra/kubernetes/overlays');
const argocdDir = path.join(root, 'infra/kubernetes/argocd');
const apps = listApps(root).filter((a) => a.port !== undefined);
const webApps = listWebApps(root);
const problems = [];

function checkApp(overlay, objects, app) {
  const find = (kind, name) => objects.find((o) => o.kind === kind && o.metadata?.name === name);
  const where = `${overlay}: ${app.name}`;
  const deploy = find('Deployment', app.name);
  if (!deploy) return problems.push(`${where}: no Deployment`);
  const pod = deploy.spec?.template?.spec ?? {};
  const c = (pod.containers ?? []).find((x) => x.name === app.name);
  if (!c) return problems.push(`${where}: Deployment has no container ${app.name}`);
  if (c.livenessProbe?.httpGet?.path !== `${app.healthBase}/health`)
    problems.push(`${where}: liveness probe must GET ${app.healthBase}/health`);
  if (c.readinessProbe?.httpGet?.path !== `${app.healthBase}/ready`)
    problems.push(`${where}: readiness probe must GET ${app.healthBase}/ready`);
  if (!(c.ports ?? []).some((p) => p.containerPort === app.port)) problems.push(`${where}: container does not expose port ${app.port}`);
  for (const kind of ['requests', 'limits']) {
    for (const r of ['cpu', 'memory']) if (!c.resources?.[kind]?.[r]) problems.push(`${where}: no ${r} ${kind}`);
  }
  if (pod.securityContext?.runAsNonRoot !== true) problems.push(`${where}: pod must run as non-root`);
  if (c.securityContext?.readOnlyRootFilesystem !== true) problems.push(`${where}: container root filesystem must be read-only`);
  const refs = (c.envFrom ?? []).map((e) => e.configMapRef?.name ?? e.secretRef?.name);
  for (const ref of ['configMapRef', 'secretRef']) if (!(c.envFrom ?? []).some((e) => e[ref])) problems.push(`${where}: no envFrom ${ref}`);
  for (const name of refs.filter((n) => (c.envFrom ?? []).some((e) => e.configMapRef?.name === n))) {
    if (!find('ConfigMap', name)) problems.push(`${where}: ConfigMap ${name} is not rendered`);
  }
  if (!objects.some((o) => o.kind === 'PodDisruptionBudget' && o.spec?.selector?.matchLabels?.['app.kubernetes.io/name'] === app.name))
    problems.push(`${where}: no PodDisruptionBudget`);
  if (AUTOSCALED.includes(app.name) && find('HorizontalPodAutoscaler', app.name)?.spec?.scaleTargetRef?.name !== app.name)
    problems.push(`${where}: no HorizontalPodAutoscaler`);
  const svc = find('Service', app.name);
  if (!svc) problems.push(`${where}: no Service`);
  else if (!(svc.spec?.ports ?? []).some((p) => p.port === app.port)) problems.push(`${where}: Service does not serve port ${app.port}`);
  if (!app.schema) return;
  const job = find('Job', `${app.name}-migrate`);
  if (!job) return problems.push(`${where}: has prisma/${app.name} but no ${app.name}-migrate Job`);
  const cmd = (job.spec?.template?.spec?.containers ?? [])[0]?.command ?? [];
  if (!cmd.some((a) => a.includes('migrate')) || cmd.at(-1) !== app.name)
    problems.push(`${where}: ${app.name}-migrate Job must run migrate ${app.name}`);
}

/** A web app: no database and no Secret, probed on /healthz, its cache on an emptyDir (the root filesystem is read-only). */
function checkWebApp(overlay, objects, web) {
  const find = (kind, name) => objects.find((o) => o.kind === kind && o.metadata?.name === name);
  const where = `${overlay}: ${web.name}`;
  const pod = find('Deployment', web.name)?.spec?.template?.spec;
  const c = (pod?.containers ?? []).find((x) => x.name === web.name);
  if (!c) return problems.push(`${where}: no Deployment with a container ${web.name}`);
  for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
    if (c[probe]?.httpGet?.path !== web.healthPath) problems.push(`${where}: ${probe} must GET ${web.healthPath}`);
  }
  if (!(c.ports ?? []).some((p) => p.containerPort === web.port)) problems.push(`${where}: container does not expose port ${web.port}`);
  for (const kind of ['requests', 'limits']) {
    for (const r of ['cpu', 'memory']) if (!c.resources?.[kind]?.[r]) problems.push(`${where}: no ${r} ${kind}`);
  }
  if (pod.securityContext?.runAsNonRoot !== true) problems.push(`${where}: pod must run as non-root`);
  if (c.securityContext?.readOnlyRootFilesystem !== true) problems.push(`${where}: container root filesystem must be read-only`);
  const cache = (c.volumeMounts ?? []).find((m) => m.mountPath.endsWith('/.next/cache'));
  if (!cache || !(pod.volumes ?? []).some((v) => v.name === cache.name && v.emptyDir))
    problems.push(`${where}: .next/cache must be an emptyDir (the root filesystem is read-only)`);
  if ((c.envFrom ?? []).some((e) => e.secretRef)) problems.push(`${where}: the web app holds no secrets (no secretRef)`);
  if (find('Job', `${web.name}-migrate`)) problems.push(`${where}: has no database, so no ${web.name}-migrate Job`);
  const svc = find('Service', web.name);
  if (!(svc?.spec?.ports ?? []).some((p) => p.port === web.port)) problems.push(`${where}: no Service on port ${web.port}`);
  if (!objects.some((o) => o.kind === 'PodDisruptionBudget' && o.spec?.selector?.matchLabels?.['app.kubernetes.io/name'] === web.name))
    problems.push(`${where}: no PodDisruptionBudget`);
  const labels = find('Deployment', web.name).spec.template.metadata?.labels;
  const admits = objects.some(
    (o) =>
      o.kind === 'NetworkPolicy' &&
      Object.entries(o.spec?.podSelector?.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v) &&
      !(o.spec?.podSelector?.matchExpressions ?? []).some((e) => e.operator === 'NotIn' && e.values?.includes(labels?.[e.key])) &&
      (o.spec?.ingress ?? []).some((rule) => !rule.from),
  );
  if (!admits) problems.push(`${where}: no NetworkPolicy lets the Ingress controller reach it (an ingress rule without from)`);
}

function checkEdge(overlay, objects) {
  const paths = objects.filter((o) => o.kind === 'Ingress').flatMap((o) => (o.spec?.rules ?? []).flatMap((r) => r.http?.paths ?? []));
  if (!paths.some((p) => p.path === '/v1' && p.backend?.service?.name === 'gateway'))
    problems.push(`${overlay}: no Ingress routes /v1 to the gateway`);
  if (!paths.some((p) => p.path === '/healthz' && p.backend?.service?.name === 'gateway'))
    problems.push(`${overlay}: no Ingress routes /healthz to the gateway`);
  const [site] = webApps; // the one web app serves the site's pages
  if (site && !paths.some((p) => p.path === '/' && p.pathType === 'Prefix' && p.backend?.service?.name === site.name))
    problems.push(`${overlay}: no Ingress routes / (Prefix) to the web app ${site.name}`);
  const guardsServices = (o) =>
    o.kind === 'NetworkPolicy' &&
    (o.spec?.policyTypes ?? []).includes('Ingress') &&
    o.spec?.podSelector?.matchLabels?.['app.kubernetes.io/component'] === 'service';
  if (!objects.some(guardsServices)) problems.push(`${overlay}: no NetworkPolicy restricts ingress to the services`);
}

function render(overlay) {
  const r = spawnSync('kubectl', ['kustomize', path.join(overlaysDir, overlay)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) return { error: `kubectl not runnable (${r.error.code ?? r.error.message}); install kubectl ≥ 1.27` };
  if (r.status !== 0) return { error: `kubectl kustomize failed: ${r.stderr.trim()}` };
  return {
    objects: YAML.parseAllDocuments(r.stdout)
      .map((d) => d.toJSON())
      .filter(Boolean),
  };
}

/** Each ArgoCD Application (with --overlay: those syncing it): its CRD schema, and a source path that is an overlay synced into that overlay's namespace. */
async function checkArgo(namespaces) {
  const files = existsSync(argocdDir) ? readdirSync(argocdDir).filter((f) => /\.ya?ml$/.test(f)) : [];
  for (const file of files.sort()) {
    const before = problems.length;
    const where = `argocd/${file}`;
    let docs = [];
    try {
      docs = YAML.parseAllDocuments(readFileSync(path.join(argocdDir, file), 'utf8')).map((d) => d.toJSON());
    } catch (error) {
      problems.push(`${where}: not YAML (${error.message})`);
    }
    const target = (app) => path.relative(overlaysDir, path.join(root, app.spec?.source?.path ?? ''));
    const apps = docs.filter((d) => d?.kind === 'Application');
    if (arg('overlay') && !apps.some((app) => target(app) === arg('overlay'))) continue; // only the Applications of --overlay
    problems.push(...(await schemaProblems(where, docs.filter(Boolean))));
    for (const app of apps) {
      const overlay = target(app);
      if (overlay.startsWith('..') || !namespaces.has(overlay))
        problems.push(`${where}: spec.source.path ${app.spec?.source?.path} is not an overlay under infra/kubernetes/overlays`);
      else if (app.spec?.destination?.namespace !== namespaces.get(overlay))
        problems.push(
          `${where}: destination namespace ${app.spec?.destination?.namespace} is not ${overlay}'s namespace ${namespaces.get(overlay)}`,
        );
    }
    process.stdout.write(`kube-validate: ${problems.length === before ? 'ok  ' : 'FAIL'} ${where} (Argo CD Application schema)\n`);
  }
}

async function main() {
  const generate = spawnSync(process.execPath, [path.join(__dirname, 'kube-generate.js'), '--root', root, '--check'], { encoding: 'utf8' });
  if (generate.status !== 0) problems.push(generate.stderr.trim());
  const overlays = arg('overlay') ? [arg('overlay')] : existsSync(overlaysDir) ? readdirSync(overlaysDir).sort() : [];
  if (overlays.length === 0) problems.push(`no overlays in ${path.relative(root, overlaysDir)}`);
  const namespaces = new Map();
  for (const overlay of overlays) {
    const before = problems.length;
    const { objects, error } = render(overlay);
    if (error) problems.push(`${overlay}: ${error}`);
    else {
      for (const app of apps) checkApp(overlay, objects, app);
      for (const web of webApps) checkWebApp(overlay, objects, web);
      checkEdge(overlay, objects);
      problems.push(...(await schemaProblems(overlay, objects)));
      namespaces.set(overlay, objects.find((o) => o.metadata?.namespace)?.metadata.namespace);
    }
    const kinds = objects
      ? [...new Set(objects.map((o) => o.kind))]
          .sort()
          .map((k) => `${objects.filter((o) => o.kind === k).length} ${k}`)
          .join(', ')
      : '-';
    process.stdout.write(`kube-validate: ${problems.length === before ? 'ok  ' : 'FAIL'} ${overlay.padEnd(10)} ${kinds}\n`);
  }
  await checkArgo(namespaces);
  if (problems.length) {
    for (const p of problems) process.stderr.write(`kube-validate: ${p}\n`);
    process.exit(1);
  }
  process.stdout.write(
    `kube-validate: ok (${overlays.length} overlays, schemas checked offline, ${apps.length} apps: ${apps.map((a) => a.name).join(', ')}; web apps: ${webApps.map((w) => w.name).join(', ') || '-'})\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`kube-validate: ${error.stack ?? error}\n`);
  process.exit(1);
});
