/**
 * `concord serve`: the HTTP server, with the deadlines and the notification outbox running. On a
 * database without accounts it creates the administrator and prints its one-time password once.
 */
import { ensureFirstAdmin, scheduleDeliveries, scheduleTimers, transportsFromEnv, type Concord } from '../app/index.js';
import { buildServer } from '../server/app.js';
import { checkAtStart } from '../app/integrity.js';
import { scheduleCheckpoints } from '../app/proof.js';
import { parseTrustedProxies } from '../server/proxies.js';
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
  const proxies = parseTrustedProxies(process.env.CONCORD_TRUSTED_PROXIES ?? '');
  if (!proxies.ok) return refuse(command, `CONCORD_TRUSTED_PROXIES: "${proxies.entry}" is not an address, a CIDR range (10.0.0.0/8) or one of loopback, linklocal, uniquelocal`);
  const interval = checkpointInterval();
  if (interval === undefined) return refuse(command, `CONCORD_CHECKPOINT_HOURS: expected a positive number of hours, got "${process.env.CONCORD_CHECKPOINT_HOURS ?? ''}"`);
  let server: Awaited<ReturnType<typeof buildServer>>;
  let checked: Awaited<ReturnType<typeof checkAtStart>>;
  try {
    checked = await checkAtStart(c);
    server = await buildServer(c, { logger: { level: process.env.LOG_LEVEL ?? 'warn' }, trustedProxies: proxies.proxies, integrity: checked.integrity });
  } catch (error) {
    // E.g. PostgreSQL refusing the connection that listens for other servers' appends.
    process.stderr.write(`concord ${command}: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILED;
  }
  const refused = checked.integrity.refusal();
  if (refused) {
    // Nothing runs on a ledger that fails: no deadline fires and nothing is sent from it.
    process.stderr.write(`concord ${command}: ${refused}\n`);
    return serveRefusal(server, port, host, command);
  }
  const timers = scheduleTimers(c, { onError: (e) => process.stderr.write(`concord ${command}: a deadline failed: ${String(e)}\n`) });
  const deliveries = scheduleDeliveries(c, transportsFromEnv(), { publicUrl, onError: (e) => process.stderr.write(`concord ${command}: delivery failed: ${String(e)}\n`) });
  const checkpoints = scheduleCheckpoints(c, { intervalMs: interval, onError: (e) => process.stderr.write(`concord ${command}: the scheduled checkpoint failed: ${String(e)}\n`) });
  // The full verification may find, later, what the quick one could not: then nothing runs any more.
  const stopped = checked.background.then(async () => {
    const refusal = checked.integrity.refusal();
    if (!refusal) return;
    process.stderr.write(`concord ${command}: ${refusal}\n`);
    await Promise.all([timers.stop(), deliveries.stop(), checkpoints.stop()]);
  });
  try {
    await server.listen({ port, host });
  } catch (error) {
    await Promise.all([timers.stop(), deliveries.stop(), checkpoints.stop(), server.close()]);
    return refuse(command, `--port: cannot listen on ${host}:${port} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  // Only once the server listens: a one-time password printed before a failed start would be lost.
  const admin = await ensureFirstAdmin(c);
  const bound = server.server.address();
  const actualPort = typeof bound === 'object' && bound ? bound.port : port;
  process.stdout.write(`Concord serves the ${c.pack.organization.name.en} at http://${host}:${actualPort} (${c.database.location}); health: /api/health, API docs: /api/docs\n`);
  if (admin) {
    const why = admin.created ? 'First start' : 'No administrator has a password kept here (passwords stay with the database they were set in, as after an import)';
    process.stdout.write(`${why}: administrator "${admin.username}", one-time password ${admin.oneTimePassword} (shown once; change it at the first sign-in)\n`);
  }
  for (const line of banner) process.stdout.write(`${line}\n`);
  await untilStopped();
  await server.close();
  await Promise.all([timers.stop(), deliveries.stop(), checkpoints.stop(), stopped]);
  return EXIT_OK;
}

/** Listens only to say why nothing is served: the probes and every request read the reason. */
async function serveRefusal(server: Awaited<ReturnType<typeof buildServer>>, port: number, host: string, command: string): Promise<number> {
  try {
    await server.listen({ port, host });
  } catch (error) {
    await server.close();
    return refuse(command, `--port: cannot listen on ${host}:${port} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const bound = server.server.address();
  process.stdout.write(`Concord listens at http://${host}:${typeof bound === 'object' && bound ? bound.port : port} only to refuse: /api/ready says why\n`);
  await untilStopped();
  await server.close();
  return EXIT_FAILED;
}

/** CONCORD_CHECKPOINT_HOURS: how often a checkpoint is signed when nothing else asks for one (default 24). */
function checkpointInterval(): number | undefined {
  const hours = Number(process.env.CONCORD_CHECKPOINT_HOURS ?? '24');
  return Number.isFinite(hours) && hours > 0 ? hours * 3_600_000 : undefined;
}

function untilStopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => { resolve(); });
  });
}
