import { Module } from '@nestjs/common';
import { CasesModule } from '@tiaojie/cases';
import { IntakeWebhookModule } from '@tiaojie/intake';
import { IntakeController } from './intake.controller';
import { StreetMappingController } from './street-mapping.controller';
import { WebhooksController } from './webhooks.controller';

/** HTTP for libs/intake: uploads, runs, error reports, duplicate review, street names, webhooks. */
@Module({
  imports: [IntakeWebhookModule, CasesModule],
  controllers: [IntakeController, StreetMappingController, WebhooksController],
})
export class IntakeApiModule {}
