import { signWebhook } from '@tiaojie/intake';
import { io, Socket } from 'socket.io-client';
import { Proc, WEBHOOK_SECRET, sleep, until } from './cluster';

export interface Answer {
  status: number;
  body: any;
}

/** JSON over fetch with a timeout; a network failure (refused, reset, timed out) throws. */
export async function call(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Answer> {
  const raw = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: {
      ...(raw !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    body: raw,
    signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* keep text */
  }
  return { status: res.status, body };
}

export async function staffToken(base: string, username: string): Promise<string> {
  const r = await call(base, 'POST', '/auth/staff/sign-in', { body: { username, password: 'Tiaojie2026' } });
  if (r.status !== 200) throw new Error(`sign-in ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.accessToken;
}

/** Party sign-in; the one-time code is read from the process log (development SMS adapter). */
export async function partyToken(api: Proc, phone: string): Promise<string> {
  const before = api.lastCode(phone);
  const sent = await call(api.url, 'POST', '/auth/otp', { body: { phone } });
  if (sent.status !== 202) throw new Error(`otp ${phone}: ${sent.status} ${JSON.stringify(sent.body)}`);
  const code = await until(
    `the code for ${phone} in ${api.name}'s log`,
    async () => {
      const c = api.lastCode(phone);
      return c && c !== before ? c : null;
    },
    10_000,
    20,
  );
  const r = await call(api.url, 'POST', '/auth/party/sign-in', { body: { phone, code } });
  if (r.status !== 200) throw new Error(`party sign-in ${phone}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.accessToken;
}

let phoneSeq = 0;
export function uniquePhone(prefix = '1376'): string {
  phoneSeq += 1;
  return `${prefix}${String(process.pid % 1000).padStart(3, '0')}${String(phoneSeq).padStart(4, '0')}`;
}

export function application(respondentPhone = uniquePhone('1391')) {
  return {
    category: 'neighbour',
    description: '楼上漏水导致天花板受损，协商未果。',
    streetCode: 'JS',
    applicant: { name: '故障测试申请人' },
    respondents: [{ name: '被申请人', phone: respondentPhone }],
  };
}

/** A case in mediation: applied by the party, accepted by js_admin, js_mediator assigned and started. */
export async function mediatingCase(
  base: string,
  party: string,
  admin: string,
  mediator: string,
): Promise<{ caseId: string; rooms: Record<string, string> }> {
  const applied = await call(base, 'POST', '/cases', { token: party, body: application() });
  if (applied.status !== 201) throw new Error(`apply: ${applied.status} ${JSON.stringify(applied.body)}`);
  const id = applied.body.id as string;
  const v = async () => (await call(base, 'GET', `/cases/${id}`, { token: admin })).body.version;
  const me = (await call(base, 'GET', '/auth/me', { token: mediator })).body.id;
  for (const [path, token, extra] of [
    ['accept', admin, {}],
    ['assign', admin, { mediatorId: me }],
    ['transitions/start_mediation', mediator, {}],
  ] as const) {
    const r = await call(base, 'POST', `/cases/${id}/${path}`, {
      token,
      body: { version: await v(), ...extra },
    });
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const detail = (await call(base, 'GET', `/cases/${id}`, { token: mediator })).body;
  return {
    caseId: id,
    rooms: Object.fromEntries(
      detail.rooms.filter((r: any) => r.kind !== 'caucus').map((r: any) => [r.kind, r.id]),
    ),
  };
}

export function connectSocket(base: string, token: string): Promise<Socket> {
  const s = io(base, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      s.disconnect();
      reject(new Error('socket connect timed out'));
    }, 10_000);
    s.once('connect', () => {
      clearTimeout(timer);
      resolve(s);
    });
    s.once('connect_error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** A signed 12345 work-order delivery for the webhook endpoint (the same order always has the same body). */
export function signedOrder(orderNo: string): { body: unknown; headers: Record<string, string> } {
  const body = {
    工单编号: orderNo,
    工单来源: '省市网',
    受理时间: '2024-06-03 09:10:00',
    诉求类型: '投诉',
    诉求人: '韩梅',
    联系电话: `139${orderNo.replace(/\D/g, '').slice(-8).padStart(8, '0')}`,
    事发地址: '东湖街道东湖社区崇川路49号',
    所属街道: '东湖街道',
    诉求内容: '楼上装修噪声，物业不处理，要求调解。',
    问题分类: '矛盾纠纷-物业纠纷',
    承办单位: '东湖街道办事处',
    '办理时限(工作日)': '5',
    签收时间: '2024-06-03 10:00:00',
    回复时间: '2024-06-05 16:00:00',
    办结时间: '2024-06-07 10:00:00',
    办理状态: '已办结',
    回访满意度: '满意',
  };
  const ts = String(Math.floor(Date.now() / 1000));
  return {
    body,
    headers: {
      'x-tiaojie-timestamp': ts,
      'x-tiaojie-signature': signWebhook(WEBHOOK_SECRET, ts, JSON.stringify(body)),
      'idempotency-key': `order-${orderNo}`,
    },
  };
}

export { sleep };
