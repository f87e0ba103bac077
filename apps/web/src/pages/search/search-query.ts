import { navigate } from '../../lib/router';

/** The search page's state lives in its hash (#/search?q=…&status=…), so a result list can be linked and reloaded. */
export interface SearchParams {
  q: string;
  status?: string;
  category?: string;
  channel?: string;
  from?: string;
  to?: string;
}

export function readSearchParams(): SearchParams {
  const query = window.location.hash.split('?')[1] ?? '';
  const p = new URLSearchParams(query);
  const get = (k: string) => p.get(k) || undefined;
  return {
    q: p.get('q') ?? '',
    status: get('status'),
    category: get('category'),
    channel: get('channel'),
    from: get('from'),
    to: get('to'),
  };
}

export function openSearch(params: SearchParams): void {
  const entries = Object.entries(params).filter(([, v]) => typeof v === 'string' && v.trim() !== '');
  navigate(`search?${new URLSearchParams(entries as [string, string][]).toString()}`);
}

/** Statuses a search can be narrowed to (the labels of the case lifecycle). */
export const STATUS_FILTERS: [string, string][] = [
  ['received', '已受理'],
  ['routed', '已分派'],
  ['district_queue', '待区级统筹'],
  ['accepted', '已签收'],
  ['in_mediation', '调解中'],
  ['agreement_pending', '协议待签署'],
  ['agreement', '达成协议'],
  ['no_agreement', '调解不成'],
  ['confirmation_requested', '司法确认申请中'],
  ['confirmed', '已司法确认'],
  ['performing', '履行中'],
  ['closed', '已结案'],
];

export const MATCHED_LABELS: Record<string, string> = {
  number: '案件编号',
  partyName: '当事人',
  phone: '电话',
  idNumber: '身份证号',
  text: '案情',
  intakeId: '来源编号',
  courtCaseNumber: '法院案号',
};

/** The words of a query that can be marked in a title or snippet (identifiers and numbers match whole only). */
export function highlightWords(q: string): string[] {
  return q
    .split(/\s+/)
    .map((w) => w.trim())
    .filter((w) => w.length > 0 && !/^1[3-9]\d{9}$/.test(w) && !/^\d{17}[\dXx]$/.test(w))
    .sort((a, b) => b.length - a.length);
}
