import type { Channel, ServerEvent, ServerPayload } from './socket-events';

/** One server event addressed to a channel (see `channels` in socket-events.ts), its payload typed by name. */
export type RealtimeEvent = {
  [E in ServerEvent]: RealtimeEventOf<E>;
}[ServerEvent];

/** Outbound live events. The domain publishes; the api's gateway delivers; the domain never touches sockets. */
export interface RealtimeEventOf<E extends ServerEvent> {
  channel: Channel;
  event: E;
  payload: ServerPayload<E>;
  /**
   * On `case:updated`: the change cannot have taken anyone's room access away (the case was created just now and
   * has no rooms), so the gateway need not re-check who is in its rooms.
   */
  accessUnchanged?: boolean;
}

export abstract class RealtimePublisher {
  abstract publish(events: RealtimeEvent[]): void;
}

export class NoopRealtimePublisher extends RealtimePublisher {
  publish(): void {}
}
