import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StorefrontError } from '../../src/core/errors.js';
import { toProblem } from '../src/http/errors.js';
import { localeOf } from '../src/http/problem.js';

describe('errors as problems', () => {
  it('answers a lost database connection with 503 unavailable and Retry-After', () => {
    for (const error of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      new Error('Connection terminated unexpectedly'),
    ]) {
      const problem = toProblem(error);
      assert.equal(problem.status, 503);
      assert.equal(problem.code, 'unavailable');
      assert.match(problem.headers['Retry-After'] ?? '', /^\d+$/);
    }
  });

  it('maps StorefrontErrors of the shared logic to their statuses', () => {
    assert.equal(toProblem(new StorefrontError('validation', 'x')).status, 400);
    assert.equal(toProblem(new StorefrontError('not-found', 'x')).status, 404);
    assert.equal(toProblem(new StorefrontError('conflict', 'x')).status, 409);
  });

  it('never leaks an unexpected error: 500 unavailable with a generic message', () => {
    const problem = toProblem(new Error('secret internals at /srv/app.ts:12'));
    assert.equal(problem.status, 500);
    assert.equal(problem.code, 'unavailable');
    assert.doesNotMatch(problem.message, /secret/);
  });

  it('picks zh-CN unless English is preferred', () => {
    const of = (header?: string) => localeOf({ headers: header === undefined ? {} : { 'accept-language': header } } as never);
    assert.equal(of(), 'zh-CN');
    assert.equal(of('en-GB,en;q=0.8'), 'en');
    assert.equal(of('fr-FR, en;q=0.5, zh;q=0.9'), 'zh-CN');
    assert.equal(of('de'), 'zh-CN');
  });
});
