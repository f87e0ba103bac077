// The party's script budget: reads the Vite manifest of apps/web/dist and adds up, brotli-compressed (as the server
// sends them), the scripts a party's phone must run before each first screen: the sign-in page (the entry and its
// static imports) and, for a party already signed in, each party page with the signed-in shell. Fails above the
// budgets: 150 kB before the sign-in screen (the first screen of an SMS link), 300 kB for a signed-in party page.
// Run: node test/browser/script-budget.mjs   (after `npm run build:web`; journey.mjs runs it after its build)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SIGN_IN_BUDGET = 150 * 1024;
export const PARTY_PAGE_BUDGET = 300 * 1024;
const PARTY_PAGES = ['sign-in', 'my-cases', 'apply', 'case-tracker', 'party-room', 'sign-agreement'];

/** Bytes of `file` as the server sends it: its .br beside it, or brotli at the build's quality for small files. */
function sentBytes(dist, file) {
  const br = path.join(dist, `${file}.br`);
  if (fs.existsSync(br)) return fs.statSync(br).size;
  const data = fs.readFileSync(path.join(dist, file));
  return brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/** Every chunk `key` loads before it runs: itself and its static imports, transitively. */
function closure(manifest, key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) closure(manifest, dep, seen);
  return seen;
}

export function measureParty(dist = path.join(ROOT, 'apps/web/dist')) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  const shell = Object.keys(manifest).find((k) => k.endsWith('src/signed-in.tsx'));
  const routes = Object.keys(manifest).find((k) => k.endsWith('src/party-routes.tsx'));
  if (!entry || !shell || !routes) throw new Error('manifest has no entry, signed-in or party-routes chunk');
  const bytes = (keys) => [...keys].reduce((sum, k) => sum + sentBytes(dist, manifest[k].file), 0);
  return PARTY_PAGES.map((page) => {
    const keys = closure(manifest, entry);
    if (page !== 'sign-in') {
      const key = Object.keys(manifest).find((k) => k.endsWith(`pages/party/${page}.page.tsx`));
      if (!key) throw new Error(`manifest has no chunk for the party page ${page}`);
      closure(manifest, shell, keys);
      closure(manifest, routes, keys);
      closure(manifest, key, keys);
    }
    return { page, bytes: bytes(keys), chunks: keys.size };
  });
}

export function checkScriptBudget(dist) {
  const rows = measureParty(dist);
  for (const r of rows)
    console.log(
      `[budget] party ${r.page}: ${(r.bytes / 1024).toFixed(1)} kB brotli script in ${r.chunks} chunks`,
    );
  const budget = (r) => (r.page === 'sign-in' ? SIGN_IN_BUDGET : PARTY_PAGE_BUDGET);
  const over = rows.filter((r) => r.bytes > budget(r));
  if (over.length)
    throw new Error(
      `party script over budget: ${over.map((r) => `${r.page} ${(r.bytes / 1024).toFixed(1)} kB > ${budget(r) / 1024} kB`).join(', ')}`,
    );
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    checkScriptBudget();
  } catch (err) {
    console.error(String(err.message ?? err));
    process.exit(1);
  }
}
