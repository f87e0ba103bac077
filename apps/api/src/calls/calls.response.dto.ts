import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class IceServer {
  @ApiProperty({ type: [String], example: ['turn:turn.example.org:3478?transport=udp'] })
  urls: string[];
  @ApiPropertyOptional({ type: String, description: 'TURN: `<过期时间 unix 秒>:<userId>`' })
  username?: string;
  @ApiPropertyOptional({ type: String, description: 'TURN: base64(HMAC-SHA1(共享密钥, username))' })
  credential?: string;
}

export class IceServers {
  @ApiProperty({ type: [IceServer] })
  iceServers: IceServer[];
  @ApiProperty({ type: Number, description: 'TURN 凭据有效秒数' })
  ttl: number;
  @ApiProperty({ type: Boolean, description: '未配置 STUN/TURN：仅同一台机器或局域网内可以接通' })
  hostOnly: boolean;
}

export class CallInvitation {
  @ApiProperty({ type: String, format: 'uuid' }) userId: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String }) role: string;
  @ApiProperty({ type: String, example: '调解法官' }) roleLabel: string;
  @ApiProperty({ type: String }) invitedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) invitedAt: string;
}

export class CallInvitationList {
  @ApiProperty({ type: [CallInvitation] }) invitations: CallInvitation[];
}

export class InvitableStaffMember {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String }) role: string;
  @ApiProperty({ type: String }) roleLabel: string;
  @ApiProperty({ type: String, nullable: true }) orgId: string | null;
}

export class InvitableStaff {
  @ApiProperty({ type: [InvitableStaffMember] }) staff: InvitableStaffMember[];
}

export class CallParticipation {
  @ApiProperty({ type: String }) peerId: string;
  @ApiProperty({ type: String, format: 'uuid' }) userId: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String, enum: ['mediator', 'party', 'agent', 'invited'] }) role: string;
  @ApiProperty({ type: String, format: 'date-time' }) joinedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) leftAt: string | null;
}

export class CallModeSwitch {
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
  @ApiProperty({ type: String, enum: ['joint', 'caucus'] }) mode: string;
  @ApiProperty({ type: String, nullable: true, description: '背对背的一方当事人（partyId）' }) with:
    string | null;
  @ApiProperty({ type: String }) by: string;
}

export class CallConsent {
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
  @ApiProperty({ type: String, format: 'uuid' }) userId: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: Boolean }) consent: boolean;
}

export class CallRecordingFile {
  @ApiProperty({ type: String, format: 'uuid' }) recordingId: string;
  @ApiProperty({ type: String }) sha256: string;
  @ApiProperty({ type: Number }) size: number;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) endedAt: string;
  @ApiProperty({ type: String }) recordedBy: string;
}

export class CallRecord {
  @ApiProperty({ type: String, format: 'uuid' }) sessionId: string;
  @ApiProperty({ type: String, nullable: true, description: '调解员的笔录' }) notes: string | null;
  @ApiProperty({ type: [CallParticipation] }) participants: CallParticipation[];
  @ApiProperty({ type: [CallModeSwitch] }) modeSwitches: CallModeSwitch[];
  @ApiProperty({ type: [CallConsent] }) consents: CallConsent[];
  @ApiProperty({ type: [CallRecordingFile] }) recordings: CallRecordingFile[];
}
