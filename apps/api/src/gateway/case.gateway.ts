import { Inject, Logger, OnModuleDestroy } from '@nestjs/common';
import {
  Ack as AckParam,
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import type { TjServer } from './typed-server';
import { AuthService } from '@tiaojie/auth';
import { DomainError, ErrorCode, Role, UserActor, channels, isUuid } from '@tiaojie/core';
import { CaseAccessService, CaseAudienceService, CaseRoomService, DISTRICT_ROOM } from '@tiaojie/cases';
import { toErrorBody } from '../common/error.filter';
import { ROOM_LIMITS, RoomLimits } from './room-limits';
import { RoomEvictor } from './room-eviction';
import { ROOM_HEAD_INTERVAL, RoomHeads } from './room-heads';
import { RoomPresence } from './room-presence';
import { Ack, ClientToServerEvents, ServerToClientEvents } from '@tiaojie/core';
import { SocketPublisher } from './socket.publisher';
import { TokenBucket } from './token-bucket';

type TjSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  { actor: UserActor }
>;
type AckFn<T> = ((res: Ack<T>) => void) | undefined;
type Req = Record<string, unknown> | null | undefined;

/**
 * Transport only: authenticate the handshake, authorise every join / send / read through the domain, rate-limit
 * per socket, answer each event through its ack (or an `error` event when the client sent none).
 */
@WebSocketGateway({ cors: { origin: true, credentials: true } })
export class CaseGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  private readonly logger = new Logger('Gateway');
  private readonly buckets = new WeakMap<Socket, { messages: TokenBucket; typing: TokenBucket }>();
  private presence!: RoomPresence;
  private heads: RoomHeads | null = null;

  constructor(
    private readonly auth: AuthService,
    private readonly rooms: CaseRoomService,
    private readonly access: CaseAccessService,
    private readonly audiences: CaseAudienceService,
    private readonly publisher: SocketPublisher,
    @Inject(ROOM_LIMITS) private readonly limits: RoomLimits,
    @Inject(ROOM_HEAD_INTERVAL) private readonly headIntervalMs: number,
  ) {}

  afterInit(server: TjServer): void {
    this.publisher.attach(server);
    this.presence = new RoomPresence(server);
    const evictor = new RoomEvictor(server, this.rooms, this.publisher);
    this.publisher.onCaseUpdated((id) => evictor.schedule(id));
    this.publisher.resolveCaseAudiences((ids) => this.audiences.rooms(ids));
    this.heads = new RoomHeads(server, (ids) => this.rooms.heads(ids), this.headIntervalMs);
    this.heads.start();
    // Authenticate the handshake before the connection exists: a refused client gets connect_error with the code.
    server.use((socket, next) => {
      try {
        const token = (socket.handshake.auth as { token?: string })?.token;
        if (!token) throw new DomainError(ErrorCode.UNAUTHENTICATED, '请先登录');
        socket.data.actor = this.auth.verifyAccess(token);
        next();
      } catch (err) {
        const { error } = toErrorBody(err, this.logger).body;
        next(Object.assign(new Error(error.message), { data: error }));
      }
    });
  }

  onModuleDestroy(): void {
    this.heads?.stop();
  }

  handleConnection(client: TjSocket): void {
    const actor = client.data.actor;
    if (actor.id) void client.join(channels.user(actor.id));
    if (actor.orgId) void client.join(channels.org(actor.orgId));
    if (actor.role === Role.DistrictAdmin) void client.join(DISTRICT_ROOM);
    const { messages, typing } = this.limits;
    this.buckets.set(client, {
      messages: new TokenBucket(messages.count, messages.windowMs),
      typing: new TokenBucket(typing.count, typing.windowMs),
    });
    client.on('disconnecting', () => {
      const roomIds = [...client.rooms].filter((r) => r.startsWith('room:')).map((r) => r.slice(5));
      this.presence
        .left(client, roomIds)
        .catch((err: Error) => this.logger.warn(`presence on disconnect: ${err.message}`));
    });
  }

  @SubscribeMessage('room:join')
  join(@ConnectedSocket() client: TjSocket, @MessageBody() req: Req, @AckParam() ack: AckFn<unknown>) {
    return this.respond(client, 'room:join', ack, async () => {
      const roomId = this.uuid(req?.roomId, 'roomId');
      const lastSeq = req?.lastSeq === undefined || req?.lastSeq === null ? 0 : Number(req.lastSeq);
      if (!Number.isSafeInteger(lastSeq) || lastSeq < 0)
        throw DomainError.validation('消息序号须为非负整数', { field: 'lastSeq' });
      const actor = client.data.actor;
      await this.rooms.authorize(actor, roomId);
      // join before reading the replay, so nothing committed in between is missed (clients dedupe by seq) …
      await client.join(channels.room(roomId));
      // … and authorise again: access revoked while we were joining must not leave this socket in the room
      const access = await this.rooms.authorize(actor, roomId).catch(async (err: unknown) => {
        await client.leave(channels.room(roomId));
        throw err;
      });
      const view = await this.rooms.joinView(access, lastSeq);
      this.presence.joined(client, roomId);
      return view;
    });
  }

  @SubscribeMessage('room:leave')
  leave(@ConnectedSocket() client: TjSocket, @MessageBody() req: Req, @AckParam() ack: AckFn<unknown>) {
    return this.respond(client, 'room:leave', ack, async () => {
      const roomId = this.uuid(req?.roomId, 'roomId');
      const was = client.rooms.has(channels.room(roomId));
      await client.leave(channels.room(roomId));
      if (was) await this.presence.left(client, [roomId]);
      return { left: true as const };
    });
  }

  @SubscribeMessage('message:send')
  send(@ConnectedSocket() client: TjSocket, @MessageBody() req: Req, @AckParam() ack: AckFn<unknown>) {
    return this.respond(client, 'message:send', ack, async () => {
      this.take(client, 'messages');
      const roomId = this.uuid(req?.roomId, 'roomId');
      if (typeof req?.clientMsgId !== 'string')
        throw DomainError.validation('消息编号须为 1-64 个字符', {
          field: 'clientMsgId',
        });
      if (typeof req.body !== 'string') throw DomainError.validation('消息内容须为文本', { field: 'body' });
      return this.rooms.send(client.data.actor, roomId, { clientMsgId: req.clientMsgId, body: req.body });
    });
  }

  @SubscribeMessage('message:read')
  read(@ConnectedSocket() client: TjSocket, @MessageBody() req: Req, @AckParam() ack: AckFn<unknown>) {
    return this.respond(client, 'message:read', ack, async () => {
      const roomId = this.uuid(req?.roomId, 'roomId');
      const seq = req?.seq;
      if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1)
        throw DomainError.validation('消息序号须为正整数', { field: 'seq' });
      return this.rooms.markRead(client.data.actor, roomId, seq);
    });
  }

  @SubscribeMessage('typing')
  typing(@ConnectedSocket() client: TjSocket, @MessageBody() req: Req, @AckParam() ack: AckFn<unknown>) {
    return this.respond(client, 'typing', ack, async () => {
      this.take(client, 'typing');
      const roomId = this.joined(client, req?.roomId);
      if (typeof req?.typing !== 'boolean') throw DomainError.validation('输入状态无效', { field: 'typing' });
      const a = client.data.actor;
      client
        .to(channels.room(roomId))
        .emit('typing', { roomId, userId: a.id!, name: a.name, typing: req.typing });
      return { sent: true as const };
    });
  }

  @SubscribeMessage('presence:list')
  presenceList(
    @ConnectedSocket() client: TjSocket,
    @MessageBody() req: Req,
    @AckParam() ack: AckFn<unknown>,
  ) {
    return this.respond(client, 'presence:list', ack, async () => {
      const roomId = this.joined(client, req?.roomId);
      return { roomId, ...(await this.presence.list(roomId)) };
    });
  }

  @SubscribeMessage('case:watch')
  watch(@ConnectedSocket() client: TjSocket, @MessageBody() req: Req, @AckParam() ack: AckFn<unknown>) {
    return this.respond(client, 'case:watch', ack, async () => {
      const id = this.uuid(req?.disputeId, 'disputeId');
      await this.access.load(client.data.actor, id);
      await client.join(channels.case(id));
      return { watching: true as const };
    });
  }

  private uuid(v: unknown, field: string): string {
    if (!isUuid(v)) throw DomainError.validation('编号格式无效', { field });
    return v;
  }

  /** Typing and presence need a joined room: the join was authorised, and revocation makes the socket leave. */
  private joined(client: TjSocket, v: unknown): string {
    const roomId = this.uuid(v, 'roomId');
    if (!client.rooms.has(channels.room(roomId))) throw DomainError.notFound('joined room', roomId);
    return roomId;
  }

  private take(client: TjSocket, kind: 'messages' | 'typing'): void {
    const bucket = this.buckets.get(client)?.[kind];
    if (!bucket || bucket.take()) return;
    const { count, windowMs } = this.limits[kind];
    throw new DomainError(ErrorCode.RATE_LIMITED, `发送过于频繁，请稍后再试`, {
      retryAfterMs: bucket.retryAfterMs(),
      limit: count,
      windowMs,
    });
  }

  private async respond<T>(
    client: TjSocket,
    event: string,
    ack: AckFn<T>,
    fn: () => Promise<T>,
  ): Promise<void> {
    let res: Ack<T>;
    try {
      res = { ok: true, data: await fn() };
    } catch (err) {
      res = { ok: false, error: toErrorBody(err, this.logger).body.error };
    }
    if (typeof ack === 'function') ack(res);
    else if (!res.ok) client.emit('error', { ...res.error, event });
  }
}
