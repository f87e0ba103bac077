export { RoomsModule } from './rooms.module';
export {
  MessageService,
  toMessageView,
  checkText,
  checkClientMsgId,
  MAX_MESSAGE_LENGTH,
  MAX_REPLAY,
} from './message.service';
export type { MessageView, AttachmentView } from './message.service';
export { RoomRepository } from './room.repository';
export { AttachmentRepository } from './attachment.repository';
export type { RoomRow, MessageRow } from './room.repository';
export { AttachmentService, MAX_ATTACHMENT_BYTES, safeFileName } from './attachment.service';
export type { UploadInput, OpenedAttachment } from './attachment.service';
export { AttachmentStorage, LocalDiskAttachmentStorage } from './attachment.storage';
export { sniffFileType, zipEntryNames, ACCEPTED_TYPES } from './file-type.sniffer';
export type { SniffedType } from './file-type.sniffer';
export { ReadReceiptService } from './read-receipt.service';
export type { ReadReceipt } from './read-receipt.service';
export { LinkageRoomService, LINKAGE_CREATOR_ROLES, MAX_LINKAGE_MEMBERS } from './linkage-room.service';
export type { LinkageCreateInput, InviteInput, LinkageAccess } from './linkage-room.service';
export { MinutesService, MINUTES_FORMATS, MAX_MINUTES_LENGTH } from './minutes.service';
export type { MinutesFile, MinutesFormat } from './minutes.service';
