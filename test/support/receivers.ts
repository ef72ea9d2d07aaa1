/**
 * Real receivers for notifications: an SMTP server (smtp-server) and an HTTP endpoint that can be
 * told to fail its first requests. Both keep what they received, with the message's key.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  readonly to: string;
  readonly key: string;
  readonly body: string;
}

export async function startSmtp(delayMs = 0): Promise<{ url: string; received: Received[]; stop: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        const key = /^Message-ID:\s*<([^>]+)>/im.exec(raw)?.[1] ?? '';
        for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address, key, body: raw });
        setTimeout(callback, delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, stop: () => new Promise((resolve) => { server.close(() => { resolve(); }); }) };
}

export async function startWebhookReceiver(failFirst = 0): Promise<{ url: string; received: Received[]; headers: Record<string, string>[]; requests: () => number; stop: () => Promise<void> }> {
  const received: Received[] = [];
  const headers: Record<string, string>[] = [];
  let requests = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests++;
      if (requests <= failFirst) {
        res.writeHead(503).end('unavailable');
        return;
      }
      received.push({ to: req.url ?? '', key: String(req.headers['idempotency-key'] ?? ''), body });
      headers.push(Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, headers, requests: () => requests, stop: () => new Promise((resolve) => server.close(() => { resolve(); })) };
}
