/**
 * The baseline for the rooms benchmarks: bare socket.io on Node's http server — no adapter, no auth, no storage.
 * `join {room}` joins a socket room; `send {room, message}` is `io.to(room).emit('message:new', message)` + ack.
 */
import * as http from 'node:http';
import { Server } from 'socket.io';

const server = http.createServer((req, res) => {
  res.writeHead(req.url === '/api/health' ? 200 : 404, { 'content-type': 'application/json' });
  res.end('{"ok":true}');
});
const io = new Server(server, { cors: { origin: true } });
io.on('connection', (socket) => {
  socket.on('join', async (req: { room: string }, ack: (r: unknown) => void) => {
    await socket.join(req.room);
    ack({ ok: true });
  });
  socket.on('send', (req: { room: string; message: unknown }, ack: (r: unknown) => void) => {
    io.to(req.room).emit('message:new', req.message);
    ack({ ok: true });
  });
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
process.once('SIGTERM', () => {
  void io.close();
  server.close(() => process.exit(0));
});
