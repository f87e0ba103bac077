import { signWebhook } from '@tiaojie/intake';

export const GRID_SECRET = 'grid-secret-for-e2e-tests-0123456789';
export const ORDER_SECRET = '12345-secret-for-e2e-tests-0123456789';

/** One 12345 work order as the hotline system posts it. */
export const ORDER_ROW = {
  工单编号: 'SW2099000001',
  工单来源: '省市网',
  受理时间: '2024-06-03 09:10:00',
  诉求类型: '投诉',
  诉求人: '韩梅',
  联系电话: '13912345678',
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

/** Enables the grid and 12345 webhooks with known secrets and disables the court's; the result restores them. */
export function setWebhookSecrets(): () => void {
  const saved = {
    grid: process.env.WEBHOOK_SECRET_GRID,
    order: process.env.WEBHOOK_SECRET_12345,
    court: process.env.WEBHOOK_SECRET_COURT,
  };
  process.env.WEBHOOK_SECRET_GRID = GRID_SECRET;
  process.env.WEBHOOK_SECRET_12345 = ORDER_SECRET;
  delete process.env.WEBHOOK_SECRET_COURT;
  return () => {
    for (const [k, v] of [
      ['WEBHOOK_SECRET_GRID', saved.grid],
      ['WEBHOOK_SECRET_12345', saved.order],
      ['WEBHOOK_SECRET_COURT', saved.court],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

export interface DeliveryOptions {
  secret?: string;
  key?: string;
  at?: number;
  signature?: string;
}

/** Posts one webhook delivery, signed with the 12345 secret unless told otherwise. */
export function deliverWebhook(baseUrl: string, source: string, body: unknown, opts: DeliveryOptions = {}) {
  const raw = JSON.stringify(body);
  const ts = String(opts.at ?? Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-tiaojie-timestamp': ts };
  headers['x-tiaojie-signature'] = opts.signature ?? signWebhook(opts.secret ?? ORDER_SECRET, ts, raw);
  if (opts.key !== undefined) headers['idempotency-key'] = opts.key;
  return fetch(`${baseUrl}/api/webhooks/${source}`, { method: 'POST', body: raw, headers }).then(
    async (r) => ({ status: r.status, body: (await r.json()) as any }),
  );
}
