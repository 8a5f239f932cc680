import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface Listening {
  port: number;
  close(): Promise<void>;
}

/** An HTTP server that, on close, also ends keep-alive, stalled and long-poll connections. */
export function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, host: string, port: number): Promise<Listening> {
  const server = createServer({ keepAliveTimeout: 5_000 }, handler);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(new Error(`[masko-emulator] cannot listen on ${host}:${port}: ${err.code ?? err.message}`));
    });
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const s of sockets) s.destroy();
          }),
      });
    });
  });
}
