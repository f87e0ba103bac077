import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** Checks responses against the api's own OpenAPI document, so the document cannot drift from the code. */
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface Route {
  template: string;
  method: string;
  regex: RegExp;
  literals: number;
  op: Operation;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const DOC_ID = 'openapi';

/** OpenAPI 3.0 schema → JSON Schema for ajv: `nullable` becomes "or null", refs point into the registered document. */
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string') out[k] = v.replace(/^#\//, `${DOC_ID}#/`);
    else if (k !== 'nullable' && k !== 'example') out[k] = toJsonSchema(v);
  }
  // a field the document does not name is drift too: a response DTO must list every field the service returns
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return node.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

export type OpenApiDocument = { paths: Record<string, Record<string, Operation>>; components?: Json };

export class ResponseValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: Route[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(doc: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ $id: DOC_ID, components: toJsonSchema(doc.components ?? {}) } as object);
    for (const [template, item] of Object.entries(doc.paths)) {
      const parts = template.split('/');
      const pattern = parts
        .map((p) => p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}|\{[^}]+\}/g, '[^/]+'))
        .join('/');
      for (const [method, op] of Object.entries(item)) {
        this.routes.push({
          template,
          method: method.toUpperCase(),
          regex: new RegExp(`^${pattern}$`),
          literals: parts.filter((p) => !p.includes('{')).length,
          op,
        });
      }
    }
    // a static segment wins over a parameter, as in the router
    this.routes.sort((a, b) => b.literals - a.literals);
  }

  /** Null when the response fits the document, else a message naming the operation and the mismatches. */
  check(method: string, url: string, status: number, contentType: string, body: unknown): string | null {
    const path = url.split('?')[0];
    const route = this.routes.find((r) => r.method === method.toUpperCase() && r.regex.test(path));
    const where = `${method} ${path} → ${status}`;
    if (!route) return status < 400 ? `${where}: no operation in the OpenAPI document` : null;
    const documented = route.op.responses?.[String(status)];
    if (!documented) {
      // every error has the one ErrorResponse shape; an undocumented success is drift
      if (status < 400) return `${where}: status not documented for ${route.method} ${route.template}`;
      return this.validate({ $ref: `${DOC_ID}#/components/schemas/ErrorResponse` }, where, body);
    }
    if (!contentType.includes('application/json')) return null;
    const schema = documented.content?.['application/json']?.schema;
    if (!schema)
      return `${where}: JSON body but no JSON schema documented for ${route.method} ${route.template}`;
    return this.validate(toJsonSchema(schema as Json), where, body);
  }

  private validate(schema: Json, where: string, body: unknown): string | null {
    // compiled once per distinct schema (most operations share the error schema)
    const key = JSON.stringify(schema);
    let fn = this.compiled.get(key);
    if (!fn) {
      fn = this.ajv.compile(schema as object);
      this.compiled.set(key, fn);
    }
    if (fn(body)) return null;
    const errors = (fn.errors ?? [])
      .slice(0, 10)
      .map(
        (e) => `${e.instancePath || '(body)'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`,
      );
    return `${where}: response does not match the OpenAPI document:\n  ${errors.join('\n  ')}`;
  }
}

const validators = new Map<string, Promise<ResponseValidator>>();

/** One validator per api base URL (each test app serves the same document; fetched once per process). */
export function responseValidator(base: string): Promise<ResponseValidator> {
  const key = 'doc';
  let v = validators.get(key);
  if (!v) {
    v = fetch(`${base}/api/docs-json`)
      .then((r) => r.json())
      .then((doc) => new ResponseValidator(doc as OpenApiDocument));
    v.catch(() => validators.delete(key));
    validators.set(key, v);
  }
  return v;
}
