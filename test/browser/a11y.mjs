// Accessibility in the browser journeys: axe-core runs on every page a journey visits (each route a page navigates
// to, once it has settled, and every screenshot). Moderate, serious or critical violations fail the scenario; minor
// ones are listed at the end of the run.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const watched = new WeakMap(); // page → { label, errors, seen: Set of scanned routes }
const minor = new Map(); // rule id → { help, routes: Set }
const FAILING = new Set(['moderate', 'serious', 'critical']);
let scans = 0;

/** The route a hash URL names, ids folded, so `#/cases/<uuid>` is scanned once per page rather than per case. */
function routeOf(url) {
  const hash = new URL(url).hash.replace(/^#\/?/, '').split('?')[0];
  return `/${hash.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, ':id') || ''}`;
}

/** Runs axe on the page as it is now; `key` names the state (route or screenshot). */
export async function scanA11y(page, key = null) {
  const w = watched.get(page);
  if (!w) return;
  const route = routeOf(page.url());
  const name = key ?? route;
  let result;
  try {
    // A dropdown caught mid-fade reads as faint text (colour contrast); scan once CSS animations have finished.
    await page
      .waitForFunction(
        () =>
          document
            .getAnimations()
            .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
        null,
        {
          timeout: 5_000,
          polling: 100,
        },
      )
      .catch(() => undefined);
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
    result = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} ${n.any?.[0]?.message?.slice(0, 110) ?? ''}`.trim()),
      }));
    });
  } catch {
    return; // the page navigated or closed mid-scan: the next state is scanned instead
  }
  scans += 1;
  for (const v of result) {
    if (FAILING.has(v.impact)) {
      const line = `[${w.label}] axe ${v.impact} ${v.id} on ${name}: ${v.help} (${v.nodes.join(' | ')})`;
      if (!w.errors.includes(line)) w.errors.push(line);
    } else {
      const m = minor.get(v.id) ?? { impact: v.impact, help: v.help, routes: new Set() };
      m.routes.add(route);
      minor.set(v.id, m);
    }
  }
}

/** Scans each route `page` navigates to (hash changes included) once the page has no running motion. */
export function watchA11y(page, label, errors) {
  const w = { label, errors, seen: new Set() };
  watched.set(page, w);
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    const route = routeOf(frame.url());
    if (w.seen.has(route)) return;
    w.seen.add(route);
    void page
      .waitForLoadState('networkidle', { timeout: 10_000 })
      .catch(() => undefined)
      .then(() => scanA11y(page));
  });
}

/** Printed at the end of a run: how many scans, and the minor findings by rule. */
export function a11ySummary() {
  console.log(`[axe] ${scans} scans; moderate, serious and critical violations fail their scenario`);
  for (const [id, m] of minor)
    console.log(`[axe] ${m.impact} ${id}: ${m.help} — on ${[...m.routes].join(', ')}`);
}
