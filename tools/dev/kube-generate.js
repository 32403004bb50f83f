/**
 * `pnpm run kube:generate`: writes the kustomize base of infra/kubernetes from apps/
 * (tools/dev/app-inventory.js): per HTTP app a Deployment (liveness `<prefix>/health`,
 * readiness `<prefix>/ready`, requests and limits, non-root, read-only root filesystem,
 * config from the `mikasmissions-config` ConfigMap and the `mikasmissions-secrets` Secret)
 * a Service, a PodDisruptionBudget (and an HPA for the AUTOSCALED apps); per app with `prisma/<app>/` a `<app>-migrate` Job.
 * Per web app (`apps/<name>/next.config.*`, listWebApps) a Deployment of the `mikasmissions/<name>` image
 * (apps/<name>/Dockerfile; probes on `/healthz`, an emptyDir for Next's cache, no Secret: it holds none), a
 * Service and a PodDisruptionBudget, labelled component `web` (network-policy.yaml lets the Ingress in). Re-run it when an app
 * lands; `pnpm run kube-validate` fails while an app is missing from the rendered overlays.
 *
 *   node tools/dev/kube-generate.js [--root DIR] [--check]   # --check: exit 1 when the files are stale
 */
const { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const { listApps, listWebApps, AUTOSCALED } = require('./app-inventory');

const rootArg = process.argv.indexOf('--root');
const root = rootArg === -1 ? path.resolve(__dirname, '../..') : path.resolve(process.argv[rootArg + 1]);
const base = path.join(root, 'infra/kubernetes/base');
const IMAGE_PREFIX = 'mikasmissions/';
const IMAGE = `${IMAGE_PREFIX}platform`;
const labels = (name, component) => ({
  'app.kubernetes.io/name': name,
  'app.kubernetes.io/part-of': 'mikasmissions',
  'app.kubernetes.io/component': component,
});
const podSecurity = { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } };
const containerSecurity = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };
const envFrom = [{ configMapRef: { name: 'mikasmissions-config' } }, { secretRef: { name: 'mikasmissions-secrets' } }];
const tmp = { volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }] };

function container(app, command) {
  return {
    name: app.name,
    image: `${IMAGE}:latest`,
    command,
    env: [{ name: 'APP', value: app.name }],
    envFrom,
    resources: { requests: { cpu: '100m', memory: '192Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
    securityContext: containerSecurity,
    ...tmp,
  };
}

function deployment(app) {
  const probe = (suffix, period) => ({
    httpGet: { path: `${app.healthBase}/${suffix}`, port: 'http' },
    periodSeconds: period,
    timeoutSeconds: 3,
    failureThreshold: 3,
  });
  const main = {
    ...container(app, ['node', `dist/apps/${app.name}/src/main.js`]),
    ports: [{ name: 'http', containerPort: app.port }],
    startupProbe: { ...probe('health', 5), failureThreshold: 24 },
    livenessProbe: probe('health', 10),
    readinessProbe: probe('ready', 5),
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: app.name, labels: labels(app.name, 'service') },
    spec: {
      replicas: 1,
      selector: { matchLabels: { 'app.kubernetes.io/name': app.name } },
      template: {
        metadata: { labels: labels(app.name, 'service') },
        spec: {
          automountServiceAccountToken: false,
          securityContext: podSecurity,
          containers: [main],
          volumes: [{ name: 'tmp', emptyDir: {} }],
        },
      },
    },
  };
}

/** A Next.js web app: its own image, `next start` as uid 1000, no database and no Secret. */
function webDeployment(web) {
  const probe = (period) => ({
    httpGet: { path: web.healthPath, port: 'http' },
    periodSeconds: period,
    timeoutSeconds: 3,
    failureThreshold: 3,
  });
  const main = {
    name: web.name,
    image: `${IMAGE_PREFIX}${web.name}:latest`,
    ports: [{ name: 'http', containerPort: web.port }],
    // the browser-facing gateway origin; empty keeps the one the image was built with (NEXT_PUBLIC_API_BASE_URL)
    env: [
      { name: 'API_BASE_URL', valueFrom: { configMapKeyRef: { name: 'mikasmissions-config', key: 'WEB_API_BASE_URL', optional: true } } },
    ],
    resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
    securityContext: containerSecurity,
    volumeMounts: [...tmp.volumeMounts, { name: 'next-cache', mountPath: `/repo/apps/${web.name}/.next/cache` }],
    startupProbe: { ...probe(5), failureThreshold: 24 },
    livenessProbe: probe(10),
    readinessProbe: probe(5),
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: web.name, labels: labels(web.name, 'web') },
    spec: {
      replicas: 1,
      selector: { matchLabels: { 'app.kubernetes.io/name': web.name } },
      template: {
        metadata: { labels: labels(web.name, 'web') },
        spec: {
          automountServiceAccountToken: false,
          securityContext: podSecurity,
          containers: [main],
          volumes: [
            { name: 'tmp', emptyDir: {} },
            { name: 'next-cache', emptyDir: { sizeLimit: '256Mi' } },
          ],
        },
      },
    },
  };
}

