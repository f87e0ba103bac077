import { ApiProperty } from '@nestjs/swagger';

/** Response bodies, exactly as the services return them (checked against every e2e response). */

export class InboxNotification {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  kind: string;
  @ApiProperty({ type: String })
  title: string;
  @ApiProperty({ type: String })
  body: string;
  @ApiProperty({ type: String, nullable: true })
  disputeId: string | null;
  @ApiProperty({ type: String, nullable: true, description: '视频调解邀请所属的调解会议' })
  sessionId: string | null;
  @ApiProperty({ type: Boolean })
  read: boolean;
  @ApiProperty({ type: String })
  createdAt: string;
}

export class Inbox {
  @ApiProperty({ type: () => [InboxNotification] })
  items: InboxNotification[];
  @ApiProperty({ type: Number })
  unread: number;
}

export class ReadAllResult {
  @ApiProperty({ type: Number })
  marked: number;
}

export class NotificationRead {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: Boolean })
  read: boolean;
}

export class OutboxItemView {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  channel: string;
  @ApiProperty({ type: String, nullable: true })
  recipient: string | null;
  @ApiProperty({ type: String })
  body: string;
  @ApiProperty({ type: String })
  status: string;
  @ApiProperty({ type: Number })
  attempts: number;
  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;
  @ApiProperty({ type: String })
  createdAt: string;
  @ApiProperty({ type: String, nullable: true })
  sentAt: string | null;
}
