/**
 * `concord serve`: the HTTP server, with the deadlines and the notification outbox running. On a
 * database without accounts it creates the administrator and prints its one-time password once.
 */
import { ensureFirstAdmin, scheduleDeliveries, scheduleTimers, transportsFromEnv, type Concord } from '../app/index.js';
import { buildServer } from '../server/app.js';
import { EXIT_FAILED, EXIT_OK, refuse } from './io.js';

/** `banner`: lines printed once the server listens (the demo's accounts). */
export async function runServe(c: Concord, flags: { port?: string; host?: string }, banner: readonly string[] = []): Promise<number> {
  const port = Number(flags.port ?? process.env.PORT ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) return refuse('serve', `--port: expected a port number, got "${flags.port ?? process.env.PORT ?? ''}"`);
  const host = flags.host ?? process.env.HOST ?? '127.0.0.1';
  const publicUrl = process.env.CONCORD_PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  const admin = await ensureFirstAdmin(c);
  let server: Awaited<ReturnType<typeof buildServer>>;
  try {
    server = await buildServer(c, { logger: { level: process.env.LOG_LEVEL ?? 'warn' } });
  } catch (error) {
    // E.g. PostgreSQL refusing the connection that listens for other servers' appends.
    process.stderr.write(`concord serve: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILED;
  }
  const timers = scheduleTimers(c, { onError: (e) => process.stderr.write(`concord serve: a deadline failed: ${String(e)}\n`) });
  const deliveries = scheduleDeliveries(c, transportsFromEnv(), { publicUrl, onError: (e) => process.stderr.write(`concord serve: delivery failed: ${String(e)}\n`) });
  try {
    await server.listen({ port, host });
  } catch (error) {
    await Promise.all([timers.stop(), deliveries.stop(), server.close()]);
    return refuse('serve', `--port: cannot listen on ${host}:${port} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
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
