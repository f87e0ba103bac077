import { Logger } from '@nestjs/common';
import {
  Ack as AckParam,
  ConnectedSocket,
  MessageBody,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { Ack, DomainError, ErrorCode, UserActor, isUuid } from '@tiaojie/core';
import type { CallSignalRequest, ClientToServerEvents, ServerToClientEvents } from '@tiaojie/core';
import { CallDelivery, CallService } from '@tiaojie/calls';
import { toErrorBody } from '../common/error.filter';
import { TokenBucket } from './token-bucket';
import type { TjServer } from './typed-server';

type TjSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  { actor: UserActor }
>;
type AckFn<T> = ((res: Ack<T>) => void) | undefined;
type Req = Record<string, unknown> | null | undefined;

/** SDP and ICE signals a socket may relay per window: a few renegotiations with their candidates. */
const SIGNALS = { count: 200, windowMs: 10_000 };

/**
 * Transport of the audio/video calls on the authenticated socket server (CaseGateway authenticates the handshake):
 * the domain decides, this delivers each answer through its ack and then the events it caused, socket by socket.
 */
@WebSocketGateway({ cors: { origin: true, credentials: true } })
export class CallGateway implements OnGatewayDisconnect {
  private readonly logger = new Logger('CallGateway');
  private readonly signals = new WeakMap<Socket, TokenBucket>();
  @WebSocketServer() private readonly server!: TjServer;

  constructor(private readonly calls: CallService) {}

  handleDisconnect(client: TjSocket): void {
    this.calls
      .disconnect(client.id)
      .then((out) => this.deliver(out))
      .catch((err: Error) => this.logger.warn(`call leave on disconnect: ${err.message}`));
  }

  @SubscribeMessage('call:join')
  join(@ConnectedSocket() client: TjSocket, @MessageBody() req: Req, @AckParam() ack: AckFn<unknown>) {
    return this.respond(client, 'call:join', ack, async () => {
      const { result, deliveries } = await this.calls.join(client.data.actor, client.id, this.session(req));
      return [result, deliveries];
    });
  }

  @SubscribeMessage('call:signal')
  signal(@ConnectedSocket() client: TjSocket, @MessageBody() req: Req, @AckParam() ack: AckFn<unknown>) {
    return this.respond(client, 'call:signal', ack, async () => {
      this.take(client);
      const sessionId = this.session(req);
      const delivery = this.calls.signal(client.id, { ...(req as object), sessionId } as CallSignalRequest);
      return [{ relayed: true as const }, [delivery]];
    });
  }

  @SubscribeMessage('call:mode')
  mode(@ConnectedSocket() client: TjSocket, @MessageBody() req: Req, @AckParam() ack: AckFn<unknown>) {
    return this.respond(client, 'call:mode', ack, async () => {
      const sessionId = this.session(req);
      const { result, deliveries } = await this.calls.mode(
        client.data.actor,
        client.id,
        sessionId,
        req?.mode,
        req?.with,
      );
      return [result, deliveries];
    });
  }

  @SubscribeMessage('call:leave')
  leave(@ConnectedSocket() client: TjSocket, @MessageBody() req: Req, @AckParam() ack: AckFn<unknown>) {
    return this.respond(client, 'call:leave', ack, async () => {
      const out = await this.calls.leave(client.id, this.session(req));
      return [{ left: true as const }, out];
    });
  }

  @SubscribeMessage('call:recording-consent')
  consent(@ConnectedSocket() client: TjSocket, @MessageBody() req: Req, @AckParam() ack: AckFn<unknown>) {
    return this.respond(client, 'call:recording-consent', ack, async () => {
      const sessionId = this.session(req);
      if (typeof req?.consent !== 'boolean')
        throw DomainError.validation('请选择是否同意录像', { field: 'consent' });
      const { result, deliveries } = await this.calls.consent(
        client.data.actor,
        client.id,
        sessionId,
        req.consent,
      );
      return [result, deliveries];
    });
  }

  @SubscribeMessage('call:recording-chunk')
  chunk(@ConnectedSocket() client: TjSocket, @MessageBody() req: Req, @AckParam() ack: AckFn<unknown>) {
    return this.respond(client, 'call:recording-chunk', ack, async () => {
      const sessionId = this.session(req);
      const result = await this.calls.chunk(client.data.actor, client.id, sessionId, {
        recordingId: req?.recordingId,
        seq: req?.seq,
        data: req?.data,
        last: req?.last,
      });
      return [result, []];
    });
  }

  private session(req: Req): string {
    if (!isUuid(req?.sessionId)) throw DomainError.validation('调解场次编号格式无效', { field: 'sessionId' });
    return req.sessionId;
  }

  private take(client: TjSocket): void {
    let bucket = this.signals.get(client);
    if (!bucket) this.signals.set(client, (bucket = new TokenBucket(SIGNALS.count, SIGNALS.windowMs)));
    if (bucket.take()) return;
    throw new DomainError(ErrorCode.RATE_LIMITED, '信令发送过于频繁，请稍后再试', {
      retryAfterMs: bucket.retryAfterMs(),
      limit: SIGNALS.count,
      windowMs: SIGNALS.windowMs,
    });
  }

  private deliver(out: CallDelivery[]): void {
    for (const d of out)
      (this.server.to(d.to).emit as (e: string, p: unknown) => boolean)(d.event, d.payload);
  }

  /**
   * Answers through the ack first, then delivers what the event caused in the same tick: the others hear
   * `call:peer-joined` before a newcomer's offer, which it sends only once the ack has arrived, can reach them.
   */
  private async respond<T>(
    client: TjSocket,
    event: string,
    ack: AckFn<T>,
    fn: () => Promise<[T, CallDelivery[]]>,
  ): Promise<void> {
    let res: Ack<T>;
    let out: CallDelivery[] = [];
    try {
      const [data, deliveries] = await fn();
      res = { ok: true, data };
      out = deliveries;
    } catch (err) {
      res = { ok: false, error: toErrorBody(err, this.logger).body.error };
    }
    if (typeof ack === 'function') ack(res);
    else if (!res.ok) client.emit('error', { ...res.error, event });
    this.deliver(out);
  }
}
