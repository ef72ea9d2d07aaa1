/**
 * `concord contact …` and `concord notify …`: members' points of contact, delivering
 * notifications and following their acknowledgement.
 */
import type { Command } from 'commander';
import { contactPoints, deliverDue, overdueAcknowledgements, setContactPoint, transportsFromEnv, type Concord } from '../../app/index.js';
import { EXIT_OK, printJson, refuse, report } from '../../cli/io.js';
import { actor, json, str, sub, type Flags } from '../../cli/subcommand.js';

export function notificationCommands(root: Command, setExit: (code: number) => void): void {
  const contact = root.command('contact').description("Members' points of contact for notifications.");
  sub(contact, 'set', 'Set the point of contact of a member.', runContactSet, setExit)
    .requiredOption('--state <code>')
    .requiredOption('--authority <name>')
    .option('--email <address>')
    .option('--webhook <url>')
    .option('--webhook-secret <secret>', 'the HMAC key the receiver checks (default: generated and printed once)')
    .requiredOption('--language <lang>', 'en | ru');
  sub(contact, 'list', 'Every point of contact.', async (c, f) => {
    const rows = await contactPoints(c);
    if (json(f)) printJson(rows, true);
    else for (const r of rows) process.stdout.write(`${r.state}  ${r.language}  ${r.authority}  ${r.email ?? '—'}  ${r.webhook ?? '—'}\n`);
    return EXIT_OK;
  }, setExit);

  const notify = root.command('notify').description('Delivering notifications and following acknowledgements.');
  sub(notify, 'deliver', 'Send every notification due (SMTP from CONCORD_SMTP_URL, webhooks), retrying failures later.', async (c, f) => {
    const publicUrl = str(f.publicUrl) ?? process.env.CONCORD_PUBLIC_URL ?? 'http://localhost:8080';
    const result = await deliverDue(c, transportsFromEnv(), { publicUrl });
    if (json(f)) printJson(result, true);
    else process.stdout.write(`${result.delivered} delivered, ${result.failed} failed (to be retried)\n`);
    return EXIT_OK;
  }, setExit).option('--public-url <url>', 'where acknowledgement links point (default: $CONCORD_PUBLIC_URL)');
  sub(notify, 'overdue', 'Notifications not acknowledged in time.', async (c, f) => {
    const days = Number(str(f.days) ?? '7');
    if (!Number.isInteger(days) || days < 0 || days > 36_500) return refuse('notify overdue', `--days: expected a whole number of days, got "${str(f.days) ?? ''}"`);
    const rows = await overdueAcknowledgements(c, days);
    if (json(f)) printJson(rows, true);
    else process.stdout.write(rows.length === 0 ? 'no acknowledgement overdue\n' : rows.map((r) => `${r.decision_id}  ${r.state}  notified ${r.created_at}${r.delivered_at ? `, delivered ${r.delivered_at}` : ', not delivered'}\n`).join(''));
    return EXIT_OK;
  }, setExit).option('--days <n>', 'overdue after this many days (default: 7)');
}

async function runContactSet(c: Concord, f: Flags): Promise<number> {
  const result = await setContactPoint(c, { state: str(f.state) ?? '', authority: str(f.authority) ?? '', email: str(f.email), webhook: str(f.webhook), webhookSecret: str(f.webhookSecret), language: str(f.language) ?? '' }, actor(f));
  return report('contact set', result, json(f), (v) => `contact point of ${v.contact.state} set${v.webhookSecret && !f.webhookSecret ? `; webhook signing secret (shown once): ${v.webhookSecret}` : ''}`);
}
