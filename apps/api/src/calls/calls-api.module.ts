import { Module } from '@nestjs/common';
import { CallsModule } from '@tiaojie/calls';
import { CallGateway } from '../gateway/call.gateway';
import { CallsController } from './calls.controller';
import { CaseFileController } from './case-file.controller';
import { RtcController } from './rtc.controller';

/** Calls over HTTP (ICE servers, invitations, records, recordings, the case file with the session records) and their signalling on the socket server. */
@Module({
  imports: [CallsModule],
  controllers: [CallsController, CaseFileController, RtcController],
  providers: [CallGateway],
  // the session list shows each online session's call record
  exports: [CallsModule],
})
export class CallsApiModule {}
