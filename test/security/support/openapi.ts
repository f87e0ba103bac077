/** The api's own OpenAPI document (GET /api/docs-json), read from a running app: what the fuzzer and the authorisation coverage check walk. */

export type JsonSchema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  [k: string]: unknown;
};

export interface OpenApiDoc {
  paths: Record<string, Record<string, any>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface OperationParam {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** e.g. `GET /api/cases/{id}`: the key the authorisation table uses. */
  key: string;
  method: string;
  path: string;
  operationId: string;
  params: OperationParam[];
  /** Request body media types and their (resolved) schema, when the document declares one. */
  body: { contentTypes: string[]; schema: JsonSchema | null } | null;
  /** Declares bearer auth (the AuthGuard protects every route not marked @Public whatever the document says). */
  bearer: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export async function fetchOpenApi(baseUrl: string): Promise<OpenApiDoc> {
  const res = await fetch(`${baseUrl}/api/docs-json`);
  if (res.status !== 200) throw new Error(`GET /api/docs-json answered ${res.status}`);
  return (await res.json()) as OpenApiDoc;
}

export function resolveSchema(doc: OpenApiDoc, schema: JsonSchema | undefined, depth = 0): JsonSchema | null {
  if (!schema) return null;
  if (depth > 20) return { type: 'object' };
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolveSchema(doc, doc.components?.schemas?.[name], depth + 1);
  }
  if (schema.allOf?.length) {
    const parts = schema.allOf.map((s) => resolveSchema(doc, s, depth + 1) ?? {});
    return {
      type: 'object',
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
      required: parts.flatMap((p) => p.required ?? []),
    };
  }
  return schema;
}

export function operations(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params: OperationParam[] = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(
        (p: any) => ({
          name: p.name,
          in: p.in,
          required: !!p.required,
          schema: resolveSchema(doc, p.schema) ?? { type: 'string' },
        }),
      );
      const content = op.requestBody?.content as Record<string, { schema?: JsonSchema }> | undefined;
      const body = content
        ? {
            contentTypes: Object.keys(content),
            schema: resolveSchema(doc, Object.values(content)[0]?.schema),
          }
        : null;
      ops.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        operationId: op.operationId ?? `${method} ${path}`,
        params,
        body,
        bearer: Array.isArray(op.security) && op.security.some((s: Record<string, unknown>) => 'bearer' in s),
      });
    }
  }
  return ops;
}

/** Fills `{name}` placeholders; values are URI-encoded unless `raw`. */
export function fillPath(path: string, values: Record<string, string>, raw = false): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    raw ? values[name] : encodeURIComponent(values[name] ?? ''),
  );
}
