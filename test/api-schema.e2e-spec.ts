import * as fs from 'node:fs';
import * as path from 'node:path';
import { API_SCHEMA_PATH, openApiDocumentInMemory, renderApiSchema } from '../scripts/api-schema';

const ROOT = path.join(__dirname, '..');

describe('web API types', () => {
  it('the committed apps/web/src/lib/api-schema.d.ts is what the current OpenAPI document generates', async () => {
    const expected = await renderApiSchema(await openApiDocumentInMemory(), ROOT);
    const committed = fs.readFileSync(path.join(ROOT, API_SCHEMA_PATH), 'utf8');
    if (committed !== expected) {
      throw new Error(
        `${API_SCHEMA_PATH} is stale: the OpenAPI document changed. Run \`npm run gen:api\` and commit it.`,
      );
    }
    expect(committed).toContain("'/api/cases/queue'");
  });
});
