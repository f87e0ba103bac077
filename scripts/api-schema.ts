/**
 * The web app's API types, generated from the OpenAPI document the api serves: the api is built on an in-memory
 * PGlite (no database server, no port), its document rendered by openapi-typescript and formatted by prettier so
 * the committed file passes `prettier --check` as it is. openapi-typescript runs as its own CLI process: its
 * dependencies are ES modules that jest (CommonJS on Node 20) cannot load in-process.
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as prettier from 'prettier';
import { loadConfig } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { createApi } from '../apps/api/src/bootstrap';
import { buildOpenApiDocument } from '../apps/api/src/common/openapi-document';

/** Where the generated types live, relative to the repository root. */
export const API_SCHEMA_PATH = 'apps/web/src/lib/api-schema.d.ts';

const HEADER = '// Generated from the OpenAPI document by `npm run gen:api`; do not edit by hand.\n\n';

/** The OpenAPI document, exactly as `/api/docs-json` serves it. */
export async function openApiDocumentInMemory(): Promise<object> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    JWT_SECRET: 'x'.repeat(32),
    WEB_DIST: '/nonexistent',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
  });
  const db = await DbService.connect({ databaseUrl: null, dataDir: 'memory://' });
  try {
    await db.migrate();
    const api = await createApi(config, db, { listen: false });
    try {
      // a JSON round trip drops what the HTTP answer would drop (undefined fields, class instances)
      return JSON.parse(JSON.stringify(buildOpenApiDocument(api.app))) as object;
    } finally {
      await api.close();
    }
  } finally {
    await db.close();
  }
}

/** The TypeScript source of the API types for `doc`, formatted with the repository's prettier settings. */
export async function renderApiSchema(doc: object, root: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-schema-'));
  try {
    const input = path.join(dir, 'openapi.json');
    const output = path.join(dir, 'api-schema.d.ts');
    fs.writeFileSync(input, JSON.stringify(doc));
    const cli = path.join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
    await promisify(execFile)(process.execPath, [cli, input, '--output', output], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    const file = path.join(root, API_SCHEMA_PATH);
    const options = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(HEADER + fs.readFileSync(output, 'utf8'), { ...options, filepath: file });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
