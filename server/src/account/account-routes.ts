import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { normalizeEmail } from '../../../src/adapter/local/local-validation.js';
import { StorefrontError } from '../../../src/core/errors.js';
import type { SignInRequest, SignUpRequest } from '../../../src/core/types.js';
import { bearerToken, type ServerContext } from '../context.js';
import { contractRoute } from '../http/contract.js';
import { HttpProblem } from '../http/problem.js';
import { deleteSession, insertMember, insertSession, memberByEmail, memberOf } from './account-sql.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.js';

const SESSION_TTL_MS = 30 * 24 * 3_600_000;
const SIGN_IN_LIMIT = { max: 10, windowSeconds: 600 };

function email(value: string): string {
  try {
    return normalizeEmail(value);
  } catch (error) {
    if (error instanceof StorefrontError)
      throw new HttpProblem(
        400,
        'validation',
        'Enter a valid e-mail address.',
        { field: 'email' },
        undefined,
        {},
        '请输入有效的电子邮件地址。',
      );
    throw error;
  }
}

export function registerAccount(app: FastifyInstance, ctx: ServerContext): void {
  const newSession = async (memberId: string): Promise<string> => {
    const token = randomBytes(32).toString('base64url');
    await insertSession(ctx.db, token, memberId, ctx.now(), SESSION_TTL_MS);
    return token;
  };

  contractRoute<SignUpRequest>(app, 'POST', '/account/sign-up', {}, async (request, reply) => {
    await ctx.rateLimit(request, reply, 'account-sign-up', SIGN_IN_LIMIT);
    const address = email(request.body.email);
    const name = request.body.name.trim();
    if (!name) ctx.problem(400, 'validation', 'A name is required.', { field: 'name' });
    const row = {
      id: `m-${randomBytes(8).toString('hex')}`,
      email: address,
      name,
      tier: 'member' as const,
      shipping_card: false,
      since: ctx.now(),
      password_hash: await hashPassword(request.body.password),
    };
    if (!(await insertMember(ctx.db, row))) {
      throw new HttpProblem(
        409,
        'conflict',
        'This e-mail already has an account.',
        { field: 'email' },
        undefined,
        {},
        '该电子邮件已注册。',
      );
    }
    reply.code(201);
    return { member: memberOf(row), token: await newSession(row.id) };
  });

  contractRoute<SignInRequest>(app, 'POST', '/account/sign-in', {}, async (request, reply) => {
    await ctx.rateLimit(request, reply, 'account-sign-in', SIGN_IN_LIMIT);
    const address = email(request.body.email);
    const row = await memberByEmail(ctx.db, address);
    // An unknown e-mail checks a dummy hash: the same work and the same answer as a wrong password.
    const ok = await verifyPassword(request.body.password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !ok) {
      throw new HttpProblem(
        400,
        'validation',
        'The e-mail or password is not right.',
        { field: 'password' },
        undefined,
        {},
        '电子邮件或密码不正确。',
      );
    }
    return { member: memberOf(row), token: await newSession(row.id) };
  });

  contractRoute(app, 'POST', '/account/sign-out', {}, async (request, reply) => {
    const token = bearerToken(request);
    if (token) await deleteSession(ctx.db, token);
    return reply.code(204).send();
  });

  contractRoute(app, 'GET', '/account/me', {}, async (request) => ({ member: await ctx.member(request) }));
}
