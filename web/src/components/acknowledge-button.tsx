import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../api/hooks';
import type { Localized, NotificationView } from '../api/types';
import { useLabels } from '../i18n/labels';
import { ProblemBanner } from './forms';

/** A delegate acknowledges receipt of a decision's notification for their own state, once. */
export function AcknowledgeButton({ decisionId, state, title, onDone }: { readonly decisionId: string; readonly state: string; readonly title: Localized; readonly onDone: (n: NotificationView) => void }): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  const action = useAction<Record<string, never>, NotificationView>(`/api/notifications/${encodeURIComponent(decisionId)}/${encodeURIComponent(state)}/acknowledgement`);
  return (
    <>
      <ProblemBanner problem={action.problem} focus />
      <button
        type="button"
        className="primary"
        disabled={action.pending}
        aria-label={t('inbox.acknowledgeLabel', { title: labels.pick(title) })}
        onClick={() => {
          void action.run({}).then((result) => {
            if (result.ok) onDone(result.value);
          });
        }}
      >
        {t('inbox.acknowledge')}
      </button>
    </>
  );
}
