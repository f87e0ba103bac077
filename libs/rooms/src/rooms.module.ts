import { Module } from '@nestjs/common';
import * as path from 'node:path';
import { AuditModule } from '@tiaojie/audit';
import { APP_CONFIG, AppConfig } from '@tiaojie/core';
import { AttachmentRepository } from './attachment.repository';
import { AttachmentService } from './attachment.service';
import { AttachmentStorage, LocalDiskAttachmentStorage } from './attachment.storage';
import { LinkageRoomService } from './linkage-room.service';
import { MessageService } from './message.service';
import { MinutesService } from './minutes.service';
import { ReadReceiptService } from './read-receipt.service';
import { RoomMemberRepository } from './room-member.repository';
import { RoomRepository } from './room.repository';

/** Attachments go to local disk under DATA_DIR/attachments unless another AttachmentStorage is provided. */
const storage = {
  provide: AttachmentStorage,
  useFactory: (config: AppConfig) => new LocalDiskAttachmentStorage(path.join(config.dataDir, 'attachments')),
  inject: [APP_CONFIG],
};

const services = [MessageService, AttachmentService, ReadReceiptService, LinkageRoomService, MinutesService];

@Module({
  imports: [AuditModule],
  providers: [RoomRepository, RoomMemberRepository, AttachmentRepository, storage, ...services],
  exports: [RoomRepository, AttachmentStorage, ...services],
})
export class RoomsModule {}
