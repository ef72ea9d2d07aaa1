/**
 * The words of the ledger page. Loaded under the namespace `ledger`, the name of this folder.
 */
import { useModuleTranslation, type ModuleT, type SameShape } from '../../i18n/module-strings';

export const en = {
  title: 'Ledger',
  intro: 'Every recorded fact, newest first. Each entry carries the hash of the one before it.',
  seq: 'Seq.',
  stream: 'Stream',
  type: 'Type',
  actor: 'Recorded by',
  validAt: 'Valid at',
  recordedAt: 'Recorded at',
  hash: 'Hash',
  prevHash: 'Previous hash',
  newer: 'Newer entries',
  older: 'Older entries',
  newest: 'Newest entries',
  head: 'Entries in the ledger: {{head}}',
  verify: 'Verify chain',
  verifying: 'Verifying…',
  verified: 'Chain intact: {{checked}} entries checked.',
  headHash: 'Head hash',
  broken: 'Chain broken at entry {{failedAt}}: {{reason}}',
  reconstructed: 'reconstructed',
  empty: 'The ledger is empty.',
  pagination: 'Ledger pages',
} as const;

export const ru: SameShape<typeof en> = {
  title: 'Журнал',
  intro: 'Все записанные факты, начиная с последних. Каждая запись содержит хеш предыдущей.',
  seq: '№',
  stream: 'Поток',
  type: 'Тип',
  actor: 'Кем записано',
  validAt: 'Действует с',
  recordedAt: 'Записано',
  hash: 'Хеш',
  prevHash: 'Хеш предыдущей записи',
  newer: 'Более поздние записи',
  older: 'Более ранние записи',
  newest: 'Последние записи',
  head: 'Записей в журнале: {{head}}',
  verify: 'Проверить цепочку',
  verifying: 'Проверка…',
  verified: 'Цепочка не нарушена: проверено записей — {{checked}}.',
  headHash: 'Хеш последней записи',
  broken: 'Цепочка нарушена на записи {{failedAt}}: {{reason}}',
  reconstructed: 'восстановлено',
  empty: 'Журнал пуст.',
  pagination: 'Страницы журнала',
};

export function useLedgerTranslation(): ModuleT<typeof en> {
  return useModuleTranslation('ledger');
}
