import { getSession, secondsLeft, setSession } from './auth-store';
import type { Schemas } from './api-types';
import { parse as parseContentDisposition } from 'content-disposition';

type TokenPair = Schemas['TokenPair'];

/** An error from the api (`{error:{code,message,details}}`) or the network. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The request never reached the api (offline, DNS, connection refused). */
export function networkError(): ApiError {
  return new ApiError('NETWORK', '网络连接失败，请检查网络后重试', 0);
}

export interface RawResult {
  status: number;
  body: unknown;
}

type Body = unknown;

async function send(method: string, path: string, body: Body, token: string | null): Promise<Response> {
  const form = typeof FormData !== 'undefined' && body instanceof FormData;
  try {
    return await fetch(`/api${path}`, {
      method,
      headers: {
        ...(body !== undefined && !form ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }
}

async function parse(res: Response): Promise<RawResult> {
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed };
}

async function rawFetch(method: string, path: string, body: Body, token: string | null): Promise<RawResult> {
  return parse(await send(method, path, body, token));
}

/** The ApiError for an answer: the api's Chinese message and stable code, or a generic Chinese one. */
export function toError(r: RawResult): ApiError {
  const e = (
    r.body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null
  )?.error;
  return new ApiError(
    e?.code ?? `HTTP_${r.status}`,
    e?.message ?? `请求失败（错误 ${r.status}）`,
    r.status,
    e?.details,
  );
}

let refreshing: Promise<string | null> | null = null;

async function doRefresh(failedToken: string | null): Promise<string | null> {
  const s = getSession();
  if (!s) return null;
  // another tab (or call) may already have rotated the pair
  if (s.accessToken !== failedToken && (secondsLeft(s.accessToken) ?? 0) > 30) return s.accessToken;
  const r = await rawFetch('POST', '/auth/refresh', { refreshToken: s.refreshToken }, null);
  if (r.status !== 200) {
    if (r.status === 401) setSession(null);
    throw toError(r);
  }
  setSession(r.body as TokenPair);
  return (r.body as TokenPair).accessToken;
}

/** Rotates the token pair once, even when many requests (or tabs) hit an expired token together. */
export function refreshSession(failedToken: string | null): Promise<string | null> {
  if (!refreshing) {
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    const run = (): Promise<string | null> => doRefresh(failedToken);
    const started: Promise<string | null> = locks ? locks.request('tj-refresh', run).then((r) => r) : run();
    refreshing = started.finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

/** A valid access token, refreshed first when it is about to expire (used by the socket handshake). */
export async function freshToken(): Promise<string | null> {
  const s = getSession();
  if (!s) return null;
  const left = secondsLeft(s.accessToken);
  if (left !== null && left < 30) return refreshSession(s.accessToken).catch(() => null);
  return s.accessToken;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Sends with the current access token; an expired one is rotated once and the request repeated with the new one.
 * `path` is the api path without `/api` (the auth routes themselves are never retried).
 */
export async function withRefresh(
  path: string,
  attempt: (token: string | null) => Promise<Response>,
): Promise<Response> {
  const token = getSession()?.accessToken ?? null;
  let res = await attempt(token);
  if (res.status === 401 && token && !path.startsWith('/auth/')) {
    const r = await parse(res.clone());
    const code = (r.body as { error?: { code?: string } } | null)?.error?.code;
    if (code === 'TOKEN_EXPIRED' || code === 'UNAUTHENTICATED') {
      const next = await refreshSession(token);
      if (!next) throw toError(r);
      res = await attempt(next);
    }
  }
  return res;
}

/** The response of an authenticated request. */
function authed(method: Method, path: string, body?: Body): Promise<Response> {
  return withRefresh(path, (token) => send(method, path, body, token));
}

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const r = await parse(await authed(method, path, body));
  if (r.status >= 400) throw toError(r);
  return r.body as T;
}

export const apiGet = <T>(path: string) => api<T>('GET', path);
export const apiPost = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const apiPut = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const apiPatch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const apiDelete = <T>(path: string) => api<T>('DELETE', path);
/** multipart/form-data (the browser sets the boundary). */
export const apiUpload = <T>(path: string, form: FormData) => api<T>('POST', path, form);

/** A file or text the api answers with (reports, error lists, agreements), fetched with the bearer token. */
export async function apiBlob(path: string): Promise<{ blob: Blob; fileName: string | null }> {
  const res = await authed('GET', path);
  if (res.status >= 400) throw toError(await parse(res));
  return { blob: await res.blob(), fileName: fileNameOf(res.headers.get('content-disposition')) };
}

/** The file name a Content-Disposition header gives (its UTF-8 `filename*` when there is one). */
function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  try {
    return parseContentDisposition(header).parameters.filename ?? null;
  } catch {
    return null;
  }
}

/** Saves what the api answers as a file (a temporary object URL behind a download link). */
export async function apiDownload(path: string, fallbackName: string): Promise<void> {
  const { blob, fileName } = await apiBlob(path);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName ?? fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function signOut(): Promise<void> {
  const s = getSession();
  setSession(null);
  sessionStorage.clear();
  if (s)
    await rawFetch('POST', '/auth/sign-out', { refreshToken: s.refreshToken }, null).catch(() => undefined);
}

export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return '操作失败，请稍后重试';
}
