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
  // The list is in lower case; "Administrator" is guessed as early as "administrator".
  if (common.has(password.normalize('NFKC').toLowerCase())) return 'this is one of the most common passwords found in breaches, tried first by anyone guessing; choose another';
  return undefined;
}

/** A password's length as people count it: one for each character they typed, whatever the script. */
function characters(text: string): number {
  return [...new Intl.Segmenter().segment(text)].length;
}
