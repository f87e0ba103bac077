import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ErrorCode } from '@tiaojie/core';
import { CALL_JOIN_RESULT_FIELDS, CLIENT_EVENTS, SERVER_EVENTS, SOCKET_EVENT_FIELDS } from '@tiaojie/core';

const DOC = path.resolve(__dirname, '../../../../docs/asyncapi.yaml');

/** Follows a local `$ref` ('#/a/b/c') inside the document. */
function deref(doc: any, node: any): any {
  let n = node;
  while (n && typeof n.$ref === 'string') {
    expect(n.$ref.startsWith('#/')).toBe(true);
    n = n.$ref
      .slice(2)
      .split('/')
      .reduce((o: any, k: string) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
    expect(n).toBeDefined();
  }
  return n;
}

describe('docs/asyncapi.yaml', () => {
  const doc = parse(fs.readFileSync(DOC, 'utf8'));
  const ops = Object.values(doc.operations) as any[];
  const names = (action: string) =>
    ops
      .filter((o) => o.action === action)
      .flatMap((o) => o.messages.map((m: any) => deref(doc, m).name as string));

  it('is an AsyncAPI 3 document', () => {
    expect(doc.asyncapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBeTruthy();
  });

  it('lists exactly the client → server events of the typed event map, each with an ack', () => {
    expect(names('receive').sort()).toEqual([...CLIENT_EVENTS].sort());
    for (const o of ops.filter((x) => x.action === 'receive')) {
      expect(o.reply?.messages?.length).toBe(1);
      const ack = deref(doc, o.reply.messages[0]);
      expect(ack.payload.oneOf.some((p: any) => deref(doc, p).properties?.ok?.const === false)).toBe(true);
    }
  });

  it('lists exactly the server → client events of the typed event map', () => {
    expect(names('send').sort()).toEqual([...SERVER_EVENTS].sort());
  });

  /** The required fields of each event's payload, by event name (allOf parts merged). */
  const required = (action: string): Record<string, string[]> => {
    const fieldsOf = (schema: any): string[] => {
      const s = deref(doc, schema);
      if (s.allOf) return s.allOf.flatMap(fieldsOf);
      return s.required ?? [];
    };
    const out: Record<string, string[]> = {};
    for (const o of ops.filter((x) => x.action === action))
      for (const m of o.messages) {
        const msg = deref(doc, m);
        out[msg.name] = [...fieldsOf(msg.payload)].sort();
      }
    return out;
  };
  const sorted = (fields: Record<string, readonly string[]>) =>
    Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [...v].sort()]));

  it('requires exactly the payload fields the typed event map requires, event by event', () => {
    expect(required('receive')).toEqual(sorted(SOCKET_EVENT_FIELDS.client));
    expect(required('send')).toEqual(sorted(SOCKET_EVENT_FIELDS.server));
  });

  it("requires exactly the call:join ack's fields of the typed result", () => {
    expect([...doc.components.schemas.CallJoinResult.required].sort()).toEqual(
      [...CALL_JOIN_RESULT_FIELDS].sort(),
    );
  });

  it('resolves every reference and names only real error codes', () => {
    const visit = (n: any): void => {
      if (Array.isArray(n)) n.forEach(visit);
      else if (n && typeof n === 'object') {
        if (typeof n.$ref === 'string') deref(doc, n);
        Object.values(n).forEach(visit);
      }
    };
    visit(doc);
    expect([...doc.components.schemas.ErrorCode.enum].sort()).toEqual(Object.values(ErrorCode).sort());
    for (const o of ops)
      for (const code of o['x-errors'] ?? []) expect(Object.values(ErrorCode)).toContain(code);
    for (const o of ops)
      for (const m of o.messages) expect(m.$ref.startsWith('#/channels/socket/messages/')).toBe(true);
  });
});
