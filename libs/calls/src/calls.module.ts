import { Module } from '@nestjs/common';
import { AuditModule } from '@tiaojie/audit';
import { CasesModule } from '@tiaojie/cases';
import { NotificationsModule } from '@tiaojie/notifications';
import { CallAdmissionService } from './call-admission.service';
import { CallEventRepository } from './call-event.repository';
import { CallInvitationService } from './call-invitation.service';
import { CallJournal } from './call-journal';
import { CallRecordService } from './call-record.service';
import { CaseFileService } from './case-file.service';
import { CallRecordingService } from './call-recording.service';
import { CallRegistry } from './call-registry';
import { CallService } from './call.service';

const services = [
  CallService,
  CallInvitationService,
  CallRecordService,
  CallRecordingService,
  CaseFileService,
];

/** Audio/video calls of online sessions: admission, groups, signalling decisions, recordings, invitations. */
@Module({
  imports: [AuditModule, CasesModule, NotificationsModule],
  providers: [CallEventRepository, CallRegistry, CallAdmissionService, CallJournal, ...services],
  exports: services,
})
export class CallsModule {}
