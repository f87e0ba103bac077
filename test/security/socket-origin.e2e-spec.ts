import { io } from 'socket.io-client';
import { startTestApp, TestApp } from '../support/test-app';
import { HttpClient } from '../support/http-client';

/** The WebSocket handshake checks Origin against CORS_ORIGINS (HTTP CORS does not bind WebSockets). */
describe('socket handshake Origin', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { CORS_ORIGINS: 'https://tiaojie.example.gov.cn' } });
    token = (await new HttpClient(app.url).signInStaff('js_mediator')).token!;
  });
  afterAll(() => app.close());

  /** 'connect' or the handshake's error message. */
  function attempt(origin?: string): Promise<string> {
    const socket = io(app.url, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: origin ? { Origin: origin } : {},
    });
    return new Promise((resolve) => {
      socket.once('connect', () => {
        socket.close();
        resolve('connect');
      });
      socket.once('connect_error', (err: Error) => {
        socket.close();
        resolve(err.message);
      });
    });
  }

  it('accepts an allowed origin, the api’s own origin and a client without Origin', async () => {
    expect(await attempt('https://tiaojie.example.gov.cn')).toBe('connect');
    expect(await attempt(app.url)).toBe('connect');
    expect(await attempt()).toBe('connect');
  });

  it('refuses a foreign origin even with a valid token', async () => {
    expect(await attempt('http://evil.example')).not.toBe('connect');
    expect(await attempt('null')).not.toBe('connect');
  });
});
