import { Module } from '@nestjs/common';
import { CasesModule } from '@tiaojie/cases';
import { IntakeWebhookModule } from '@tiaojie/intake';
import { IntakeController } from './intake.controller';
import { WebhooksController } from './webhooks.controller';

/** HTTP for libs/intake: uploads, runs, error reports, duplicate review, webhooks. */
@Module({ imports: [IntakeWebhookModule, CasesModule], controllers: [IntakeController, WebhooksController] })
export class IntakeApiModule {}
