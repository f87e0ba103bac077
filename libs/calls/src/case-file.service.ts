import { Injectable } from '@nestjs/common';
import { AuditService } from '@tiaojie/audit';
import { formatShanghai } from '@tiaojie/business-time';
import { CaseQueryService, CaseSessionService } from '@tiaojie/cases';
import { Clock, DomainError, UserActor } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { DocumentsError, ReportSection, renderReportPdf } from '@tiaojie/documents';
import { callRecordTables, shanghaiOrDash } from './call-record-tables';
import { CallRecordService } from './call-record.service';

/** The relations that make a reader the case's staff: the case file is theirs, not the parties'. */
const STAFF = ['handling_body', 'assigned_mediator', 'district', 'court'];
const PARTY_ROLES: Record<string, string> = { applicant: '申请人', respondent: '被申请人' };
const AGREEMENT_STATUS: Record<string, string> = { signing: '签署中', signed: '已签署' };

/**
 * The case file (卷宗) as one PDF for the case's staff: the case and its parties, what happened when, every session
 * with its record (调解笔录: the mediator's notes; for online sessions the participants with join and leave times,
 * mode switches, recording consents and files with their hashes), and the agreement. Each export is audited.
 */
@Injectable()
export class CaseFileService {
  constructor(
    private readonly db: DbService,
    private readonly queries: CaseQueryService,
    private readonly sessions: CaseSessionService,
    private readonly records: CallRecordService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async pdf(
    actor: UserActor,
    disputeId: string,
  ): Promise<{ data: Buffer; fileName: string; number: string }> {
    const d = await this.queries.detail(actor, disputeId);
    // a body that transferred the case away gets the masked summary without a description: not the case file
    if (!('description' in d) || !STAFF.some((r) => (d.relations as string[]).includes(r)))
      throw DomainError.forbidden('仅本案工作人员可以导出案件卷宗');
    const { sessions } = await this.sessions.list(actor, disputeId);
    const partyName = (id: string) => d.parties.find((p) => p.id === id)?.name ?? '—';
    const ordered = [...sessions].sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
    const sections: ReportSection[] = [];
    for (const [i, s] of ordered.entries()) {
      const how = s.online
        ? `线上${s.mode === 'caucus' ? '背对背' : '面对面'}`
        : `线下 · ${s.place ?? '地点未填'}`;
      const call = s.online ? await this.records.view(s.id, s.record) : null;
      sections.push({
        heading: `第${i + 1}次调解会议（${formatShanghai(s.scheduledAt)} · ${how}）`,
        paragraphs: [
          `参加当事人：${s.participants.map(partyName).join('、') || '全体当事人'}`,
          s.record ? `调解笔录：${s.record}` : '调解笔录：（暂无）',
        ],
        tables: call ? callRecordTables(call, partyName) : [],
      });
    }
    const a = d.agreement;
    if (a)
      sections.push({
        heading: `调解协议（${AGREEMENT_STATUS[a.status] ?? a.status}）`,
        paragraphs: [...a.terms, `协议内容摘要（SHA-256）：${a.contentHash}`],
        tables: [
          {
            title: '签署情况',
            columns: ['当事人', '身份', '签署时间'],
            rows: a.signatures.map((g) => [
              g.name,
              PARTY_ROLES[g.role] ?? g.role,
              shanghaiOrDash(g.signedAt),
            ]),
          },
        ],
      });
    let data: Buffer;
    try {
      data = await renderReportPdf({
        title: `案件卷宗：${d.number}`,
        subtitle: `${d.title} · 导出时间 ${formatShanghai(this.clock.now())}`,
        paragraphs: [
          `纠纷类型：${d.categoryLabel}；当前状态：${d.statusLabel}；登记时间：${shanghaiOrDash(d.createdAt)}。`,
          `纠纷概况：${d.description}`,
          ...(d.address ? [`纠纷地点：${d.address}`] : []),
          ...(d.claimAmount !== null ? [`标的金额：${d.claimAmount} 元`] : []),
        ],
        tables: [
          {
            title: '当事人',
            columns: ['姓名', '身份', '联系电话'],
            rows: d.parties.map((p) => [p.name, PARTY_ROLES[p.role] ?? p.role, p.phone ?? '—']),
          },
          {
            title: '办理经过',
            columns: ['时间', '事项', '状态', '说明'],
            rows: d.timeline.map((t) => [t.atText, t.label, t.statusLabel, t.reason ?? '']),
          },
        ],
        sections,
      });
    } catch (err) {
      if (!(err instanceof DocumentsError)) throw err;
      throw DomainError.validation(`案件卷宗无法生成 PDF（${err.message}）`, { field: 'format' });
    }
    await this.db.transaction((tx) =>
      this.audit.record(tx, actor, {
        action: 'case.file_exported',
        entityType: 'dispute',
        entityId: disputeId,
        data: { sessions: sessions.length, bytes: data.length },
      }),
    );
    return { data, fileName: `案件卷宗-${d.number}.pdf`, number: d.number };
  }
}
