import { Module } from '@nestjs/common';
import { AuditModule } from '@tiaojie/audit';
import { AuthModule } from '@tiaojie/auth';
import { OrgModule } from '@tiaojie/org';
import { RoomsModule } from '@tiaojie/rooms';
import { NotificationsModule } from '@tiaojie/notifications';
import { DispatchModule } from '@tiaojie/dispatch';
import { SearchModule } from '@tiaojie/search';
import { CaseReadScopeRepository } from './case-read-scope.repository';
import { CaseSearchFilterRepository } from './case-search-filter.repository';
import { CaseSearchService } from './case-search.service';
import { CaseIntakeService } from './case-intake.service';
import { CaseCreationService } from './case-creation.service';
import { CaseIntakeValidator } from './case-intake.validator';
import { CourtReferralService } from './court-referral.service';
import { CaseSessionService } from './case-session.service';
import { CaseAgreementService } from './case-agreement.service';
import { CaseEnforcementService } from './case-enforcement.service';
import { CaseAccessService } from './case-access.service';
import { CaseCommandService } from './case-command.service';
import { CaseMoveService } from './case-move.service';
import { CaseSigningService } from './case-signing.service';
import { CaseTransactionRunner } from './case-transaction.runner';
import { CaseQueryService } from './case-query.service';
import { CaseRepository } from './case.repository';
import { CaseSigningRepository } from './case-signing.repository';
import { CaseSessionRepository } from './case-session.repository';
import { CaseAgreementRepository } from './case-agreement.repository';
import { CaseQueueRepository } from './case-queue.repository';
import { CaseRoomService } from './case-room.service';
import { CaseTransitionService } from './case-transition.service';
import { CaseNoticePolicy } from './case-notice.policy';
import { CaseNoticeRepository } from './case-notice.repository';
import { CaseAudienceRepository } from './case-audience.repository';
import { CaseAudienceService } from './case-audience.service';
import { CaseIntakeRecordRepository } from './case-intake-record.repository';
import { CaseRegistrationService } from './case-registration.service';
import { HeldRegistrationService } from './held-registration.service';
import { StreetMappingRepository } from './street-mapping.repository';
import { StreetMappingService } from './street-mapping.service';
import { CaseDeadlineService, DeadlineCaseRepository } from '@tiaojie/deadlines';

@Module({
  imports: [
    AuditModule,
    AuthModule,
    OrgModule,
    RoomsModule,
    NotificationsModule,
    DispatchModule,
    SearchModule,
  ],
  providers: [
    CaseRepository,
    CaseSigningRepository,
    CaseSessionRepository,
    CaseAgreementRepository,
    CaseQueueRepository,
    CaseAccessService,
    CaseTransitionService,
    CaseCommandService,
    CaseMoveService,
    CaseSigningService,
    CaseTransactionRunner,
    CaseQueryService,
    CaseRoomService,
    // the deadline timers are set in the case's own transactions, so the case flow provides them
    CaseDeadlineService,
    DeadlineCaseRepository,
    CaseIntakeService,
    CaseCreationService,
    CaseIntakeValidator,
    CourtReferralService,
    CaseSessionService,
    CaseAgreementService,
    CaseNoticePolicy,
    CaseNoticeRepository,
    CaseAudienceRepository,
    CaseAudienceService,
    CaseIntakeRecordRepository,
    CaseRegistrationService,
    HeldRegistrationService,
    CaseEnforcementService,
    StreetMappingRepository,
    StreetMappingService,
    CaseReadScopeRepository,
    CaseSearchFilterRepository,
    CaseSearchService,
  ],
  exports: [
    CaseSearchService,
    CaseNoticePolicy,
    CaseAudienceService,
    CaseRegistrationService,
    HeldRegistrationService,
    StreetMappingService,
    CaseDeadlineService,
    CaseIntakeService,
    CourtReferralService,
    CaseSessionService,
    CaseAgreementService,
    CaseEnforcementService,
    CaseCommandService,
    CaseMoveService,
    CaseSigningService,
    CaseQueryService,
    CaseRoomService,
    CaseAccessService,
  ],
})
export class CasesModule {}
