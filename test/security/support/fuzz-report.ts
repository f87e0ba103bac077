/** What the fuzz suite found wrong with one answer, and how a run's problems are reported (fuzz.e2e-spec.ts). */
import { ErrorCode } from '@tiaojie/core';
import { BodySpec } from './fuzz-bodies';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

export interface Problem {
  where: string;
  who: string;
  what: string;
  request: string;
  status?: number;
  body?: string;
}

export function describeRequest(req: {
  method: string;
  path: string;
  body?: BodySpec;
  auth?: string;
}): string {
  const body = req.body?.data;
  const shown =
    body === null || body === undefined
      ? ''
      : body instanceof FormData
        ? ' <multipart>'
        : typeof body === 'string'
          ? ` ${req.body!.contentType ?? '-'} ${body.length > 300 ? `${JSON.stringify(body.slice(0, 300))}…(${body.length} chars)` : JSON.stringify(body)}`
          : ` <${(body as Buffer).length} bytes>`;
  return `${req.method} ${req.path.length > 300 ? `${req.path.slice(0, 300)}…` : req.path} [${req.body?.kind ?? 'socket'}${req.auth && req.auth !== 'own' ? `, auth ${req.auth}` : ''}]${shown}`;
}

/**
 * What is wrong with a socket ack: a shape that is neither `{ok: true, data}` nor `{ok: false, error: {code, message}}`,
 * an unknown or internal error code, a refusal without a message, or a refusal that changed the database (`changed`).
 */
export function socketAnswerProblems(res: any, changed: string[]): string[] {
  const out: string[] = [];
  const ok = res?.ok === true && 'data' in res;
  const refused = res?.ok === false && typeof res?.error?.code === 'string';
  if (!ok && !refused) out.push(`answer of unknown shape: ${JSON.stringify(res).slice(0, 200)}`);
  if (refused) {
    if (!KNOWN_CODES.has(res.error.code)) out.push(`unknown error code ${res.error.code}`);
    if (res.error.code === 'INTERNAL') out.push(`internal error: ${res.error.message}`);
    if (typeof res.error.message !== 'string' || !res.error.message) out.push('refusal without a message');
    if (changed.length)
      out.push(`refused (${res.error.code}) but the database changed: ${changed.join('; ')}`);
  }
  return out;
}

export function report(list: Problem[], header: string): string {
  const groups = new Map<string, Problem[]>();
  for (const p of list) {
    const key = p.what
      .replace(/\d+ → \d+/g, 'n → m')
      .replace(/[0-9a-f-]{36}/g, '<id>')
      .slice(0, 160);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const lines = [`${list.length} problem(s) in ${groups.size} kind(s) (${header}):`];
  for (const [key, ps] of groups) {
    const where = [...new Set(ps.map((p) => p.where))];
    lines.push(
      `\n• ${key} ×${ps.length} on ${where.length} operation(s): ${where.slice(0, 12).join(', ')}${where.length > 12 ? ', …' : ''}`,
    );
    for (const ex of ps.filter((p, i) => ps.findIndex((q) => q.where === p.where) === i).slice(0, 3)) {
      lines.push(`    e.g. as ${ex.who}: ${ex.request}\n      → ${ex.status ?? '-'} ${ex.body ?? ''}`);
    }
  }
  return lines.join('\n');
}
