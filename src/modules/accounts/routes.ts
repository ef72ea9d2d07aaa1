/**
 * Signing in and out, the password, API tokens, and the administrator's accounts.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { desk, refuse, signIn, signOut, type Account as AccountRecord, type ApiToken, type Concord } from '../../app/index.js';
import { idOf, named, read, SIGN_IN_COOKIE, SIGNED_IN, write } from '../../server/plumbing.js';
import { problem, refusalStatus } from '../../server/problems.js';
import type { RouteSettings } from '../module.js';
import { RoleBody } from './schemas.js';
import { Account, Empty, Key, NewAccountBody, NewTokenBody, PasswordBody, SessionInfo, SignInBody, Token, type Body } from '../../server/schemas.js';

const tags = ['Accounts'];

export function accountRoutes(app: FastifyInstance, c: Concord, options: RouteSettings): void {
  app.post(
    '/api/session',
    {
      schema: { tags, summary: 'Sign in: sets the session cookie and returns the CSRF token for writes', body: SignInBody, response: { 200: SessionInfo } },
      config: { rateLimit: { max: options.signInPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { username, password } = request.body as Body<typeof SignInBody>;
      const result = await signIn(c, username, password, options.signInBackoffMs);
      if (!result.ok) {
        request.log.warn({ username, ip: request.ip, reason: result.reason }, 'refused: sign-in');
        return problem(reply, 401, result.message, 'password');
      }
      const { sessionId, csrfToken, account, expiresAt } = result.value;
      void reply.setCookie(SIGN_IN_COOKIE, sessionId, { path: '/', httpOnly: true, sameSite: 'strict', secure: 'auto', expires: new Date(expiresAt) });
      return { account, csrfToken };
    },
  );

  app.get('/api/session', { schema: { tags, summary: 'Who is signed in, with the CSRF token', response: { 200: SessionInfo } } }, async (request, reply) => {
    if (request.via !== 'cookie' || !request.account || request.csrfToken === undefined) return problem(reply, 401, request.credentialProblem ?? 'not signed in', 'session');
    return { account: request.account, csrfToken: request.csrfToken };
  });

  app.delete('/api/session', { schema: { tags, summary: 'Sign out' } }, async (request, reply) => {
    const cookie = request.cookies[SIGN_IN_COOKIE];
    if (request.via === 'cookie' && request.headers['x-csrf-token'] !== request.csrfToken) return problem(reply, 403, 'signing out with the session cookie needs its X-CSRF-Token header', 'X-CSRF-Token');
    if (cookie !== undefined) await signOut(c, cookie);
    return reply.clearCookie(SIGN_IN_COOKIE, { path: '/' }).code(204).send();
  });

  // A check of the current password, limited like signing in: guessing here is guessing there.
  const passwordRoute = {
    config: { ...SIGNED_IN, rateLimit: { max: options.signInPerMinute, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Change the password (first of all after a one-time password)', body: PasswordBody, response: { 200: Account } },
  };
  app.post('/api/session/password', passwordRoute, async (request, reply) => {
    if (request.via !== 'cookie' || !request.who) return problem(reply, 401, 'sign in with the current password first', 'session');
    if (request.headers['x-csrf-token'] !== request.csrfToken) return problem(reply, 403, 'a write made with the session cookie must carry its X-CSRF-Token header', 'X-CSRF-Token');
    const result = await desk.newPassword(c, request.who, request.body as Body<typeof PasswordBody>, request.cookies[SIGN_IN_COOKIE]);
    if (!result.ok) return problem(reply, refusalStatus(result.refusal), result.refusal.message, result.refusal.field, result.refusal.code);
    return result.value;
  });

  read(app, '/api/tokens', { schema: { tags, summary: 'The API tokens of the signed-in account', response: { 200: Type.Object({ tokens: Type.Array(Token) }) } } }, (_request, who) =>
    named('tokens', desk.ownTokens(c, who)),
  );

  write<{ token: ApiToken; secret: string }>(
    app,
    c,
    'POST',
    '/api/tokens',
    {
      created: true,
      keep: ({ token }) => ({ token, secret: '(shown once, in the first answer)' }),
      schema: { tags, summary: 'Issue an API token for a system; the secret is shown once', body: NewTokenBody, response: { 201: Type.Object({ token: Token, secret: Type.String() }) } },
    },
    async (request, who) => {
      if (request.via !== 'cookie') return refuse(c, 'issue token', { code: 'forbidden', field: 'Authorization', message: 'a token cannot issue tokens; sign in with a password' }, desk.actorOf(who));
      return desk.newToken(c, who, request.body as Body<typeof NewTokenBody>);
    },
  );

  write(app, c, 'DELETE', '/api/tokens/:id', { schema: { tags, summary: 'Revoke a token', params: Type.Object({ id: Key() }), response: { 200: Token } } }, (request, who) =>
    desk.revoke(c, who, idOf(request.params)),
  );

  read(app, '/api/accounts', { schema: { tags, summary: 'Every account (administrator)', response: { 200: Type.Object({ accounts: Type.Array(Account) }) } } }, (_request, who) =>
    named('accounts', desk.accounts(c, who)),
  );

  write<{ account: AccountRecord; oneTimePassword: string | undefined }>(
    app,
    c,
    'POST',
    '/api/accounts',
    {
      created: true,
      keep: ({ account }) => ({ account }),
      schema: { tags, summary: 'Create an account (administrator); without a password, a one-time password is returned; either is changed at the first sign-in', body: NewAccountBody, response: { 201: Type.Object({ account: Account, oneTimePassword: Type.Optional(Type.String()) }) } },
    },
    (request, who) => desk.addAccount(c, who, request.body as Body<typeof NewAccountBody>),
  );

  write(
    app,
    c,
    'POST',
    '/api/accounts/:username/disable',
    { schema: { tags, summary: 'Disable an account: its sessions end, its tokens are revoked', params: Type.Object({ username: Key(63) }), body: Empty, response: { 200: Account } } },
    (request, who) => desk.disable(c, who, (request.params as { username: string }).username),
  );

  write(
    app,
    c,
    'POST',
    '/api/accounts/:username/role',
    { schema: { tags, summary: 'Give an account another role (administrator); the last active administrator keeps theirs', params: Type.Object({ username: Key(63) }), body: RoleBody, response: { 200: Account } } },
    (request, who) => desk.assignRole(c, who, (request.params as { username: string }).username, request.body as RoleBody),
  );

  write<{ account: AccountRecord; oneTimePassword: string }>(
    app,
    c,
    'POST',
    '/api/accounts/:username/password-reset',
    {
      keep: ({ account }) => ({ account, oneTimePassword: '(shown once, in the first answer)' }),
      schema: {
        tags,
        summary: 'Reset a password (administrator): a one-time password, to be changed at the first sign-in; the account’s sessions end',
        params: Type.Object({ username: Key(63) }),
        body: Empty,
        response: { 200: Type.Object({ account: Account, oneTimePassword: Type.String() }) },
      },
    },
    (request, who) => desk.reset(c, who, (request.params as { username: string }).username),
  );
}
