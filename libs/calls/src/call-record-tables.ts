import { formatShanghai } from '@tiaojie/business-time';
import type { ReportTable } from '@tiaojie/documents';

const CALL_ROLE_LABELS: Record<string, string> = {
  mediator: '调解员',
  party: '当事人',
  agent: '代理人',
  invited: '受邀人员',
};

/** The call part of a session record, as CallRecordService.view answers it. */
export interface CallRecordView {
  participants: { name: string; role: string; joinedAt: string; leftAt: string | null }[];
  modeSwitches: { at: string; mode: string; with: string | null; by: string }[];
  consents: { at: string; name: string; consent: boolean }[];
  recordings: { startedAt: string; endedAt: string; size: number; sha256: string }[];
}

export const shanghaiOrDash = (iso: string | null) => (iso ? formatShanghai(new Date(iso)) : '—');

/** Participants with join and leave times, mode switches, recording consents and recording files with hashes. */
export function callRecordTables(r: CallRecordView, partyName: (id: string) => string): ReportTable[] {
  const when = shanghaiOrDash;
  return [
    {
      title: '参加人员',
      columns: ['姓名', '身份', '加入时间', '离开时间'],
      rows: r.participants.map((p) => [
        p.name,
        CALL_ROLE_LABELS[p.role] ?? p.role,
        when(p.joinedAt),
        when(p.leftAt),
      ]),
    },
    {
      title: '调解方式切换',
      columns: ['时间', '方式', '背对背一方', '操作人'],
      rows: r.modeSwitches.map((m) => [
        when(m.at),
        m.mode === 'joint' ? '面对面' : '背对背',
        m.with ? partyName(m.with) : '—',
        m.by,
      ]),
    },
    {
      title: '录像同意',
      columns: ['时间', '姓名', '意见'],
      rows: r.consents.map((c) => [when(c.at), c.name, c.consent ? '同意录像' : '撤回同意']),
    },
    {
      title: '录像文件',
      columns: ['开始', '结束', '大小（字节）', 'SHA-256'],
      rows: r.recordings.map((f) => [when(f.startedAt), when(f.endedAt), f.size, f.sha256]),
    },
  ];
}
