/**
 * Routing benchmark: p50/p99/mean latency of route() on a compiled router (200 bodies, 100 rules)
 * beside a baseline plain Map lookup (category+street → body id), same iterations and timing method.
 *
 *   npx swc bench/routing libs/routing -d dist-bench --copy-files -q && node dist-bench/bench/routing/routing.bench.js
 */
import os from 'node:os';
import type { RoutingDecision, RoutingDispute } from '@tiaojie/routing';
import { compileRouting } from '@tiaojie/routing';
import { syntheticDisputes, syntheticDistrict } from './synthetic-district.generator';

const SEED = 20_240_101;
const ITERATIONS = 20_000;
const WARMUP = 5_000;
const DISPUTES = 2_000;
const COMPILES = 200;

interface Stats {
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  readonly max: number;
}

/** Nanosecond samples → microsecond statistics. p-th percentile = the ceil(p·n)-th smallest sample. */
function stats(samples: BigInt64Array): Stats {
  const sorted = Float64Array.from(samples, (x) => Number(x)).sort();
  const at = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
  let sum = 0;
  for (const x of sorted) sum += x;
  return {
    p50: at(0.5) / 1000,
    p99: at(0.99) / 1000,
    mean: sum / sorted.length / 1000,
    max: sorted[sorted.length - 1] / 1000,
  };
}

/** Times fn(i) once per iteration with process.hrtime.bigint around the call. */
function measure(iterations: number, fn: (i: number) => unknown, sink: { value: number }): BigInt64Array {
  const samples = new BigInt64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    const out = fn(i);
    const t1 = process.hrtime.bigint();
    samples[i] = t1 - t0;
    if (out) sink.value++;
  }
  return samples;
}

const fmt = (x: number) => x.toFixed(2);

function main(): void {
  const district = syntheticDistrict(SEED);
  const disputes: RoutingDispute[] = syntheticDisputes(SEED + 1, DISPUTES, district);
  const sink = { value: 0 };

  const compileSamples = measure(COMPILES, () => compileRouting(district.registry, district.rules), sink);
  const router = compileRouting(district.registry, district.rules);

  // baseline: a plain Map from category+street to a body id (first active body accepting it there)
  const baselineMap = new Map<string, string>();
  for (const s of district.streets) {
    for (const b of district.registry.bodies) {
      if (!b.active || !(b.level === 'district' || b.jurisdiction.streets.includes(s.code))) continue;
      for (const c of b.categories)
        if (!baselineMap.has(`${c}|${s.code}`)) baselineMap.set(`${c}|${s.code}`, b.id);
    }
  }
  const lookup = (d: RoutingDispute) => baselineMap.get(`${d.category}|${d.streetCode ?? ''}`);

  measure(WARMUP, (i) => router.route(disputes[i % DISPUTES]), sink);
  measure(WARMUP, (i) => lookup(disputes[i % DISPUTES]), sink);
  const routeSamples = measure(ITERATIONS, (i) => router.route(disputes[i % DISPUTES]), sink);
  const baselineSamples = measure(ITERATIONS, (i) => lookup(disputes[i % DISPUTES]), sink);

  // workload description (not timed)
  const decisions: RoutingDecision[] = disputes.map((d) => router.route(d));
  const assigned = decisions.filter((d) => d.outcome === 'assigned').length;
  const escalated = decisions.filter((d) => d.escalation !== null).length;
  const candidates = decisions.reduce((n, d) => n + d.explanation.candidates.length, 0) / decisions.length;
  const matched =
    decisions.reduce((n, d) => n + d.explanation.rules.filter((r) => r.matched).length, 0) / decisions.length;

  const r = stats(routeSamples);
  const b = stats(baselineSamples);
  const c = stats(compileSamples);
  const lines = [
    `Routing benchmark — ${new Date().toISOString()}`,
    `node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} threads), ${os.platform()} ${os.arch()}, load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
    `registry: ${router.bodyCount} bodies, ${router.ruleCount} rules, ${district.streets.length} streets; ${DISPUTES} synthetic disputes cycled; seed ${SEED}`,
    `workload: ${((100 * assigned) / DISPUTES).toFixed(1)}% assigned, ${((100 * escalated) / DISPUTES).toFixed(1)}% with escalation, ${matched.toFixed(1)} rules matched and ${candidates.toFixed(1)} candidates explained per decision`,
    `timing: process.hrtime.bigint() around each call, ${WARMUP} warm-up calls each, then ${ITERATIONS} timed calls each`,
    '',
    '| measurement | calls | p50 (µs) | p99 (µs) | mean (µs) | max (µs) |',
    '|---|---:|---:|---:|---:|---:|',
    `| route() on compiled router, full explanation | ${ITERATIONS} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.mean)} | ${fmt(r.max)} |`,
    `| baseline: Map lookup category+street → body id | ${ITERATIONS} | ${fmt(b.p50)} | ${fmt(b.p99)} | ${fmt(b.mean)} | ${fmt(b.max)} |`,
    `| compileRouting() (200 bodies, 100 rules) | ${COMPILES} | ${fmt(c.p50)} | ${fmt(c.p99)} | ${fmt(c.mean)} | ${fmt(c.max)} |`,
    '',
    `p99 target < 1000 µs per decision: ${r.p99 < 1000 ? 'met' : 'NOT met'} (sink ${sink.value})`,
  ];
  console.log(lines.join('\n'));
}

main();
