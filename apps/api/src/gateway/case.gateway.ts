import { Logger } from '@nestjs/common';
import {
  ConnectedSocket, MessageBody, OnGatewayConnection, OnGatewayInit, SubscribeMessage, WebSocketGateway,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { AuthService } from '@tiaojie/auth';
import { Actor, DomainError, ErrorCode } from '@tiaojie/core';
import { CaseAccessService, CaseRoomService } from '@tiaojie/cases';
import { toErrorBody } from '../common/error.filter';
import { Ack, ClientToServerEvents, ServerToClientEvents } from './socket-events';
import { SocketPublisher } from './socket.publisher';

type TjSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { actor: Actor }>;

const UUID = /^[0-9a-f-]{36}$/i;

/** Transport only: authenticate the handshake, authorise each join through the domain, map errors once. */
@WebSocketGateway({ cors: { origin: true, credentials: true } })
export class CaseGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('Gateway');

  constructor(
    private readonly auth: AuthService,
    private readonly rooms: CaseRoomService,
    private readonly access: CaseAccessService,
    private readonly publisher: SocketPublisher,
  ) {}

  afterInit(server: Server): void {
    this.publisher.attach(server);
    // Authenticate the handshake before the connection exists: a refused client gets connect_error with the code.
    server.use((socket, next) => {
      try {
        const token = (socket.handshake.auth as { token?: string })?.token;
        if (!token) throw new DomainError(ErrorCode.UNAUTHENTICATED, '请先登录 (token missing in handshake auth)');
        socket.data.actor = this.auth.verifyAccess(token);
        next();
      } catch (err) {
        const { error } = toErrorBody(err, this.logger).body;
        next(Object.assign(new Error(error.message), { data: error }));
      }
    });
  }

  handleConnection(client: TjSocket): void {
    const actor = client.data.actor;
    void client.join(`user:${actor.id}`);
    if (actor.orgId) void client.join(`org:${actor.orgId}`);
  }

  @SubscribeMessage('room:join')
  join(@ConnectedSocket() client: TjSocket, @MessageBody() req: { roomId?: unknown; lastSeq?: unknown }) {
    return this.guard(async () => {
      const roomId = this.uuid(req?.roomId, 'roomId');
      const lastSeq = req?.lastSeq === undefined ? 0 : Number(req.lastSeq);
      if (!Number.isInteger(lastSeq) || lastSeq < 0) throw DomainError.validation('lastSeq must be a non-negative integer', { field: 'lastSeq' });
      await this.rooms.authorize(client.data.actor, roomId);
      await client.join(`room:${roomId}`);
      return this.rooms.join(client.data.actor, roomId, lastSeq);
    });
  }

  @SubscribeMessage('room:leave')
  leave(@ConnectedSocket() client: TjSocket, @MessageBody() req: { roomId?: unknown }) {
    return this.guard(async () => {
      await client.leave(`room:${this.uuid(req?.roomId, 'roomId')}`);
      return { left: true as const };
    });
  }

  @SubscribeMessage('message:send')
  send(@ConnectedSocket() client: TjSocket, @MessageBody() req: { roomId?: unknown; clientMsgId?: unknown; body?: unknown }) {
    return this.guard(async () => {
      const roomId = this.uuid(req?.roomId, 'roomId');
      if (typeof req.clientMsgId !== 'string' || req.clientMsgId.length < 1 || req.clientMsgId.length > 64) {
        throw DomainError.validation('clientMsgId must be a string of 1-64 characters', { field: 'clientMsgId' });
      }
      if (typeof req.body !== 'string') throw DomainError.validation('body must be a string', { field: 'body' });
      return this.rooms.send(client.data.actor, roomId, { clientMsgId: req.clientMsgId, body: req.body });
    });
  }

  @SubscribeMessage('case:watch')
  watch(@ConnectedSocket() client: TjSocket, @MessageBody() req: { disputeId?: unknown }) {
    return this.guard(async () => {
      const id = this.uuid(req?.disputeId, 'disputeId');
      await this.access.load(client.data.actor, id);
      await client.join(`case:${id}`);
      return { watching: true as const };
    });
  }

  private uuid(v: unknown, field: string): string {
    if (typeof v !== 'string' || !UUID.test(v)) throw DomainError.validation(`${field} must be a UUID`, { field });
    return v;
  }

  private async guard<T>(fn: () => Promise<T>): Promise<Ack<T>> {
    try {
      return { ok: true, data: await fn() };
    } catch (err) {
      return { ok: false, error: toErrorBody(err, this.logger).body.error };
    }
  }
}
