import { Module } from '@nestjs/common';
import { MessageService } from './message.service';
import { RoomRepository } from './room.repository';

@Module({ providers: [RoomRepository, MessageService], exports: [RoomRepository, MessageService] })
export class RoomsModule {}
