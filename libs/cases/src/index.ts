export { CasesModule } from './cases.module';
export { CaseWriterModule } from './case-writer.module';
export { CaseWriter } from './case.writer';
export type { BulkCase } from './case.writer';
export { CaseCommandService } from './case-command.service';
export { CaseMoveService } from './case-move.service';
export { CaseSigningService } from './case-signing.service';
export { CaseQueryService, TRACKER_STAGES } from './case-query.service';
export { CaseRoomService } from './case-room.service';
export { CaseAccessService } from './case-access.service';
export { TRANSITIONS, availableActions, transitionFor } from './case-lifecycle';
export { CASE_STATUSES } from './case-states';
export type { CaseStatus, TransitionDef, Relation } from './case-states';
export { RETURN_REASONS } from './case.types';
export type {
  ApplyInput,
  PartyInput,
  TransitionInput,
  RegisterInput,
  CourtReferralInput,
  AgentInput,
} from './case.types';
export { CaseIntakeService } from './case-intake.service';
export { CourtReferralService } from './court-referral.service';
export { CaseSessionService } from './case-session.service';
export type { ScheduleInput } from './case-session.service';
export { CaseAgreementService, SATISFACTION } from './case-agreement.service';
export { CaseNoticePolicy, PERFORMANCE_REMIND_JOB } from './case-notice.policy';
export type { PerformanceReminderJob } from './case-notice.policy';
export { CaseAudienceService, DISTRICT_ROOM, roomsOf } from './case-audience.service';
export { CASE_CHANGED, caseChanged } from './case-transition.service';
export { CaseRegistrationService } from './case-registration.service';
export type { RegistrationResult } from './registration-record';
export { HeldRegistrationService } from './held-registration.service';
export { CaseEnforcementService, assertConfirmationWindow } from './case-enforcement.service';
export { StreetMappingService } from './street-mapping.service';
export type { StreetMappingResult } from './street-mapping.service';
export type { UnknownStreetName } from './street-mapping.repository';
export { CaseSearchService, SEARCH_LIMIT } from './case-search.service';
export type { SearchAnswer, SearchInput, SearchItem } from './case-search.service';
