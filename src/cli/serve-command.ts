/**
 * `concord serve`: the HTTP server, with the deadlines and the notification outbox running. On a
 * database without accounts it creates the administrator and prints its one-time password once.
 */
import { ensureFirstAdmin, scheduleDeliveries, scheduleTimers, transportsFromEnv, type Concord } from '../app/index.js';
import { buildServer } from '../server/app.js';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, refuse } from './io.js';

export interface ListenAddress {
  readonly port: number;
  readonly host: string;
}

/** Where to listen: --port/--host, else PORT/HOST, else 127.0.0.1:8080; undefined (said) when the port is no port. */
export function listenAddress(command: string, flags: { port?: string; host?: string }): ListenAddress | undefined {
  const given = flags.port ?? process.env.PORT ?? '8080';
  const port = Number(given);
  if (!/^\d+$/.test(given) || port > 65_535) {
    refuse(command, `--port: expected a port number, got "${given}"`);
    return undefined;
  }
  return { port, host: flags.host ?? process.env.HOST ?? '127.0.0.1' };
}

export async function runServe(c: Concord, flags: { port?: string; host?: string }): Promise<number> {
  const address = listenAddress('serve', flags);
  return address ? serve(c, address, 'serve') : EXIT_BAD_INPUT;
}

/** `banner`: lines printed once the server listens (the demo's accounts). */
export async function serve(c: Concord, { port, host }: ListenAddress, command: string, banner: readonly string[] = []): Promise<number> {
  const publicUrl = process.env.CONCORD_PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  let server: Awaited<ReturnType<typeof buildServer>>;
  try {
    server = await buildServer(c, { logger: { level: process.env.LOG_LEVEL ?? 'warn' } });
  } catch (error) {
    // E.g. PostgreSQL refusing the connection that listens for other servers' appends.
    process.stderr.write(`concord ${command}: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILED;
  }
  const timers = scheduleTimers(c, { onError: (e) => process.stderr.write(`concord ${command}: a deadline failed: ${String(e)}\n`) });
  const deliveries = scheduleDeliveries(c, transportsFromEnv(), { publicUrl, onError: (e) => process.stderr.write(`concord ${command}: delivery failed: ${String(e)}\n`) });
  try {
    await server.listen({ port, host });
  } catch (error) {
    await Promise.all([timers.stop(), deliveries.stop(), server.close()]);
    return refuse(command, `--port: cannot listen on ${host}:${port} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  // Only once the server listens: a one-time password printed before a failed start would be lost.
  const admin = await ensureFirstAdmin(c);
  const bound = server.server.address();
  const actualPort = typeof bound === 'object' && bound ? bound.port : port;
  process.stdout.write(`Concord serves the ${c.pack.organization.name.en} at http://${host}:${actualPort} (${c.database.location}); health: /api/health, API docs: /api/docs\n`);
  if (admin) {
    process.stdout.write(`First start: administrator "${admin.username}", one-time password ${admin.oneTimePassword} (shown once; change it at the first sign-in)\n`);
  }
  for (const line of banner) process.stdout.write(`${line}\n`);
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => { resolve(); });
  });
  await server.close();
  await Promise.all([timers.stop(), deliveries.stop()]);
  return EXIT_OK;
}
