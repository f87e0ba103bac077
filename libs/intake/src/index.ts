/** @tiaojie/intake: import of 12345 / grid / court exports, live webhooks, one dispute across channels. */
export { IntakeModule, IntakeWebhookModule } from './intake.module';
export { IntakeImportService, DEFAULT_BATCH_SIZE } from './intake-import.service';
export type { ImportOptions, ImportProgress, ImportSummary, RejectedSummary } from './intake-import.service';
export { IntakeUploadService, IMPORT_PROGRESS_EVENT } from './intake-upload.service';
export { ImportReportService, ERROR_REPORT_COLUMNS } from './import-report.service';
export { DuplicateReviewService } from './duplicate-review.service';
export type { ReviewDecision } from './duplicate-review.service';
export { IntakeBatchWriter } from './intake-batch.writer';
export type { BatchContext, BatchResult, RowOutcome } from './intake-batch.writer';
export { WebhookReceiverService, WEBHOOK_PROCESS_JOB } from './webhook-receiver.service';
export type { WebhookAccepted, WebhookRequest } from './webhook-receiver.service';
export { STRANDED_SWEEP_MS, WebhookProcessorService } from './webhook-processor.service';
export type { WebhookResult } from './webhook-processor.service';
export {
  IDEMPOTENCY_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  signWebhook,
  checkWebhookSignature,
} from './webhook-signature';
export { loadWebhookSecrets, SECRET_ENV, WEBHOOK_SOURCES } from './webhook.config';
export type { WebhookSource } from './webhook.config';
export {
  CHANNEL_LABELS,
  CHANNEL_OF_FORMAT,
  DISPUTE_CATEGORY_CODES,
  FORMAT_OF_CHANNEL,
  categoryCodeOf,
} from './intake-channel';
export type { IntakeChannel } from './intake-channel';
export { planLinks } from './duplicate-linker';
export { workOrderReplyDueAt } from './intake-record.mapper';
