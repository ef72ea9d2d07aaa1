/**
 * What the spring 2024 scenario records, as data: the acts of the CSTO bodies, Armenia's notices
 * and the public statements of February–March 2024, each with its documented date and its source.
 * Where the sources leave a detail open (a note's number, the hour of an act, the documents of a
 * session one by one) the record says so instead of inventing it. The open procedure at the end
 * is a demonstration item, marked as one in both languages.
 */
import type { OfficialNote, PublicStatement } from '../core/correspondence/index.js';
import { inBothLanguages } from '../core/membership/index.js';

/** Plain-text fields (notes, statements) carry both languages, English first. */

/** The sources give days, not hours: noon UTC stands for the day of each act. */
export function middayOf(date: string): string {
  return `${date}T12:00:00Z`;
}

export const CSTO_MEMBERS = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'] as const;
export const TOOK_PART = CSTO_MEMBERS.filter((m) => m !== 'ARM');

const NUMBER_NOT_DOCUMENTED = inBothLanguages({ en: 'number not documented (reconstruction)', ru: 'номер не установлен (реконструкция)' });

// ── Minsk, 22–23 November 2023 ──────────────────────────────────────────────────────────────
// Armenia stayed away from the joint ministerial session and from the Council; the others adopted
// the agreed documents, which were to be passed to Armenia in the hope that it would join them
// (RFE/RL, Nov 2023; Russian MFA, 23 Nov 2023). The Secretary General later handed them to
// Armenia's foreign minister (Azatutyun, early 2024).

export const MINSK = {
  session: { id: 'S-2023-11-23-minsk', body: 'collective-security-council', date: '2023-11-23', place: 'Minsk' },
  documents: {
    id: 'D-2023-11-23-minsk-documents',
    title: {
      en: 'Documents agreed for the Minsk session of the Collective Security Council',
      ru: 'Документы, согласованные к сессии Совета коллективной безопасности в Минске',
    },
    text: {
      en: 'The Council adopts the documents agreed by its ministerial bodies for this session. They are to be passed to Armenia, which may join them later. Reconstruction: the documents are not listed one by one.',
      ru: 'Совет принимает документы, согласованные его министерскими органами к настоящей сессии. Документы передаются Армении, которая может присоединиться к ним позднее. Реконструкция: перечень документов не приводится.',
    },
    body: 'collective-security-council',
    question: 'substantive',
    initiator: 'Secretariat',
    draftedOn: '2023-11-23',
  },
  // Armenia did not join the decision of 23 Nov 2023 on the 2024 budget and does not fund it, but
  // does not oppose its adoption in limited format (Armenian MFA, May 2024, reported by Trend.az).
  budget: {
    id: 'D-2023-11-23-budget-2024',
    title: { en: 'On the CSTO budget for 2024', ru: 'О бюджете Организации Договора о коллективной безопасности на 2024 год' },
    text: {
      en: 'The budget of the Organization for 2024 is approved. Reconstruction: the figures are not reproduced.',
      ru: 'Утвердить бюджет Организации на 2024 год. Реконструкция: показатели бюджета не приводятся.',
    },
    body: 'collective-security-council',
    question: 'substantive',
    initiator: 'Secretariat',
    draftedOn: '2023-11-23',
  },
} as const;

/**
 * The sources place Armenia's position on the budget in May 2024 without a day: the last day of
 * that month is used, so that nothing is taken as known earlier than the sources allow.
 */
export const BUDGET_NOTICE: Omit<OfficialNote, 'id'> = {
  sender: 'ARM',
  authority: 'Ministry of Foreign Affairs of the Republic of Armenia',
  reference: NUMBER_NOT_DOCUMENTED,
  dated: '2024-05-31',
  kind: 'no-objection-notice',
  subject: inBothLanguages({
    en: 'Armenia does not join the Council decision of 23 November 2023 on the 2024 budget and does not fund it, but does not oppose its adoption in limited format',
    ru: 'Армения не присоединяется к решению Совета от 23 ноября 2023 года о бюджете на 2024 год и не участвует в его финансировании, но не возражает против его принятия в ограниченном формате',
  }),
};

// ── Almaty, 31 May 2024 ─────────────────────────────────────────────────────────────────────
// The defence ministers met without Armenia, which had told the Secretariat that it did not
// object; the decisions were taken in limited format (Sputnik Kazakhstan, 31 May 2024).

export const ALMATY = {
  session: { id: 'S-2024-05-31-almaty', body: 'council-of-defence-ministers', date: '2024-05-31', place: 'Almaty' },
  documents: {
    id: 'D-2024-05-31-almaty-defence',
    title: {
      en: 'Decisions of the Council of Defence Ministers, Almaty session of 31 May 2024',
      ru: 'Решения Совета министров обороны, заседание в Алматы 31 мая 2024 года',
    },
    text: {
      en: 'The Council adopts the documents on the agenda of its Almaty session. Reconstruction: the documents are not listed one by one.',
      ru: 'Совет принимает документы, внесённые в повестку дня заседания в Алматы. Реконструкция: перечень документов не приводится.',
    },
    body: 'council-of-defence-ministers',
    question: 'substantive',
    initiator: 'Secretariat',
    draftedOn: '2024-05-31',
  },
} as const;

