import { Injectable } from '@nestjs/common';
import * as fs from 'node:fs';
import { Readable } from 'node:stream';
import { AuditService } from '@tiaojie/audit';
import { formatShanghai } from '@tiaojie/business-time';
import { DomainError, UserActor } from '@tiaojie/core';
import { DocumentsError, renderReportPdf } from '@tiaojie/documents';
import { DbService } from '@tiaojie/db';
import { CallAdmissionService } from './call-admission.service';
import { CallEventRepository } from './call-event.repository';
import { callRecordTables } from './call-record-tables';
import { CallRecordingService } from './call-recording.service';

/** Kept apart from the Chinese name: a file extension, not a word people read. */
const WEBM_EXT = '.webm';
const STAFF = ['handling_body', 'assigned_mediator', 'district', 'court'] as const;

/** The call part of a session record (调解笔录): who was there when, mode switches, recordings; and their download. */
@Injectable()
export class CallRecordService {
  constructor(
    private readonly db: DbService,
    private readonly events: CallEventRepository,
    private readonly admission: CallAdmissionService,
    private readonly recorder: CallRecordingService,
    private readonly audit: AuditService,
  ) {}

  async record(actor: UserActor, disputeId: string, sessionId: string) {
    const { session, ctx } = await this.admission.load(actor, sessionId, disputeId);
    // as GET /cases/{id}/sessions: the notes of a back-to-back session are for staff only
    const staff = ctx.relations.has('handling_body') || ctx.relations.has('district');
    return this.view(sessionId, staff || session.mode === 'joint' ? session.record : null);
  }

  /** The record as a PDF (调解笔录), for the case file; the export is audited. */
  async pdf(actor: UserActor, disputeId: string, sessionId: string) {
    const { session, ctx } = await this.admission.load(actor, sessionId, disputeId);
    const r = await this.record(actor, disputeId, sessionId);
    const partyName = (id: string) => ctx.parties.find((p) => p.id === id)?.name ?? '—';
    let data: Buffer;
    try {
      data = await renderReportPdf({
        title: `调解笔录（视频调解）：${ctx.dispute.number}`,
        subtitle: `调解时间：${formatShanghai(session.scheduledAt)}`,
        paragraphs: [r.notes ? `调解员笔录：${r.notes}` : '调解员笔录：（暂无）'],
        tables: callRecordTables(r, partyName),
      });
    } catch (err) {
      if (!(err instanceof DocumentsError)) throw err;
      throw DomainError.validation(`笔录无法生成 PDF（${err.message}）`, { field: 'format' });
    }
    await this.db.transaction((tx) =>
      this.audit.record(tx, actor, {
        action: 'call.record_exported',
        entityType: 'mediation_session',
        entityId: sessionId,
        data: { disputeId },
      }),
    );
    return { data, fileName: `调解笔录-${ctx.dispute.number}.pdf` };
  }

  /** The record of one session, for anyone already allowed to read the case (the case-file export too). */
  async view(sessionId: string, notes: string | null) {
    const rows = await this.events.ofSession(this.db.db, sessionId);
    const participants: {
      peerId: string;
      userId: string;
      name: string;
      role: string;
      joinedAt: string;
      leftAt: string | null;
    }[] = [];
    const modeSwitches = [];
    const recordings = [];
    const consents = [];
    for (const { event: e, name } of rows) {
      const at = e.at.toISOString();
      if (e.kind === 'join')
        participants.push({
          peerId: String(e.data.peerId),
          userId: e.userId,
          name,
          role: String(e.data.role),
          joinedAt: at,
          leftAt: null,
        });
      else if (e.kind === 'leave') {
        const p = participants.find((x) => x.peerId === e.data.peerId && !x.leftAt);
        if (p) p.leftAt = at;
      } else if (e.kind === 'mode')
        modeSwitches.push({
          at,
          mode: String(e.data.mode),
          with: (e.data.with as string | null) ?? null,
          by: name,
        });
      else if (e.kind === 'consent')
        consents.push({ at, userId: e.userId, name, consent: e.data.consent === true });
      else if (e.kind === 'recording')
        recordings.push({
          recordingId: String(e.data.recordingId),
          sha256: String(e.data.sha256),
          size: Number(e.data.size),
          startedAt: String(e.data.startedAt),
          endedAt: String(e.data.endedAt),
          recordedBy: name,
        });
    }
    return { sessionId, notes, participants, modeSwitches, consents, recordings };
  }

  /** The case's staff and parties only; every download is audited. */
  async download(actor: UserActor, disputeId: string, sessionId: string, recordingId: string) {
    const { ctx } = await this.admission.load(actor, sessionId, disputeId);
    if (!ctx.relations.has('party') && !STAFF.some((r) => ctx.relations.has(r)))
      throw DomainError.forbidden('仅本案工作人员和当事人可以下载调解录像');
    const row = await this.events.recording(this.db.db, sessionId, recordingId);
    if (!row) throw DomainError.notFound('recording', recordingId);
    const file = this.recorder.fileOf(String(row.data.storageKey));
    let stream: Readable;
    try {
      await fs.promises.access(file, fs.constants.R_OK);
      stream = fs.createReadStream(file);
    } catch {
      throw DomainError.notFound('recording', recordingId);
    }
    await this.db.transaction((tx) =>
      this.audit.record(tx, actor, {
        action: 'call.recording_downloaded',
        entityType: 'mediation_session',
        entityId: sessionId,
        data: { disputeId, recordingId, sha256: row.data.sha256 },
      }),
    );
    return {
      stream,
      size: Number(row.data.size),
      fileName: `调解录像-${recordingId.slice(0, 8)}` + WEBM_EXT,
    };
  }
}
