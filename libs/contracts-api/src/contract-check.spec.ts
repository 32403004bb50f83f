import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** `pnpm run contract-check` against a COPY of the bundled spec, changed one way per case. */
describe('contract-check on a copy of the spec', () => {
  const root = path.resolve(__dirname, '../../..');
  const bundled = path.join(__dirname, 'generated/openapi.json');
  let dir: string;
  type Doc = {
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Record<string, { enum?: string[]; required?: string[]; properties?: Record<string, unknown> }> };
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'contract-check-spec-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function check(name: string, change: (doc: Doc) => void, steps = 'rules,breaking') {
    const doc = JSON.parse(readFileSync(bundled, 'utf8')) as Doc;
    change(doc);
    const spec = path.join(dir, `${name}.json`);
    writeFileSync(spec, JSON.stringify(doc));
    const r = spawnSync(process.execPath, ['tools/dev/contract-check.js', '--spec', spec, '--steps', steps], {
      cwd: root,
      encoding: 'utf8',
    });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  }

  it('passes the committed spec unchanged, every step', () => {
    const r = spawnSync(process.execPath, ['tools/dev/contract-check.js'], { cwd: root, encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toMatch(/ok \(lint, rules, stale, breaking\)/);
    expect(r.status).toBe(0);
  });

  it('passes an additive change: a new operation, an optional request field, a new response field', () => {
    const r = check('additive', (doc) => {
      doc.paths['/v1/parents/pin'] = { put: { ...(doc.paths['/v1/parents/login'].post as object), operationId: 'putParentPin' } };
      doc.components.schemas.ParentSignupRequest.properties!.referral_code = { type: 'string', maxLength: 32 };
      doc.components.schemas.Episode.properties!.season = { type: 'integer' };
    });
    expect(r.output).toMatch(/ok \(rules, breaking\)/);
    expect(r.status).toBe(0);
  });

  it.each<[string, (doc: Doc) => void, RegExp]>([
    ['a removed operation', (doc) => delete doc.paths['/v1/admin/runs/{run_id}/cancel'].post, /removed/],
    [
      'a new required request field',
      (doc) => doc.components.schemas.ParentSignupRequest.required!.push('marketing'),
      /became required: `marketing`/,
    ],
    ['a narrowed enum', (doc) => doc.components.schemas.AgeBand.enum!.splice(2, 1), /lost values: '12-16'/],
    [
      'a removed response field',
      (doc) => {
        delete doc.components.schemas.ParentLoginResponse.properties!.refresh_token;
        doc.components.schemas.ParentLoginResponse.required = doc.components.schemas.ParentLoginResponse.required!.filter(
          (f) => f !== 'refresh_token',
        );
      },
      /refresh_token/,
    ],
    [
      'a changed type',
      (doc) => (doc.components.schemas.KidsProgressResponse.properties!.completion_percent = { type: 'string' }),
      /completion_percent/,
    ],
  ])('fails on %s', (name, change, detail) => {
    const r = check(name.replace(/\W+/g, '-'), change);
    expect(r.output).toMatch(/contract-check: breaking: .* breaks libs\/contracts-api\/openapi\/v1.baseline.yaml/);
    expect(r.output).toMatch(detail);
    expect(r.status).toBe(1);
  });

  it('fails when an error status lists no codes or a code outside the catalogue', () => {
    const r = check(
      'codes',
      (doc) => {
        const signup = doc.paths['/v1/parents/signup'].post as { 'x-error-codes': Record<string, string[]> };
        delete signup['x-error-codes']['409'];
        signup['x-error-codes']['400'].push('no_such_code');
      },
      'rules',
    );
    expect(r.output).toMatch(/response 409 has no x-error-codes\['409'\]/);
    expect(r.output).toMatch(/'no_such_code' is not in ErrorCode x-codes/);
    expect(r.status).toBe(1);
  });
});
