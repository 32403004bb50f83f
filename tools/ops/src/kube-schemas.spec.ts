import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyRepo, editFile, REPO, runTool } from './repo-copy';

const ARGO = 'infra/kubernetes/argocd/staging.yaml';

describe('kube-validate offline schemas', () => {
  let root: string;
  beforeEach(() => {
    root = copyRepo();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('validates the staging ArgoCD Application of the repo against the Argo CD CRD schema', () => {
    const r = runTool('kube-validate.js', REPO);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/ok +argocd\/staging\.yaml \(Argo CD Application schema\)/);
    expect(r.stdout).toContain('schemas checked offline');
  });

  it('fails on an Application that breaks the CRD schema: a missing destination, a string where a boolean goes', () => {
    editFile(root, ARGO, (t) =>
      t
        .replace(/ {2}destination:\n( {4}.*\n)+/, '')
        .replace('prune: true', "prune: 'yes'")
        .replace('syncOptions: [CreateNamespace=true]', 'syncOptions: [CreateNamespace=true]\n    retry: { limit: many }'),
    );
    const r = runTool('kube-validate.js', root);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/FAIL argocd\/staging\.yaml/);
    expect(r.stderr).toContain('argocd/staging.yaml: Application/mikasmissions-staging: /spec must have required property destination');
    expect(r.stderr).toContain('/spec/syncPolicy/automated/prune must be boolean');
    expect(r.stderr).toContain('/spec/syncPolicy/retry/limit must be integer');
    expect(r.stdout).toMatch(/ok +staging /); // the overlays themselves still pass
  });

  it('fails on a misspelt spec field and on a source path or namespace that is not the staging overlay', () => {
    editFile(root, ARGO, (t) => t.replace('  project: default', '  projekt: default'));
    const typo = runTool('kube-validate.js', root);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain('/spec must have required property project');
    expect(typo.stderr).toContain('/spec/projekt is not a field of Application');

    editFile(root, ARGO, (t) =>
      t
        .replace('  projekt: default', '  project: default')
        .replace('path: infra/kubernetes/overlays/staging', 'path: infra/kubernetes/overlays/prod'),
    );
    const path = runTool('kube-validate.js', root);
    expect(path.status).toBe(1);
    expect(path.stderr).toContain('spec.source.path infra/kubernetes/overlays/prod is not an overlay under infra/kubernetes/overlays');

    editFile(root, ARGO, (t) =>
      t
        .replace('path: infra/kubernetes/overlays/prod', 'path: infra/kubernetes/overlays/staging')
        .replace(/namespace: mikasmissions-staging$/m, 'namespace: mikasmissions'),
    );
    const ns = runTool('kube-validate.js', root);
    expect(ns.status).toBe(1);
    expect(ns.stderr).toContain("destination namespace mikasmissions is not staging's namespace mikasmissions-staging");
  });

  it('fails when an overlay renders an object its Kubernetes schema rejects', () => {
    const file = join(root, 'infra/kubernetes/overlays/production/kustomization.yaml');
    const patch = [
      '  - target: { kind: Deployment, name: catalog }',
      '    patch: |-',
      '      - op: replace',
      '        path: /spec/replicas',
      '        value: two',
      '  - target: { kind: Service, name: gateway }',
      '    patch: |-',
      '      - op: replace',
      '        path: /spec/type',
      '        value: Public',
      '',
    ].join('\n');
    writeFileSync(file, `${readFileSync(file, 'utf8')}${patch}`);
    const r = runTool('kube-validate.js', root);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/FAIL production /);
    expect(r.stdout).toMatch(/ok +staging /);
    expect(r.stderr).toContain('production: Deployment/catalog: /spec/replicas must be integer');
    expect(r.stderr).toContain('production: Service/gateway: /spec/type must be equal to one of the allowed values');
  });
});
