import createClient from 'openapi-fetch';
import { networkError, toError, withRefresh } from './api-client';
import type { paths } from './api-schema';

/** Sends one request, turning a failed connection into the Chinese network error the pages show. */
async function send(req: Request, token: string | null): Promise<Response> {
  if (token) req.headers.set('authorization', `Bearer ${token}`);
  try {
    return await fetch(req);
  } catch {
    throw networkError();
  }
}

/**
 * The api typed from its OpenAPI document: paths, parameters and bodies are checked at compile time. Same token
 * handling as api-client (bearer token, one rotation on expiry); each attempt sends a fresh clone of the request,
 * so bodies (JSON or FormData) survive the retry.
 */
export const apiClient = createClient<paths>({
  fetch: (req) =>
    withRefresh(new URL(req.url).pathname.replace(/^\/api/, ''), (token) => send(req.clone(), token)),
});

/** The body of a successful answer; otherwise the ApiError (stable code, Chinese message) api-client throws. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toError({ status: response.status, body: error ?? null });
  return data as T;
}

/**
 * The POST /api/cases/{id}/<action> routes, for the pages that dispatch a case action by name (a lifecycle
 * transition is `transitions/<action>`).
 */
export type CaseActionPath = Exclude<CasePostRoute, `transitions/{action}`> | `transitions/${string}`;
type CasePostRoute = {
  [P in keyof paths]: P extends `/api/cases/{id}/${infer A}`
    ? [NonNullable<paths[P]['post']>] extends [never]
      ? never
      : A
    : never;
}[keyof paths];
