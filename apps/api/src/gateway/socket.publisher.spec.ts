import { Logger } from '@nestjs/common';
import type { Server } from 'socket.io';
import { SocketPublisher } from './socket.publisher';
import type { RealtimeEvent } from '@tiaojie/core';

function fakeServer(log: string[], failOn?: string) {
  return {
    to: (channel: string) => ({
      emit: (event: string) => {
        if (event === failOn) throw new Error('boom');
        log.push(`${channel} ${event}`);
      },
    }),
    in: (channel: string) => ({ socketsLeave: (room: string) => log.push(`${channel} leaves ${room}`) }),
  } as unknown as Server;
}

const turn = () => new Promise((r) => setImmediate(r));

/** A publisher on a fake server, with the deliveries and the room re-checks it asked for. */
/** Test events carry only the fields delivery reads, so they are not the typed payloads. */
function publish(publisher: SocketPublisher, events: object[]): void {
  publisher.publish(events as RealtimeEvent[]);
}

function watched() {
  const log: string[] = [];
  const cases: string[] = [];
  const publisher = new SocketPublisher();
  publisher.attach(fakeServer(log));
  publisher.onCaseUpdated((id) => cases.push(id));
  return { log, cases, publisher };
}

describe('SocketPublisher', () => {
  it('delivers after the current turn, so the reply that caused the events goes out first, in publish order', async () => {
    const log: string[] = [];
    const publisher = new SocketPublisher();
    publisher.attach(fakeServer(log));
    publish(publisher, [{ channel: 'room:r', event: 'message:new', payload: { seq: 1 } }]);
    publish(publisher, [
      { channel: 'room:r', event: 'message:new', payload: { seq: 2 } },
      { channel: 'case:c', event: 'case:updated', payload: { id: 'c' } },
    ]);
    log.push('ack');
    await turn();
    expect(log).toEqual(['ack', 'room:r message:new', 'room:r message:new', 'case:c case:updated']);
  });

  it('makes a removed user leave the room before anything published after the removal is delivered', async () => {
    const { log, cases, publisher } = watched();
    publish(publisher, [
      { channel: 'user:u', event: 'room:removed', payload: { roomId: 'r' } },
      { channel: 'case:c', event: 'case:updated', payload: { id: 'c' } },
    ]);
    publish(publisher, [{ channel: 'room:r', event: 'message:new', payload: {} }]);
    await turn();
    expect(log).toEqual([
      'user:u leaves room:r',
      'user:u room:removed',
      'room:r presence:changed',
      'case:c case:updated',
      'room:r message:new',
    ]);
    expect(cases).toEqual(['c']);
  });

  it('asks for no room re-check on a case update marked accessUnchanged (a case created just now), and for one otherwise', async () => {
    const { log, cases, publisher } = watched();
    publish(publisher, [
      { channel: 'case:new', event: 'case:updated', payload: { id: 'new' }, accessUnchanged: true },
      { channel: 'case:old', event: 'case:updated', payload: { id: 'old' } },
    ]);
    await turn();
    expect(log).toEqual(['case:new case:updated', 'case:old case:updated']);
    expect(cases).toEqual(['old']);
  });

  it('keeps delivering the rest when one event fails, and logs the failure', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const log: string[] = [];
    const publisher = new SocketPublisher();
    publisher.attach(fakeServer(log, 'bad'));
    publish(publisher, [
      { channel: 'a', event: 'bad', payload: {} },
      { channel: 'b', event: 'good', payload: {} },
    ]);
    await turn();
    expect(log).toEqual(['b good']);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('delivering bad to a failed: boom'));
    logged.mockRestore();
  });
});