function service(app, component = 'service') {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: app.name, labels: labels(app.name, component) },
    spec: { selector: { 'app.kubernetes.io/name': app.name }, ports: [{ name: 'http', port: app.port, targetPort: 'http' }] },
  };
}

function migrateJob(app) {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: `${app.name}-migrate`,
      labels: labels(app.name, 'migrate'),
      annotations: { 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation' },
    },
    spec: {
      backoffLimit: 3,
      ttlSecondsAfterFinished: 3600,
      template: {
        metadata: { labels: labels(app.name, 'migrate') },
        spec: {
          restartPolicy: 'OnFailure',
          automountServiceAccountToken: false,
          securityContext: podSecurity,
          containers: [{ ...container(app, ['node', 'dist/tools/db/src/migrate.cli.js', app.name]), name: 'migrate' }],
          volumes: [{ name: 'tmp', emptyDir: {} }],
        },
      },
    },
  };
}

function disruptionBudget(app, component = 'service') {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: app.name, labels: labels(app.name, component) },
    spec: { maxUnavailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': app.name } } },
  };
}

function autoscaler(app) {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: app.name, labels: labels(app.name, 'service') },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app.name },
      minReplicas: 1,
      maxReplicas: 4,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    },
  };
}

const header = (what) =>
  `# Generated by \`pnpm run kube:generate\` from apps/ (${what}); edit tools/dev/kube-generate.js, not this file.\n`;
const files = new Map();
const apps = listApps(root).filter((a) => a.port !== undefined);
for (const app of apps) {
  const docs = [
    deployment(app),
    service(app),
    disruptionBudget(app),
    ...(AUTOSCALED.includes(app.name) ? [autoscaler(app)] : []),
    ...(app.schema ? [migrateJob(app)] : []),
  ];
  files.set(`apps/${app.name}.yaml`, header(app.name) + docs.map((d) => YAML.stringify(d)).join('---\n'));
}
const webApps = listWebApps(root);
for (const web of webApps) {
  const docs = [webDeployment(web), service(web, 'web'), disruptionBudget(web, 'web')];
  files.set(`apps/${web.name}.yaml`, header(web.name) + docs.map((d) => YAML.stringify(d)).join('---\n'));
}
const kustomization = {
  apiVersion: 'kustomize.config.k8s.io/v1beta1',
  kind: 'Kustomization',
  labels: [{ pairs: { 'app.kubernetes.io/part-of': 'mikasmissions' } }],
  resources: ['config.yaml', 'network-policy.yaml', 'ingress.yaml', ...[...files.keys()].sort()],
  images: [IMAGE, ...webApps.map((w) => `${IMAGE_PREFIX}${w.name}`)].map((name) => ({ name, newTag: 'latest' })),
};
files.set('kustomization.yaml', header('the app list') + YAML.stringify(kustomization));

const stale = [];
for (const [rel, text] of files) {
  const target = path.join(base, rel);
  if (existsSync(target) && readFileSync(target, 'utf8') === text) continue;
  stale.push(rel);
  if (process.argv.includes('--check')) continue;
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
}
const appsDir = path.join(base, 'apps');
for (const f of existsSync(appsDir) ? readdirSync(appsDir) : []) {
  if (files.has(`apps/${f}`)) continue;
  stale.push(`apps/${f} (no such app)`);
  if (!process.argv.includes('--check')) rmSync(path.join(appsDir, f));
}
if (process.argv.includes('--check')) {
  if (stale.length) {
    process.stderr.write(`kube:generate: stale in infra/kubernetes/base: ${stale.join(', ')}; run pnpm run kube:generate\n`);
    process.exit(1);
  }
  process.stdout.write(`kube:generate: base up to date (${apps.length} apps, ${webApps.length} web apps)\n`);
} else {
  process.stdout.write(
    `kube:generate: ${stale.length ? `wrote ${stale.join(', ')}` : 'nothing to change'} (${apps.length} apps: ${apps.map((a) => a.name).join(', ')}; web apps: ${webApps.map((w) => w.name).join(', ') || '-'})\n`,
  );
}
