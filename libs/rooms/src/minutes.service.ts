import { Injectable } from '@nestjs/common';
import { AuditService } from '@tiaojie/audit';
import { Actor, Clock, DomainError, RealtimePublisher, ROLE_LABELS, Role, channels } from '@tiaojie/core';
import { formatShanghai } from '@tiaojie/business-time';
import { DbService } from '@tiaojie/db';
import { DocumentsError, renderReportPdf, toCsv } from '@tiaojie/documents';
import { LinkageRoomService } from './linkage-room.service';
import { MessageService, MessageView, checkClientMsgId, checkText } from './message.service';

export const MINUTES_FORMATS = ['md', 'csv', 'pdf'] as const;
export type MinutesFormat = (typeof MINUTES_FORMATS)[number];
export const MAX_MINUTES_LENGTH = 20000;

export interface MinutesFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

/** Markdown that shows the text exactly as written: HTML is escaped, never interpreted. */
function mdText(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]#|])/g, '\\$1');
}

const when = (iso: string) => formatShanghai(new Date(iso));

/**
 * Minutes of a linkage room: entries recorded by hosts as messages of kind 'minutes' (so they have a seq,
 * appear in the timeline, replay and history), exported by any member as Markdown, CSV or PDF.
 */
@Injectable()
export class MinutesService {
  constructor(
    private readonly db: DbService,
    private readonly linkage: LinkageRoomService,
    private readonly messages: MessageService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly publisher: RealtimePublisher,
  ) {}

  async record(
    actor: Actor,
    roomId: string,
    input: { clientMsgId: string; body: string },
  ): Promise<{ message: MessageView; duplicate: boolean }> {
    const { room } = await this.linkage.requireHost(actor, roomId);
    const body = checkText(input.body, MAX_MINUTES_LENGTH);
    const clientMsgId = checkClientMsgId(input.clientMsgId);
    const existing = await this.messages.byClientId(room.id, actor.id!, clientMsgId);
    if (existing) return { message: existing, duplicate: true };
    const r = await this.db.transaction(async (tx) => {
      await this.audit.record(tx, actor, {
        action: 'room.minutes_record',
        entityType: 'room',
        entityId: room.id,
        data: { clientMsgId, length: body.length },
      });
      return this.messages.appendInTx(tx, actor, room.id, { clientMsgId, body, kind: 'minutes' });
    });
    const [view] = await this.messages.views([r.message]);
    if (r.inserted)
      this.publisher.publish([{ channel: channels.room(room.id), event: 'message:new', payload: view }]);
    return { message: view, duplicate: !r.inserted };
  }

  async list(actor: Actor, roomId: string): Promise<MessageView[]> {
    const { room } = await this.linkage.requireMember(actor, roomId);
    return this.messages.ofKind(room.id, 'minutes');
  }

  async export(actor: Actor, roomId: string, format: string): Promise<MinutesFile> {
    if (!(MINUTES_FORMATS as readonly string[]).includes(format))
      throw DomainError.validation(`导出格式应为 ${MINUTES_FORMATS.join('、')}`, {
        field: 'format',
      });
    const detail = await this.linkage.detail(actor, roomId);
    const entries = await this.messages.ofKind(detail.id, 'minutes');
    const members = await this.linkage.memberViews(detail.id, true);
    const now = this.clock.now();
    const about = detail.dispute
      ? `关联行政争议：${detail.dispute.number} ${detail.dispute.title}`
      : `议题：${detail.topic ?? ''}`;
    const memberRows = members.map((m) => [
      m.name,
      m.orgName ?? '',
      ROLE_LABELS[m.userRole as Role] ?? m.userRole,
      m.role === 'host' ? '主持人' : '成员',
      m.removedAt ? `已于 ${when(m.removedAt)} 移出` : '在会',
    ]);
    const entryRows = entries.map((e, i) => [i + 1, when(e.createdAt), e.senderName, e.body]);
    const stamp = now.toISOString().slice(0, 10);
    const base = `会议纪要-${detail.id.slice(0, 8)}-${stamp}`;
    let file: MinutesFile;
    if (format === 'csv') {
      file = {
        fileName: `${base}.csv`,
        contentType: 'text/csv; charset=utf-8',
        data: toCsv(['序号', '时间', '记录人', '纪要内容'], entryRows),
      };
    } else if (format === 'md') {
      const lines = [
        `# 府院联动会议纪要：${mdText(detail.title)}`,
        '',
        `- ${mdText(about)}`,
        `- 会议室创建：${when(detail.createdAt)}`,
        `- 导出时间：${formatShanghai(now)}（导出人：${mdText(actor.name)}）`,
        '',
        '## 参会成员',
        '',
        '| 姓名 | 单位 | 身份 | 角色 | 状态 |',
        '|---|---|---|---|---|',
        ...memberRows.map((r) => `| ${r.map((c) => mdText(String(c))).join(' | ')} |`),
        '',
        '## 纪要',
        '',
        ...(entries.length === 0
          ? ['（暂无纪要）']
          : entries.flatMap((e, i) => [
              `### ${i + 1}. ${when(e.createdAt)} · 记录人：${mdText(e.senderName)}`,
              '',
              ...e.body
                .split(/\r?\n/)
                .map(mdText)
                .map((l) => `${l}  `),
              '',
            ])),
      ];
      file = {
        fileName: `${base}.md`,
        contentType: 'text/markdown; charset=utf-8',
        data: Buffer.from(`${lines.join('\n')}\n`, 'utf8'),
      };
    } else {
      try {
        const data = await renderReportPdf({
          title: `府院联动会议纪要：${detail.title}`,
          subtitle: about,
          paragraphs: [`会议室创建：${when(detail.createdAt)}；导出时间：${formatShanghai(now)}`],
          tables: [
            { title: '参会成员', columns: ['姓名', '单位', '身份', '角色', '状态'], rows: memberRows },
            { title: '纪要', columns: ['序号', '时间', '记录人', '纪要内容'], rows: entryRows },
          ],
        });
        file = { fileName: `${base}.pdf`, contentType: 'application/pdf', data };
      } catch (err) {
        if (!(err instanceof DocumentsError)) throw err;
        throw DomainError.validation(`纪要无法生成 PDF（${err.message}），请导出 Markdown 或 CSV`, {
          field: 'format',
        });
      }
    }
    await this.db.transaction((tx) =>
      this.audit.record(tx, actor, {
        action: 'room.minutes_export',
        entityType: 'room',
        entityId: detail.id,
        data: { format, entries: entries.length },
      }),
    );
    return file;
  }
}
