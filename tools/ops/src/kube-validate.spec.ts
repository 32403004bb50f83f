import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { addApp, appsWithSchema, copyRepo, landedApps, REPO, runTool } from './repo-copy';

const LANDED = landedApps();
const OVERLAYS = ['production', 'staging'];

/** The fields of a rendered container these tests read. */
interface Container {
  livenessProbe: { httpGet: { path: string } };
  readinessProbe: { httpGet: { path: string } };
  resources: Record<string, Record<string, string>>;
  securityContext: { readOnlyRootFilesystem: boolean };
  envFrom: unknown[];
}
/** The fields of a rendered object these tests read (Deployments and Jobs share the pod template shape). */
interface Rendered {
  kind: string;
  metadata: { name: string; namespace?: string };
  spec: { replicas?: number; template: { spec: { containers: Container[]; securityContext: { runAsNonRoot: boolean } } } };
}

/** The fields of the rendered web Deployment these tests read. */
interface WebDeployment {
  spec: {
    template: {
      metadata: { labels: Record<string, string> };
      spec: {
        containers: (Container & {
          image: string;
          startupProbe: { httpGet: { path: string } };
          volumeMounts: { name: string; mountPath: string }[];
        })[];
        volumes: { name: string; emptyDir?: object }[];
      };
    };
  };
}

