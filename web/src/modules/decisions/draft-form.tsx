/**
 * A new draft, in both languages from the start: Russian is the working language, and the engine
 * refuses a draft without it.
 */
import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFramework } from '../../api/framework';
import { useAction } from '../../api/hooks';
import type { DecisionView } from '../../api/types';
import { placeProblem, ProblemBanner, SelectField, SubmitButton, TextArea, TextField } from '../../components/forms';
import { useLabels } from '../../i18n/labels';

const FIELDS = ['title.en', 'title.ru', 'text.en', 'text.ru', 'body', 'question', 'initiator'];

interface DraftBody {
  readonly title: { en: string; ru: string };
  readonly text: { en: string; ru: string };
  readonly body: string;
  readonly question: string;
  readonly initiator: string;
}

export function DraftForm(): ReactNode {
  const { t } = useTranslation();
  const labels = useLabels();
  const framework = useFramework();
  const navigate = useNavigate();
  const action = useAction<DraftBody, DecisionView>('/api/decisions');
  const [titleEn, setTitleEn] = useState('');
  const [titleRu, setTitleRu] = useState('');
  const [textEn, setTextEn] = useState('');
  const [textRu, setTextRu] = useState('');
  const [bodyChoice, setBody] = useState('');
  const [questionChoice, setQuestion] = useState('');
  const [initiator, setInitiator] = useState('secretariat');
  const placed = placeProblem(action.problem, FIELDS);

  const bodies = framework?.bodies ?? [];
  const body = bodyChoice || (bodies[0]?.id ?? '');
  const questions = bodies.find((b) => b.id === body)?.questions ?? [];
  const question = questions.includes(questionChoice) ? questionChoice : (questions[0] ?? '');

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    const result = await action.run({ title: { en: titleEn, ru: titleRu }, text: { en: textEn, ru: textRu }, body, question, initiator });
    if (result.ok) void navigate(`/decisions/${result.value.id}`);
  };

  return (
    <form className="card form-grid" onSubmit={(event) => void submit(event)} aria-labelledby="draft-heading" noValidate>
      <h2 id="draft-heading">{t('decisions.draftTitle')}</h2>
      <ProblemBanner problem={placed.top} focus />
      <div className="two-columns">
        <TextField label={t('decisions.titleEn')} lang="en" required value={titleEn} error={placed.at('title.en')} onChange={(e) => { setTitleEn(e.target.value); }} />
        <TextField label={t('decisions.titleRu')} lang="ru" required value={titleRu} error={placed.at('title.ru')} onChange={(e) => { setTitleRu(e.target.value); }} />
        <TextArea label={t('decisions.textEn')} lang="en" required value={textEn} error={placed.at('text.en')} onChange={(e) => { setTextEn(e.target.value); }} />
        <TextArea label={t('decisions.textRu')} lang="ru" required value={textRu} error={placed.at('text.ru')} onChange={(e) => { setTextRu(e.target.value); }} />
      </div>
      <div className="three-columns">
        <SelectField label={t('decisions.body')} required value={body} error={placed.at('body')} onChange={(e) => { setBody(e.target.value); }}>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {labels.pick(b.name)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('decisions.question')} required value={question} error={placed.at('question')} onChange={(e) => { setQuestion(e.target.value); }}>
          {questions.map((q) => (
            <option key={q} value={q}>
              {labels.question(q)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('decisions.initiator')} required value={initiator} error={placed.at('initiator')} onChange={(e) => { setInitiator(e.target.value); }}>
          <option value="secretariat">{t('decisions.secretariat')}</option>
          {(framework?.members ?? []).map((m) => (
            <option key={m} value={m}>
              {labels.state(m)} ({m})
            </option>
          ))}
        </SelectField>
      </div>
      <SubmitButton pending={action.pending}>{t('decisions.createDraft')}</SubmitButton>
    </form>
  );
}
