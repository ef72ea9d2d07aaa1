/**
 * The correspondence register's rule on dates, given the register's context (the day, the
 * organization's founding, the sender's membership), a note to register, and the event or the
 * refusal that follows.
 */
import { describe, expect, it } from 'vitest';
import { registerNote, type NoteContext, type OfficialNote } from './index.js';

/** Given: the CSTO's register on 6 December 2026, Azerbaijan a member from 24 September 1993. */
const context: NoteContext = { registeredOn: '2026-12-06', latestDate: '2026-12-06', founded: '1992-05-15', memberSince: '1993-09-24', backdatingDays: 90 };
const note = (change: Partial<OfficialNote>): OfficialNote => ({ id: 'n1', sender: 'AZE', authority: 'Ministry of Foreign Affairs', reference: 'NV/1', dated: '2026-12-01', kind: 'other', subject: 'A note', ...change });

describe('registering a note', () => {
  it('registers a recent note dated after its sender became a member, without a reason', () => {
    expect(registerNote(note({}), context)).toEqual({ ok: true, event: { type: 'NoteRegistered', validAt: '2026-12-01', data: note({}) } });
  });

  it('registers a note dated exactly the allowed period back without a reason', () => {
    expect(registerNote(note({ dated: '2026-09-07' }), context).ok).toBe(true);
  });

  it('asks the reason for a note dated longer ago than the allowed period', () => {
    expect(registerNote(note({ dated: '2026-09-06' }), context)).toEqual({
      ok: false,
      refusal: { code: 'backdating-reason-required', field: 'backdatingReason', message: 'the note is dated 2026-09-06, 91 days before it is registered (more than 90): give the reason it is registered only now' },
    });
  });

  it('asks the reason for a note dated before its sender became a member, whatever the period', () => {
    const refused = registerNote(note({ dated: '1993-09-23' }), { ...context, backdatingDays: 100_000 });
    expect(refused).toMatchObject({ ok: false, refusal: { field: 'backdatingReason', message: expect.stringContaining('before AZE became a member (1993-09-24)') as string } });
  });

  it('takes the period from the context: a framework may allow more days', () => {
    expect(registerNote(note({ dated: '2026-09-06' }), { ...context, backdatingDays: 91 }).ok).toBe(true);
  });

  it('does not ask a state that was never a member about its membership', () => {
    expect(registerNote(note({ sender: 'SRB', dated: '2026-11-30' }), { ...context, memberSince: undefined }).ok).toBe(true);
  });

  it('records the reason given with the note, trimmed', () => {
    const registered = registerNote(note({ dated: '2024-05-30', backdatingReason: '  Received by diplomatic bag, opened only now ' }), context);
    expect(registered).toMatchObject({ ok: true, event: { validAt: '2024-05-30', data: { backdatingReason: 'Received by diplomatic bag, opened only now' } } });
  });

  it('takes a blank reason for none', () => {
    expect(registerNote(note({ dated: '2024-05-30', backdatingReason: '   ' }), context)).toMatchObject({ ok: false, refusal: { field: 'backdatingReason' } });
    const recent = registerNote(note({ backdatingReason: ' ' }), context);
    expect(recent.ok && 'backdatingReason' in recent.event.data).toBe(false);
  });

  it('refuses a date after 2100-12-31, naming the field, whatever the reason given', () => {
    expect(registerNote(note({ dated: '2101-01-01', backdatingReason: 'typed so' }), { ...context, registeredOn: '2102-01-01', latestDate: '2102-01-01' })).toEqual({
      ok: false,
      refusal: { field: 'dated', message: '2101-01-01 is after 2100-12-31, the last date a note may bear' },
    });
  });

  it('refuses a date before the organization was founded, naming the field, whatever the reason given', () => {
    expect(registerNote(note({ dated: '1992-05-14', backdatingReason: 'an old archive' }), context)).toEqual({
      ok: false,
      refusal: { field: 'dated', message: '1992-05-14 is before the organization was founded (1992-05-15)' },
    });
  });

  it('registers a note bearing a date that has begun east of the secretariat, refusing one still in the future', () => {
    expect(registerNote(note({ dated: '2026-12-07' }), { ...context, latestDate: '2026-12-07' }).ok).toBe(true);
    expect(registerNote(note({ dated: '2026-12-07' }), context)).toMatchObject({ ok: false, refusal: { field: 'dated', message: expect.stringContaining('in the future') as string } });
  });

  it('names a malformed field before asking for a reason', () => {
    expect(registerNote(note({ dated: '2020-01-01', authority: ' ' }), context)).toMatchObject({ ok: false, refusal: { field: 'authority' } });
  });
});
