import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { OpenApiDocument, ResponseValidator } from './support/openapi-validator';
import { startTestApp, TestApp } from './support/test-app';

const run = promisify(execFile);
const CLI = path.join(__dirname, '..', 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
const CONFIG = path.join(__dirname, '..', 'redocly.yaml');

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

describe('OpenAPI document', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await startTestApp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-'));
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('passes redocly lint with the recommended rules (0 errors)', async () => {
    const res = await fetch(`${t.url}/api/docs-json`);
    expect(res.status).toBe(200);
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, await res.text());
    // the CLI exits 1 when it finds errors; the JSON report is on stdout either way
    const out = await run(process.execPath, [CLI, 'lint', file, '--config', CONFIG, '--format', 'json'], {
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    }).catch((err: { stdout?: string; stderr?: string }) => ({
      stdout: err.stdout ?? '',
      stderr: err.stderr ?? '',
    }));
    const report = JSON.parse(out.stdout) as { problems: LintProblem[] };
    const errors = report.problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors).toEqual([]);
  });

  it('marks public operations with security: [] and the others with bearer', async () => {
    const doc = (await (await fetch(`${t.url}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    expect(doc.paths['/api/auth/staff/sign-in'].post.security).toEqual([]);
    expect(doc.paths['/api/health'].get.security).toEqual([]);
    expect(doc.paths['/api/webhooks/{source}'].post.security).toEqual([]);
    expect(doc.paths['/api/auth/me'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/cases/{id}'].get.security).toEqual([{ bearer: [] }]);
  });

  it('the e2e response check refuses bodies and statuses the document does not describe', async () => {
    const doc = (await (await fetch(`${t.url}/api/docs-json`)).json()) as OpenApiDocument;
    const v = new ResponseValidator(doc);
    const json = 'application/json; charset=utf-8';
    const me = { id: 'u1', role: 'mediator', orgId: null, displayName: '调解员' };
    expect(v.check('GET', '/api/auth/me', 200, json, me)).toBeNull();
    expect(v.check('GET', '/api/auth/me', 200, json, { ...me, role: 'pirate' })).toMatch(
      /GET \/api\/auth\/me → 200: response does not match.*\/role/s,
    );
    expect(v.check('GET', '/api/auth/me', 200, json, { id: 'u1' })).toMatch(/must have required property/);
    expect(v.check('GET', '/api/auth/me', 200, json, { ...me, displayName: 7 })).toMatch(
      /\/displayName must be string/,
    );
    expect(v.check('GET', '/api/cases/mine', 200, json, [{ id: 'c1' }])).toMatch(
      /\/0 must have required property 'number'/,
    );
    // a field the DTO does not list is drift as well
    expect(v.check('GET', '/api/auth/me', 200, json, { ...me, secret: 'x' })).toMatch(
      /must NOT have additional properties.*secret/,
    );
    expect(v.check('GET', '/api/auth/me', 201, json, me)).toMatch(/status not documented/);
    expect(v.check('GET', '/api/nowhere', 200, json, {})).toMatch(/no operation/);
    const error = { error: { code: 'NOT_FOUND', message: '不存在' } };
    expect(v.check('GET', '/api/cases/00000000-0000-0000-0000-000000000000', 404, json, error)).toBeNull();
    expect(v.check('GET', '/api/cases/x', 404, json, { message: 'no' })).toMatch(/required property 'error'/);
  });
});
