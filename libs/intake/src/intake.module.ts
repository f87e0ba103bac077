import { Module } from '@nestjs/common';
import { AuditModule } from '@tiaojie/audit';
import { StatsModule } from '@tiaojie/stats';
import { SearchModule } from '@tiaojie/search';
import { CaseWriterModule } from '@tiaojie/cases';
import { DuplicatePairRepository } from './duplicate-pair.repository';
import { DuplicateReviewService } from './duplicate-review.service';
import { ImportReportService } from './import-report.service';
import { ImportRunRepository } from './import-run.repository';
import { IntakeBatchWriter } from './intake-batch.writer';
import { PlaceDirectoryRepository } from './place-directory.repository';
import { IntakeDisputeService } from './intake-dispute.service';
import { IntakeImportService } from './intake-import.service';
import { IntakeRecordRepository } from './intake-record.repository';
import { IntakeUploadService } from './intake-upload.service';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookProcessorService } from './webhook-processor.service';
import { WebhookReceiverService } from './webhook-receiver.service';
import { loadWebhookSecrets, WEBHOOK_SECRETS } from './webhook.config';

const CORE = [
  IntakeRecordRepository,
  PlaceDirectoryRepository,
  DuplicatePairRepository,
  ImportRunRepository,
  WebhookDeliveryRepository,
  IntakeDisputeService,
  IntakeBatchWriter,
  IntakeImportService,
  ImportReportService,
  IntakeUploadService,
  DuplicateReviewService,
  WebhookProcessorService,
];

/**
 * Import, review queue, error reports and webhook processing. Needs DbService, Clock and a
 * RealtimePublisher (global) only: the command line and the worker use it without HTTP or a job queue.
 */
@Module({
  imports: [AuditModule, StatsModule, SearchModule, CaseWriterModule],
  providers: CORE,
  exports: CORE,
})
export class IntakeModule {}

/** Receiving webhooks (the api): needs the JobQueue (global, from JobsModule) to enqueue processing. */
@Module({
  imports: [IntakeModule, AuditModule],
  providers: [
    WebhookReceiverService,
    { provide: WEBHOOK_SECRETS, useFactory: () => loadWebhookSecrets(process.env) },
  ],
  exports: [IntakeModule, WebhookReceiverService],
})
export class IntakeWebhookModule {}
