import { AUTHZ_TABLE, AuthzRow, RELATIONS, Role, SECRETS, Secret, Target } from '../authorization.table';
import { Principal, ROLE_OF, World } from './world';

/** What the table allows whom, and how a mismatch is reported (authorization.e2e-spec.ts). */
export const DENY_STATUSES = new Set([401, 403, 404]);
export const SOCKET_DENY_CODES = new Set(['NOT_FOUND', 'FORBIDDEN']);

function relationOf(who: Principal, target: Target | null) {
  if (target === null) return 'own';
  return RELATIONS[target][who] ?? 'other';
}

export function allowed(row: AuthzRow, who: Principal): boolean {
  if (row.public) return true;
  if (who === 'anonymous') return false;
  const rels = row.allow[ROLE_OF[who] as Role];
  if (!rels?.includes(relationOf(who, row.target))) return false;
  return !row.only || row.only.includes(who);
}

export const rowLabel = (row: AuthzRow) =>
  `${row.op}${row.target ? ` @${row.target}` : ''} [${row.resource}:${row.action}]`;

export interface Mismatch {
  row: string;
  who: string;
  expected: string;
  got: string;
}

export function report(title: string, list: Mismatch[]): string {
  const byRow = new Map<string, Mismatch[]>();
  for (const m of list) byRow.set(m.row, [...(byRow.get(m.row) ?? []), m]);
  const lines = [`${list.length} ${title} in ${byRow.size} row(s):`];
  for (const [row, ms] of byRow) {
    lines.push(`\n• ${row}`);
    for (const m of ms) lines.push(`    as ${m.who}: expected ${m.expected}, got ${m.got}`);
  }
  return lines.join('\n');
}

const seen = new Map<string, boolean>();
/** May `who` see secret `s` in an answer of `op`? */
function maySee(s: Secret, who: Principal, op: string): boolean {
  const key = `${s.name}|${who}|${op}`;
  if (!seen.has(key)) {
    let ok: boolean;
    if ('principals' in s.seenBy) {
      ok = s.seenBy.principals.includes(who);
    } else {
      const { op: readOp, target } = s.seenBy;
      const row = AUTHZ_TABLE.find((r) => r.op === readOp && r.target === target);
      if (!row) throw new Error(`secret "${s.name}": the table has no row ${readOp} @${target}`);
      ok = allowed(row, who);
    }
    if (!ok && s.alsoVia) ok = s.alsoVia.principals.includes(who) && s.alsoVia.ops.includes(op);
    seen.set(key, ok);
  }
  return seen.get(key)!;
}

/** Secrets in an answer that the caller may not see (a secret the caller sent in the request is no leak: 404s echo the id asked for). */
export function leaksFor(w: World, text: string, who: Principal, op: string, request = ''): string[] {
  return SECRETS.filter(
    (s) => text.includes(s.value(w)) && !request.includes(s.value(w)) && !maySee(s, who, op),
  ).map((s) => s.name);
}
