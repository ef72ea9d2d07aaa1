/**
 * A delivery worker run as its own process so that a test can kill it mid-delivery.
 * Arguments: the store config as JSON, the SMTP URL.
 */
import { deliverDue, smtpTransport, startConcord } from '../../src/app/index.js';
import type { StoreConfig } from '../../src/store/database.js';

const config = JSON.parse(process.argv[2] ?? '{}') as StoreConfig;
const concord = await startConcord({ store: config });
const transports = { email: smtpTransport(process.argv[3] ?? '', 'secretariat@csto.test') };
for (;;) {
  await deliverDue(concord, transports, { publicUrl: 'https://concord.test', leaseMs: 500 });
  await new Promise((resolve) => setTimeout(resolve, 50));
}
