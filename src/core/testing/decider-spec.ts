/**
 * Given / when / then for a decider (STYLE.md; the specification style of Emmett's decider tests):
 * the events that came before, the command, and the events or the refusal expected. Every decider
 * in the core has the same shape, so one helper lets a spec read as the rule it checks, with no
 * database and no shell between the law and the test.
 *
 * Test support only: it imports vitest, and tsconfig.build.json keeps this folder out of dist.
 */
import { expect } from 'vitest';

interface Refusal {
  readonly code?: string;
  readonly field: string;
  readonly message: string;
}

type DeepPartial<T> = T extends object ? { readonly [K in keyof T]?: DeepPartial<T[K]> } : T;

type Outcome<E> = { readonly ok: true; readonly events: readonly E[] } | { readonly ok: false; readonly refusal: Refusal };

export interface Decider<C, S, E, O extends Outcome<E>> {
  readonly initial: S;
  readonly evolve: (state: S, event: E) => S;
  /** The decider's `decide` with its context (pack, party, …) already bound. */
  readonly decide: (command: C, state: S) => O;
}

export interface Then<S, E, O extends Outcome<E>> {
  /** Exactly these events. */
  then(expected: readonly E[]): void;
  /** These events, compared on the properties given: for long values such as an outcome's trace. */
  thenMatches(expected: readonly DeepPartial<E>[]): void;
  /** A refusal; only the properties given are compared, since messages are for people. */
  thenRefuses(expected: Partial<Extract<O, { ok: false }>['refusal']>): void;
  /** The command is accepted, and the state after its events satisfies `check`. */
  thenState(check: (state: S) => void): void;
}

export function deciderSpec<C, S, E, O extends Outcome<E>>(decider: Decider<C, S, E, O>) {
  return {
    given: (events: readonly E[]) => ({
      when: (command: C): Then<S, E, O> => {
        const before = events.reduce<S>(decider.evolve, decider.initial);
        const result = decider.decide(command, before);
        return {
          then: (expected) => {
            expect(result).toEqual({ ok: true, events: expected });
          },
          thenMatches: (expected) => {
            expect(result).toMatchObject({ ok: true, events: expected });
          },
          thenRefuses: (expected) => {
            expect(result).toMatchObject({ ok: false, refusal: expected });
          },
          thenState: (check) => {
            expect(result).toMatchObject({ ok: true });
            if (result.ok) check(result.events.reduce<S>(decider.evolve, before));
          },
        };
      },
    }),
  };
}
