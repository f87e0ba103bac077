import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@tiaojie/auth';
import { CasesModule } from '@tiaojie/cases';
import { RoomsModule } from '@tiaojie/rooms';
import { CaseGateway } from '../gateway/case.gateway';
import { ROOM_HEAD_INTERVAL, loadRoomHeadInterval } from '../gateway/room-heads';
import { ROOM_LIMITS, RoomLimits, loadRoomLimits } from '../gateway/room-limits';
import { LinkageRoomsController } from './linkage-rooms.controller';
import { RoomsController } from './rooms.controller';

/**
 * Rooms over HTTP and socket.io. Limits default from ROOM_MESSAGE_RATE / ROOM_TYPING_RATE, the `room:head` period
 * from ROOM_HEAD_INTERVAL_MS (a bad value stops the boot).
 */
@Module({})
export class RoomsApiModule {
  static forRoot(limits?: RoomLimits): DynamicModule {
    return {
      module: RoomsApiModule,
      imports: [AuthModule, RoomsModule, CasesModule],
      controllers: [LinkageRoomsController, RoomsController],
      providers: [
        CaseGateway,
        { provide: ROOM_LIMITS, useValue: limits ?? loadRoomLimits(process.env) },
        { provide: ROOM_HEAD_INTERVAL, useValue: loadRoomHeadInterval(process.env) },
      ],
    };
  }
}