export const ALMATY_NOTICE: Omit<OfficialNote, 'id'> = {
  sender: 'ARM',
  // The sources say Armenia told the Secretariat, not which authority did.
  authority: 'Republic of Armenia',
  reference: NUMBER_NOT_DOCUMENTED,
  dated: '2024-05-31',
  kind: 'no-objection-notice',
  subject: inBothLanguages({
    en: 'Armenia does not object to the Council of Defence Ministers adopting the documents of its Almaty session of 31 May 2024 in limited format',
    ru: 'Армения не возражает против принятия Советом министров обороны документов заседания в Алматы 31 мая 2024 года в ограниченном формате',
  }),
};

// ── Said in public, February–March 2024 ─────────────────────────────────────────────────────
// None of these is a notification: Armenia's standing does not move (no suspension decision, no
// withdrawal notice is on record).

export const STATEMENTS: readonly (Omit<PublicStatement, 'id'> & { readonly key: string })[] = [
  {
    key: 'statement:2024-02-22:pashinyan',
    speaker: 'Nikol Pashinyan, Prime Minister of Armenia',
    state: 'ARM',
    venue: 'Interview with France 24',
    // Reported on 22–23 February 2024; the interview is taken as given on the 22nd.
    saidOn: '2024-02-22',
    url: 'https://novayagazeta.eu/articles/2024/02/23/armenia-suspends-participation-in-russian-led-collective-security-treaty-organisation-en-news',
    summary: inBothLanguages({ en: 'Says that Armenia’s participation in the CSTO is frozen', ru: 'Заявляет, что участие Армении в ОДКБ заморожено' }),
  },
  {
    key: 'statement:2024-02-23:secretariat',
    speaker: 'CSTO Secretariat',
    state: 'ARM',
    venue: 'Sputnik',
    saidOn: '2024-02-23',
    url: 'https://sputnikglobe.com/20240223/csto-receives-no-notices-from-yerevan-on-membership-suspension-1116935206.html',
    summary: inBothLanguages({
      en: 'Says that no notice from Yerevan on suspending its participation has been received',
      ru: 'Сообщает, что уведомлений Еревана о приостановлении участия не поступало',
    }),
  },
  {
    key: 'statement:2024-03-12:secretary-general',
    speaker: 'Tasmagambetov, Secretary General of the CSTO',
    state: 'ARM',
    venue: 'TASS',
    saidOn: '2024-03-12',
    url: 'https://news.az/news/no-requests-on-armenias-possible-suspension-within-organization-csto-chief',
    summary: inBothLanguages({
      en: 'Yerevan takes no part in the Secretariat’s work, but has made no official request to suspend its membership; the Organization works within its legal framework',
      ru: 'Ереван не участвует в работе Секретариата, однако официальной просьбы о приостановлении членства не направлял; Организация действует в рамках своей правовой базы',
    }),
  },
  {
    key: 'statement:2024-03-28:secretary-general',
    speaker: 'Tasmagambetov, Secretary General of the CSTO',
    state: 'ARM',
    venue: 'Interview with the magazine “National Defence”',
    saidOn: '2024-03-28',
    url: 'https://en.vestikavkaza.ru/material/167344',
    summary: inBothLanguages({
      en: 'The Secretariat keeps Yerevan’s competent bodies informed of the decisions taken and of the items on the agenda',
      ru: 'Секретариат продолжает информировать компетентные органы Еревана о принятых решениях и о вопросах повестки дня',
    }),
  },
];

// ── The open procedure (demonstration) ──────────────────────────────────────────────────────

/** Days from the demo's present to the deadline of the open procedure. */
export const OPEN_PROCEDURE_DAYS = 7;

export const OPEN_PROCEDURE = {
  id: 'D-demo-written-procedure',
  title: {
    en: 'Demonstration item: dates of the next meetings of the Permanent Council',
    ru: 'Демонстрационный пункт: сроки следующих заседаний Постоянного совета',
  },
  text: {
    en: 'Demonstration item, not an act of the Organization. The Permanent Council is invited to agree in writing on the dates of its next meetings proposed by the Secretariat. Each member state records its position before the deadline.',
    ru: 'Демонстрационный пункт, не являющийся актом Организации. Постоянному совету предлагается в письменном порядке согласовать предложенные Секретариатом сроки его следующих заседаний. Каждое государство-член вносит свою позицию до истечения срока.',
  },
  body: 'permanent-council',
  question: 'procedural',
  initiator: 'Secretariat',
  /** Positions already in when a newcomer arrives; the other members are awaited. */
  positionsIn: ['KAZ', 'RUS'],
} as const;
