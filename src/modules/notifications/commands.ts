/**
 * `concord contact …` and `concord notify …`: members' points of contact, delivering
 * notifications and following their acknowledgement.
 */
import type { Command } from 'commander';
import { deliverDue, desk, transportsFromEnv, type Concord } from '../../app/index.js';
import { EXIT_OK, printJson, refuse, report } from '../../cli/io.js';
import { json, signed, str, sub, type Flags } from '../../cli/subcommand.js';

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
    const listed = await desk.contacts(c, signed(f));
    if (!listed.ok) return refuse('contact list', `${listed.refusal.field}: ${listed.refusal.message}`);
    const rows = listed.value;
    if (json(f)) printJson(rows, true);
    else for (const r of rows) process.stdout.write(`${r.state}  ${r.language}  ${r.authority}  ${r.email ?? '—'}  ${r.webhook ?? '—'}\n`);
    return EXIT_OK;
  }, setExit, 'show');

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
    const listed = await desk.overdue(c, signed(f), days);
    if (!listed.ok) return refuse('notify overdue', `${listed.refusal.field}: ${listed.refusal.message}`);
    const rows = listed.value;
    if (json(f)) printJson(rows, true);
    else process.stdout.write(rows.length === 0 ? 'no acknowledgement overdue\n' : rows.map((r) => `${r.decisionId}  ${r.state}  notified ${r.createdAt}${r.deliveredAt ? `, delivered ${r.deliveredAt}` : ', not delivered'}\n`).join(''));
    return EXIT_OK;
  }, setExit, 'show').option('--days <n>', 'overdue after this many days (default: 7)');
}

async function runContactSet(c: Concord, f: Flags): Promise<number> {
  const result = await desk.setContact(c, signed(f), { state: str(f.state) ?? '', authority: str(f.authority) ?? '', email: str(f.email), webhook: str(f.webhook), webhookSecret: str(f.webhookSecret), language: str(f.language) ?? '' });
  return report('contact set', result, json(f), (v) => `contact point of ${v.contact.state} set${v.webhookSecret && !f.webhookSecret ? `; webhook signing secret (shown once): ${v.webhookSecret}` : ''}`);
}
