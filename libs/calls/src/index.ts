export { CallsModule } from './calls.module';
export { CallService } from './call.service';
export type { CallDelivery } from './call.service';
export { CallInvitationService } from './call-invitation.service';
export { CallRecordService } from './call-record.service';
export { MAX_CHUNK_BYTES } from './call-recording.service';
export { MAX_CALL_PEERS } from './call-registry';
export { iceServers, turnCredential } from './turn-credentials';
export type { IceServersAnswer, RtcSettings } from './turn-credentials';
