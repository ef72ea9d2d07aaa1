/**
 * The link sent with a notification. Opening it only shows what it acknowledges: mail scanners
 * and link previews open links on their own, and a receipt must be an act of the recipient. The
 * page's button posts back to the same address, and that post is what records the receipt.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ackLinkSubject, acknowledge, type AckLinkSubject, type Concord } from '../../app/index.js';
import { memberName } from '../../core/framework/index.js';
import { Key } from '../../server/schemas.js';

const Token = Type.Object({ token: Key(512) });
const tags = ['Decisions'];

export function acknowledgementLinkRoutes(app: FastifyInstance, c: Concord): void {
  app.get('/ack/:token', { schema: { tags, summary: 'What an acknowledgement link acknowledges, with a button to confirm; opening it records nothing', params: Token } }, async (request, reply) => {
    const subject = await ackLinkSubject(c, tokenOf(request));
    if (!subject) return page(reply, c, 404, ['This link names no notification.', 'Ссылка не соответствует ни одному уведомлению.']);
    if (subject.acknowledgedAt !== null) {
      return page(reply, c, 200, [`Receipt was acknowledged on ${subject.acknowledgedAt}.`, `Получение подтверждено ${subject.acknowledgedAt}.`], subject);
    }
    return page(reply, c, 200, ['Confirm that your authorities have received this decision.', 'Подтвердите, что ваши компетентные органы получили это решение.'], subject, true);
  });

  // Browsers post the page's form as urlencoded; the form carries nothing, so nothing is parsed.
  void app.register((scope, _options, done) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, _body, parsed) => {
      parsed(null, {});
    });
    scope.post('/ack/:token', { schema: { tags, summary: 'Acknowledge a notification by its link, once', params: Token } }, async (request, reply) => {
      // Anyone can post to a link: a refused one is logged, not written into the ledger.
      const result = await acknowledge(c, { token: tokenOf(request) }, { actor: 'link', quiet: true });
      if (result.ok) {
        const state = result.value.state;
        return page(reply, c, 200, [`Receipt acknowledged for ${state}.`, `Получение подтверждено (${state}).`]);
      }
      request.log.warn({ refusal: result.refusal }, 'refused: acknowledgement link');
      const { code } = result.refusal;
      if (code === 'not-found') return page(reply, c, 404, ['This link names no notification.', 'Ссылка не соответствует ни одному уведомлению.']);
      // Pressed twice, or by two people at once: the receipt is on record either way.
      if (code === 'conflict') {
        return page(reply, c, 409, ['Receipt of this decision is already acknowledged.', 'Получение этого решения уже подтверждено.']);
      }
      return page(reply, c, 400, ['This link is not valid.', 'Ссылка недействительна.']);
    });
    done();
  });
}

function tokenOf(request: FastifyRequest): string {
  return (request.params as { token: string }).token;
}

// The desk's colours and type, inline: the page stands alone, outside the web application.
const STYLE = `body{margin:0;background:#f3f4f6;color:#1b1f24;font:15px/1.45 system-ui,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif}
header{background:#14325c;color:#fff;padding:.8rem 1.5rem;font-weight:600}main{max-width:40rem;margin:2rem auto;background:#fff;border:1px solid #c9ced6;border-radius:6px;padding:1.5rem 2rem}
h1{font-size:1.35rem;margin:0 0 .5rem}.meta{color:#4a5460}button{font:inherit;font-weight:600;background:#1d4f91;color:#fff;border:0;border-radius:4px;padding:.6rem 1.2rem;cursor:pointer}
button:hover{background:#143a6b}button:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}`;

function page(reply: FastifyReply, c: Concord, status: number, lines: readonly string[], subject?: AckLinkSubject, confirm = false): FastifyReply {
  const organization = c.pack.organization.name;
  const heading = subject
    ? `<h1>${escapeHtml(subject.title.en)}<br><span lang="ru">${escapeHtml(subject.title.ru)}</span></h1>` +
      `<p class="meta">${escapeHtml(subject.decisionId)} · ${escapeHtml(memberName(c.pack, subject.state))} · <span lang="ru">${escapeHtml(memberName(c.pack, subject.state, 'ru'))}</span></p>`
    : '';
  // No action: the form posts to the address it was opened at, whatever prefix a proxy put before it.
  const form = confirm ? '<form method="post"><button type="submit">Acknowledge receipt · Подтвердить получение</button></form>' : '';
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Concord · ${escapeHtml(organization.en)}</title><style>${STYLE}</style></head>` +
        `<body><header>${escapeHtml(organization.en)} · <span lang="ru">${escapeHtml(organization.ru ?? organization.en)}</span></header><main>${heading}${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}${form}</main></body></html>`,
    );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
