export { RoomsModule } from './rooms.module';
export { MessageService, toMessageView, MAX_MESSAGE_LENGTH } from './message.service';
export type { MessageView } from './message.service';
export { RoomRepository } from './room.repository';
export type { RoomRow, MessageRow } from './room.repository';
