/** `npm run gen:api`: writes the web app's API types (apps/web/src/lib/api-schema.d.ts) from the api's document. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { API_SCHEMA_PATH, openApiDocumentInMemory, renderApiSchema } from './api-schema';

async function main(): Promise<void> {
  const root = process.cwd();
  const source = await renderApiSchema(await openApiDocumentInMemory(), root);
  fs.writeFileSync(path.join(root, API_SCHEMA_PATH), source);
  console.log(`wrote ${API_SCHEMA_PATH}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
