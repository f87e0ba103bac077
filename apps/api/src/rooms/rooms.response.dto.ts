import { ApiProperty, PickType } from '@nestjs/swagger';

/** Response bodies, exactly as the services return them (checked against every e2e response). */

export class LinkageRoomDispute {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  number: string;
  @ApiProperty({ type: String })
  title: string;
}

export class LinkageRoomMember {
  @ApiProperty({ type: String })
  userId: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String })
  userRole: string;
  @ApiProperty({ type: String, nullable: true })
  orgId: string | null;
  @ApiProperty({ type: String, nullable: true })
  orgName: string | null;
  @ApiProperty({ type: String })
  role: string;
  @ApiProperty({ type: String, nullable: true })
  viaOrgId: string | null;
  @ApiProperty({ type: String })
  addedAt: string;
  @ApiProperty({ type: String, nullable: true })
  removedAt: string | null;
}

export class LinkageRoom {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  kind: string;
  @ApiProperty({ type: String })
  title: string;
  @ApiProperty({ type: String, nullable: true })
  topic: string | null;
  @ApiProperty({ type: () => LinkageRoomDispute, nullable: true })
  dispute: LinkageRoomDispute | null;
  @ApiProperty({ type: String, nullable: true })
  createdBy: string | null;
  @ApiProperty({ type: String })
  createdAt: string;
  @ApiProperty({ type: Number })
  lastSeq: number;
  @ApiProperty({ type: String })
  myRole: string;
  @ApiProperty({ type: () => [LinkageRoomMember] })
  members: LinkageRoomMember[];
}

export class InviteResult {
  @ApiProperty({ type: [String] })
  added: string[];
  @ApiProperty({ type: () => [LinkageRoomMember] })
  members: LinkageRoomMember[];
}

export class RemoveResult {
  @ApiProperty({ type: [String] })
  removed: string[];
  @ApiProperty({ type: () => [LinkageRoomMember] })
  members: LinkageRoomMember[];
}

export class AttachmentView {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  fileName: string;
  @ApiProperty({ type: String })
  mime: string;
  @ApiProperty({ type: Number })
  size: number;
  @ApiProperty({ type: String })
  sha256: string;
}

export class MessageView {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  roomId: string;
  @ApiProperty({ type: Number })
  seq: number;
  @ApiProperty({ type: String, description: 'text | system | attachment | minutes' })
  kind: string;
  @ApiProperty({ type: String, nullable: true })
  senderId: string | null;
  @ApiProperty({ type: String })
  senderName: string;
  @ApiProperty({ type: String })
  senderRole: string;
  @ApiProperty({ type: String, nullable: true })
  clientMsgId: string | null;
  @ApiProperty({ type: String, description: 'Plain text, never HTML: clients must render it as text.' })
  body: string;
  @ApiProperty({ type: String })
  createdAt: string;
  @ApiProperty({ type: () => AttachmentView, nullable: true })
  attachment: AttachmentView | null;
}

export class MessagePosted {
  @ApiProperty({ type: () => MessageView })
  message: MessageView;
  @ApiProperty({ type: Boolean })
  duplicate: boolean;
}

export class MyLinkageRoom {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  kind: string;
  @ApiProperty({ type: String })
  title: string;
  @ApiProperty({ type: String, nullable: true })
  disputeId: string | null;
  @ApiProperty({ type: String, nullable: true })
  topic: string | null;
  @ApiProperty({ type: String })
  memberRole: string;
  @ApiProperty({ type: Number })
  lastSeq: number;
  @ApiProperty({ type: Number })
  lastReadSeq: number;
  @ApiProperty({ type: Number })
  unread: number;
}

export class MyCaseRoom extends PickType(MyLinkageRoom, [
  'id',
  'kind',
  'title',
  'disputeId',
  'lastSeq',
  'lastReadSeq',
  'unread',
] as const) {
  @ApiProperty({ type: String })
  caseNumber: string;
  @ApiProperty({ enum: ['joint', 'caucus'], enumName: 'SessionMode' })
  sessionMode: string;
}

export class MyRooms {
  @ApiProperty({ type: () => [MyCaseRoom] })
  caseRooms: MyCaseRoom[];
  @ApiProperty({ type: () => [MyLinkageRoom] })
  linkageRooms: MyLinkageRoom[];
}

export class ReadReceipt {
  @ApiProperty({ type: String })
  userId: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: Number })
  lastReadSeq: number;
  @ApiProperty({ type: String })
  at: string;
}

export class ReadMark {
  @ApiProperty({ type: Number })
  seq: number;
  @ApiProperty({ type: Boolean })
  advanced: boolean;
}