/** The objects `kubectl kustomize` renders for an overlay of `root`. */
function render(root: string, overlay: string): Rendered[] {
  const r = spawnSync('kubectl', ['kustomize', join(root, 'infra/kubernetes/overlays', overlay)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(r.stderr).toBe('');
  return YAML.parseAllDocuments(r.stdout).map((d) => d.toJSON() as Rendered);
}

describe('infra/kubernetes', () => {
  it('kube-validate passes on the repo for every overlay and names every landed app', () => {
    const r = runTool('kube-validate.js', REPO);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const overlay of OVERLAYS) expect(r.stdout).toMatch(new RegExp(`ok +${overlay} `));
    for (const app of LANDED) expect(r.stdout).toContain(app);
  });

  it.each(OVERLAYS)(
    'the %s overlay renders a probed, resourced, non-root Deployment and a Service per app, and migrate Jobs',
    (overlay) => {
      const objects = render(REPO, overlay);
      const namespaces = new Set(objects.map((o) => o.metadata.namespace));
      expect(namespaces.size).toBe(1);
      for (const app of LANDED) {
        const deploy = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === app);
        expect(deploy).toBeDefined();
        const c = (deploy as Rendered).spec.template.spec.containers[0];
        const base =
          app === 'gateway'
            ? ''
            : app === 'analytics'
              ? '/api/v1/analytics'
              : app === 'outbox-relay'
                ? '/outbox-relay'
                : app === 'media-pipeline'
                  ? '/media-pipeline'
                  : app === 'generation'
                    ? '/generation'
                    : '/v1';
        expect(c.livenessProbe.httpGet.path).toBe(`${base}/health`);
        expect(c.readinessProbe.httpGet.path).toBe(`${base}/ready`);
        expect(c.resources).toMatchObject({
          requests: { cpu: expect.any(String), memory: expect.any(String) },
          limits: { cpu: expect.any(String), memory: expect.any(String) },
        });
        expect(c.securityContext.readOnlyRootFilesystem).toBe(true);
        expect(deploy?.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
        expect(c.envFrom).toEqual(
          expect.arrayContaining([
            { configMapRef: { name: expect.stringMatching(/^mikasmissions-config/) } },
            { secretRef: { name: 'mikasmissions-secrets' } },
          ]),
        );
        expect(objects.some((o) => o.kind === 'Service' && o.metadata.name === app)).toBe(true);
      }
      const jobs = objects
        .filter((o) => o.kind === 'Job')
        .map((o) => o.metadata.name)
        .sort();
      expect(jobs).toEqual(appsWithSchema().map((app) => `${app}-migrate`));
      const config = objects.find((o) => o.kind === 'ConfigMap') as unknown as { data: Record<string, string> };
      expect(config.data).toMatchObject({ PERSISTENCE_MODE: 'strict', AUTH_MODE: 'enforce', NODE_ENV: 'production' });
      expect(objects.some((o) => o.kind === 'Secret')).toBe(false); // secrets by reference only
      expect(
        objects
          .filter((o) => o.kind === 'PodDisruptionBudget')
          .map((o) => o.metadata.name)
          .sort(),
      ).toEqual([...LANDED, 'web'].sort());
      expect(
        objects
          .filter((o) => o.kind === 'HorizontalPodAutoscaler')
          .map((o) => o.metadata.name)
          .sort(),
      ).toEqual(['catalog', 'gateway', 'media-pipeline', 'playback', 'recommendation']);
      expect(
        objects
          .filter((o) => o.kind === 'NetworkPolicy')
          .map((o) => o.metadata.name)
          .sort(),
      ).toEqual(['gateway-public', 'services-from-platform-only', 'web-public']);
    },
  );

  it.each(OVERLAYS)('the %s overlay serves the web app at / (its image, /healthz probes, a writable cache, no Secret)', (overlay) => {
    const objects = render(REPO, overlay);
    const deploy = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'web') as unknown as WebDeployment;
    const pod = deploy.spec.template.spec;
    const c = pod.containers[0];
    expect(c.image).toMatch(/^mikasmissions\/web:/);
    for (const probe of [c.startupProbe, c.livenessProbe, c.readinessProbe]) expect(probe.httpGet.path).toBe('/healthz');
    expect(c.securityContext.readOnlyRootFilesystem).toBe(true);
    const cache = c.volumeMounts.find((m) => m.mountPath === '/repo/apps/web/.next/cache');
    expect(pod.volumes.find((v) => v.name === cache?.name)?.emptyDir).toBeDefined();
    expect(c.envFrom ?? []).toEqual([]);
    expect(objects.some((o) => o.kind === 'Job' && o.metadata.name === 'web-migrate')).toBe(false);
    const ingress = objects.find((o) => o.kind === 'Ingress') as unknown as {
      spec: { rules: { http: { paths: { path: string; backend: { service: { name: string } } }[] } }[] };
    };
    const routes = Object.fromEntries(ingress.spec.rules[0].http.paths.map((p) => [p.path, p.backend.service.name]));
    expect(routes).toEqual({ '/v1': 'gateway', '/healthz': 'gateway', '/': 'web' });
    expect(deploy.spec.template.metadata.labels['app.kubernetes.io/component']).toBe('web');
  });

  it('production runs two replicas per app; staging one', () => {
    for (const [overlay, replicas] of [
      ['production', 2],
      ['staging', 1],
    ] as const) {
      for (const d of render(REPO, overlay).filter((o) => o.kind === 'Deployment'))
        expect([overlay, d.metadata.name, d.spec.replicas]).toEqual([overlay, d.metadata.name, replicas]);
    }
  });

  it('the ArgoCD Application syncs the staging overlay into its namespace', () => {
    const app = YAML.parse(readFileSync(join(REPO, 'infra/kubernetes/argocd/staging.yaml'), 'utf8')) as {
      kind: string;
      spec: { source: { path: string }; destination: { namespace: string } };
    };
    expect(app.kind).toBe('Application');
    expect(app.spec.source.path).toBe('infra/kubernetes/overlays/staging');
    expect(app.spec.destination.namespace).toBe(render(REPO, 'staging')[0].metadata.namespace);
  });

  describe('on a copy', () => {
    let root: string;
    beforeEach(() => {
      root = copyRepo();
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('fails while a new app of apps/ is not in the base, and renders it after kube:generate', () => {
      addApp(root, 'newbie', 18_322);
      const stale = runTool('kube-validate.js', root);
      expect(stale.status).toBe(1);
      expect(stale.stderr).toContain('stale in infra/kubernetes/base: apps/newbie.yaml, kustomization.yaml');
      expect(stale.stderr).toContain('production: newbie: no Deployment');
      expect(runTool('kube-generate.js', root).status).toBe(0);
      const fresh = runTool('kube-validate.js', root);
      expect(fresh.stderr).toBe('');
      expect(fresh.status).toBe(0);
      const objects = render(root, 'staging');
      expect(
        objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'newbie')?.spec.template.spec.containers[0].readinessProbe
          .httpGet.path,
      ).toBe('/v1/ready');
      expect(objects.some((o) => o.kind === 'Job' && o.metadata.name === 'newbie-migrate')).toBe(true);
    });

    it('fails when an overlay drops a probe or the resources', () => {
      const file = join(root, 'infra/kubernetes/overlays/staging/kustomization.yaml');
      const patch = [
        'patches:',
        '  - target: { kind: Deployment, name: catalog }',
        '    patch: |-',
        '      - op: remove',
        '        path: /spec/template/spec/containers/0/readinessProbe',
        '      - op: remove',
        '        path: /spec/template/spec/containers/0/resources/limits',
        '',
      ].join('\n');
      writeFileSync(file, `${readFileSync(file, 'utf8')}${patch}`);
      const r = runTool('kube-validate.js', root);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('staging: catalog: readiness probe must GET /v1/ready');
      expect(r.stderr).toContain('staging: catalog: no cpu limits');
      expect(r.stderr).not.toContain('production:');
    });

    it('fails when an overlay drops the Ingress, the NetworkPolicies or an HPA', () => {
      const file = join(root, 'infra/kubernetes/overlays/production/kustomization.yaml');
      const drop = (kind: string, name: string) =>
        `  - target: { kind: ${kind}, name: ${name} }\n    patch: |-\n      $patch: delete\n      apiVersion: v1\n      kind: ${kind}\n      metadata:\n        name: ${name}\n`;
      const text = readFileSync(file, 'utf8');
      writeFileSync(
        file,
        `${text}${drop('Ingress', 'mikasmissions')}${drop('NetworkPolicy', 'gateway-public')}${drop('NetworkPolicy', 'services-from-platform-only')}${drop('HorizontalPodAutoscaler', 'catalog')}`,
      );
      const r = runTool('kube-validate.js', root);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('production: no Ingress routes /v1 to the gateway');
      expect(r.stderr).toContain('production: no NetworkPolicy restricts ingress to the services');
      expect(r.stderr).toContain('production: catalog: no HorizontalPodAutoscaler');
    });

    it('fails when an overlay takes / from the web app, its cache volume or the policy that lets the Ingress reach it', () => {
      const file = join(root, 'infra/kubernetes/overlays/staging/kustomization.yaml');
      const patch = [
        'patches:',
        '  - target: { kind: Ingress, name: mikasmissions }',
        '    patch: |-',
        '      - op: remove',
        '        path: /spec/rules/0/http/paths/2',
        '  - target: { kind: Deployment, name: web }',
        '    patch: |-',
        '      - op: remove',
        '        path: /spec/template/spec/containers/0/volumeMounts/1',
        '  - target: { kind: NetworkPolicy, name: web-public }',
        '    patch: |-',
        '      $patch: delete',
        '      apiVersion: networking.k8s.io/v1',
        '      kind: NetworkPolicy',
        '      metadata:',
        '        name: web-public',
        '',
      ].join('\n');
      writeFileSync(file, `${readFileSync(file, 'utf8')}${patch}`);
      const r = runTool('kube-validate.js', root);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('staging: no Ingress routes / (Prefix) to the web app web');
      expect(r.stderr).toContain('staging: web: .next/cache must be an emptyDir');
      expect(r.stderr).toContain('staging: web: no NetworkPolicy lets the Ingress controller reach it');
      expect(r.stderr).not.toContain('production:');
    });

    it('fails on an overlay that does not render', () => {
      writeFileSync(join(root, 'infra/kubernetes/overlays/production/kustomization.yaml'), 'resources:\n  - ../../no-such-base\n');
      const r = runTool('kube-validate.js', root);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('production: kubectl kustomize failed');
    });
  });
});
