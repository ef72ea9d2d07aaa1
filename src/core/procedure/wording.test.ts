import { describe, expect, it } from 'vitest';
import { listRu, membersRu, ofMembersRu, ruPlural } from './wording.js';

describe('Russian wording', () => {
  it('picks the form a count takes, teens included', () => {
    const forms = (n: number) => ruPlural(n, 'голос', 'голоса', 'голосов');
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map((n) => `${n} ${forms(n)}`)).toEqual([
      '1 голос', '2 голоса', '4 голоса', '5 голосов', '11 голосов', '12 голосов', '14 голосов', '21 голос', '22 голоса', '25 голосов', '101 голос', '111 голосов',
    ]);
    expect([membersRu(6), membersRu(15), ofMembersRu(6), ofMembersRu(21)]).toEqual(['членов', 'членов', 'членов', 'члена']);
  });

  it('joins states with "и"', () => {
    expect([listRu([]), listRu(['ARM']), listRu(['ARM', 'BLR']), listRu(['ARM', 'BLR', 'KAZ'])]).toEqual(['', 'ARM', 'ARM и BLR', 'ARM, BLR и KAZ']);
  });
});
