/**
 * The proof of the record, for every member: the checkpoint the organization signed for the
 * ledger as it stands, the check of a checkpoint a member holds against the ledger now, and the
 * proof that one entry is in it, each downloadable for the member's own verifier.
 */
import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { get, post } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { Problem } from '../../api/types';
import { InstantText } from '../../components/format';
import { ProblemBanner, SubmitButton, TextArea, TextField } from '../../components/forms';
import { Loading, Page } from '../../components/page';
import type { ConsistencyProof, InclusionProof, SignedCheckpoint } from '../../../../src/modules/ledger/proof-schemas';
import { useLedgerTranslation } from './strings';

/** Offers `value` as a file (JSON unless it is text already), as the member's verifier reads it. */
function download(name: string, value: unknown): void {
  const text = typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: typeof value === 'string' ? 'application/x-pem-file' : 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

function CheckpointCard({ signed }: { readonly signed: SignedCheckpoint }): ReactNode {
  const ts = useLedgerTranslation();
  const { checkpoint } = signed;
  return (
    <section className="card" aria-labelledby="checkpoint-heading" data-testid="checkpoint">
      <h2 id="checkpoint-heading">{ts('checkpointHeading')}</h2>
      <dl className="facts">
        <dt>{ts('size')}</dt>
        <dd>{checkpoint.size}</dd>
        <dt>{ts('root')}</dt>
        <dd>
          <code className="hash-full">{checkpoint.root}</code>
        </dd>
        <dt>{ts('signedAt')}</dt>
        <dd>
          <InstantText value={checkpoint.signedAt} />
        </dd>
        <dt>{ts('keyId')}</dt>
        <dd>
          <code>{checkpoint.keyId}</code>
        </dd>
      </dl>
      <details>
        <summary>{ts('publicKey')}</summary>
        <pre className="key">{signed.publicKey}</pre>
      </details>
      <p>
        <button type="button" onClick={() => { download(`checkpoint-${checkpoint.size}.json`, checkpoint); }}>
          {ts('downloadCheckpoint')}
        </button>{' '}
        <button type="button" onClick={() => { download(`organization-key-${checkpoint.keyId}.pem`, signed.publicKey); }}>
          {ts('downloadKey')}
        </button>
      </p>
    </section>
  );
}

function CheckHeld(): ReactNode {
  const ts = useLedgerTranslation();
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [proof, setProof] = useState<ConsistencyProof | undefined>(undefined);
  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    setProof(undefined);
    setProblem(undefined);
    let held: unknown;
    try {
      held = JSON.parse(text);
    } catch {
      setProblem({ title: ts('notJsonTitle'), status: 400, detail: ts('notJson') });
      return;
    }
    setPending(true);
    // A check changes nothing: sent again, it is simply answered again.
    void post<ConsistencyProof>('/api/ledger/consistency', { checkpoint: held }).then((answer) => {
      setPending(false);
      if (answer.ok) setProof(answer.value);
      else setProblem(answer.problem);
    });
  };
  return (
    <section className="card" aria-labelledby="held-heading">
      <h2 id="held-heading">{ts('heldHeading')}</h2>
      <p className="intro">{ts('heldIntro')}</p>
      <form onSubmit={submit}>
        <TextArea label={ts('heldLabel')} value={text} required rows={6} spellCheck={false} onChange={(e) => { setText(e.target.value); }} />
        <SubmitButton pending={pending}>{ts('check')}</SubmitButton>
      </form>
      <div role="status" data-testid="consistency">
        {proof && (
          <p className="ok">
            {ts('consistent', { size: proof.to.size, held: proof.from.size })} <InstantText value={proof.from.signedAt} />{' '}
            <button type="button" onClick={() => { download(`consistency-${proof.from.size}-${proof.to.size}.json`, proof); }}>
              {ts('downloadProof')}
            </button>
          </p>
        )}
      </div>
      <ProblemBanner problem={problem} focus />
    </section>
  );
}

function ProveEntry(): ReactNode {
  const ts = useLedgerTranslation();
  const [seq, setSeq] = useState('');
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    setProblem(undefined);
    setPending(true);
    void get<InclusionProof>(`/api/ledger/entries/${encodeURIComponent(seq.trim())}/proof`).then((answer) => {
      setPending(false);
      if (answer.ok) download(`inclusion-${answer.value.seq}.json`, answer.value);
      else setProblem(answer.problem);
    });
  };
  return (
    <section className="card" aria-labelledby="prove-heading">
      <h2 id="prove-heading">{ts('proveHeading')}</h2>
      <form onSubmit={submit} className="inline-form">
        <TextField label={ts('entryNumber')} inputMode="numeric" pattern="[0-9]+" required value={seq} onChange={(e) => { setSeq(e.target.value); }} />
        <SubmitButton pending={pending}>{ts('downloadInclusion')}</SubmitButton>
      </form>
      <ProblemBanner problem={problem} focus />
    </section>
  );
}

export function ProofPage(): ReactNode {
  const ts = useLedgerTranslation();
  const latest = useApi<SignedCheckpoint>('/api/ledger/checkpoint');
  return (
    <Page title={ts('proofTitle')} problem={latest.problem}>
      <p className="intro">{ts('proofIntro')}</p>
      <Loading when={latest.loading && latest.data === undefined} />
      {latest.data && <CheckpointCard signed={latest.data} />}
      <CheckHeld />
      <ProveEntry />
      <p className="meta">{ts('verifierHint')}</p>
    </Page>
  );
}
