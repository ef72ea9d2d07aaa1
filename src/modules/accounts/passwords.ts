/**
 * What a password must be: long enough (ASVS 2.1.1) and not one of those tried first, the most
 * common passwords of public breaches (ASVS 2.1.7). The list is zxcvbn-ts's (about 49,000
 * passwords, shipped in its package and read offline); no rule on the kinds of characters
 * (ASVS 2.1.9).
 */
import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD = 12;

let common: ReadonlySet<string> | undefined;

/** Why a password may not be chosen, or undefined when it may. */
export function passwordProblem(password: string): string | undefined {
  if (characters(password) < MIN_PASSWORD) return `expected at least ${MIN_PASSWORD} characters`;
  common ??= new Set(dictionary['passwords-common']);
  if (guessedAs(password).some((word) => common?.has(word))) return 'this is one of the most common passwords found in breaches (or one with digits or signs added), tried first by anyone guessing; choose another';
  if (new Set(password).size < 4) return 'a password of so few different characters is guessed at once; choose another';
  return undefined;
}

/**
 * What a guesser tries for a password: the list is in lower case ("Administrator" is tried as
 * early as "administrator"), and most of its words are shorter than the length asked, so the
 * digits and signs people add at either end ("iloveyou1234", "Password1234!") are taken off too.
 */
function guessedAs(password: string): string[] {
  const lower = password.normalize('NFKC').toLowerCase();
  const padding = /^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu;
  return [lower, lower.replace(padding, '')].filter((word) => word !== '');
}

/** A password's length as people count it: one for each character they typed, whatever the script. */
function characters(text: string): number {
  return [...new Intl.Segmenter().segment(text)].length;
}
