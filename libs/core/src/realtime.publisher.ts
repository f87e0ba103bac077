/** Outbound live events. The domain publishes; the api's gateway delivers; the domain never touches sockets. */
export interface RealtimeEvent {
  /** Logical channel, e.g. `case:<id>`, `room:<id>`, `user:<id>`, `org:<id>`. */
  channel: string;
  event: string;
  payload: unknown;
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
