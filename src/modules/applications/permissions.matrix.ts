/**
 * The applications module's rows of the permission matrix (test/api-permissions.test.ts): every
 * role reads the cases; only the secretariat opens, assesses, withdraws or lapses one.
 */
import { desk, registerOfficialNote } from '../../app/index.js';
import { ALL, SECRETARIAT, SYSTEM, type Matrix } from '../../../test/support/permission-matrix.js';
import { submitApplication } from './handlers.js';

export const matrix: Matrix = async (api) => {
  const c = api.concord;
  const request = (reference: string) => registerOfficialNote(c, { sender: 'SRB', authority: 'Ministry of Foreign Affairs', reference, dated: '2026-01-10', kind: 'observer-request', subject: 'Observer status', backdatingReason: 'entered late' }, SYSTEM);
  const note = await request('SRB/1');
  const other = await request('SRB/2');
  if (!note.ok || !other.ok) throw new Error('notes');
  const opened = await submitApplication(c, desk.systemPrincipal('test'), { state: 'SRB', status: 'observer', noteId: note.value.id });
  if (!opened.ok) throw new Error(opened.refusal.message);
  const id = opened.value.id;
  return [
    { method: 'GET', route: '/api/applications', path: '/api/applications?status=open', allowed: ALL },
    { method: 'GET', route: '/api/applications/{id}', path: `/api/applications/${id}`, allowed: ALL },
    { method: 'POST', route: '/api/applications', path: '/api/applications', body: { state: 'MNG', status: 'partner', noteId: other.value.id }, allowed: SECRETARIAT },
    { method: 'POST', route: '/api/applications/proposals', path: '/api/applications/proposals', body: { state: 'KGZ', change: 'suspend', role: 'member' }, allowed: SECRETARIAT },
    { method: 'POST', route: '/api/applications/{id}/assessments', path: `/api/applications/${id}/assessments`, body: { criterion: 'un-member', met: true, evidenceNoteId: note.value.id }, allowed: SECRETARIAT },
    { method: 'POST', route: '/api/applications/{id}/withdrawal', path: `/api/applications/${id}/withdrawal`, body: { noteId: other.value.id }, allowed: SECRETARIAT },
    { method: 'POST', route: '/api/applications/{id}/lapse', path: `/api/applications/${id}/lapse`, body: { reason: 'not pursued' }, allowed: SECRETARIAT },
  ];
};
