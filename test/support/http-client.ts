import { appendFileSync } from 'node:fs';
import { responseValidator } from './openapi-validator';

export interface HttpResult<T = any> {
  status: number;
  body: T;
}

/** A tiny JSON client over fetch, as a front end would call the api. */
export class HttpClient {
  token: string | null = null;
  refreshToken: string | null = null;

  constructor(readonly base: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult<T>> {
    const res = await fetch(`${this.base}/api${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* keep text */
    }
    // every response the e2e suite receives is checked against the OpenAPI document
    const problem = (await responseValidator(this.base)).check(
      method,
      `/api${path}`,
      res.status,
      res.headers.get('content-type') ?? '',
      parsed,
    );
    // OPENAPI_MISMATCH_LOG=<file> collects every mismatch of a run instead of failing at the first one
    if (problem && process.env.OPENAPI_MISMATCH_LOG)
      appendFileSync(process.env.OPENAPI_MISMATCH_LOG, problem + '\n');
    else if (problem) throw new Error(problem);
    return { status: res.status, body: parsed };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }

  async signInStaff(username: string, password = 'Tiaojie2026'): Promise<this> {
    const r = await this.post('/auth/staff/sign-in', { username, password });
    if (r.status !== 200)
      throw new Error(`sign-in ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
    this.token = r.body.accessToken;
    this.refreshToken = r.body.refreshToken;
    return this;
  }

  async signInParty(phone: string, readCode: (phone: string) => string | null): Promise<this> {
    const sent = await this.post('/auth/otp', { phone });
    if (sent.status !== 202) throw new Error(`otp failed: ${sent.status} ${JSON.stringify(sent.body)}`);
    const r = await this.post('/auth/party/sign-in', { phone, code: readCode(phone) });
    if (r.status !== 200) throw new Error(`party sign-in failed: ${r.status} ${JSON.stringify(r.body)}`);
    this.token = r.body.accessToken;
    this.refreshToken = r.body.refreshToken;
    return this;
  }
}

/** Fails with the response body, so a wrong status explains itself. */
export function expectStatus(r: HttpResult, status: number): void {
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
}
