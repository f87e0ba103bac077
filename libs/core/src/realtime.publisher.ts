/** Outbound live events. The domain publishes; the api's gateway delivers; the domain never touches sockets. */
export interface RealtimeEvent {
  /** Logical channel, e.g. `case:<id>`, `room:<id>`, `user:<id>`, `org:<id>`. */
  channel: string;
  event: string;
  payload: unknown;
}

export abstract class RealtimePublisher {
  abstract publish(events: RealtimeEvent[]): void;
}

export class NoopRealtimePublisher extends RealtimePublisher {
  publish(): void {}
}
