import { expect } from '@open-wc/testing';
import { RestAdapter, type RestAdapterOptions } from '../../src/adapter/rest/rest-adapter.js';
import { StorefrontError } from '../../src/core/errors.js';
import { expectRejection } from '../adapters/conformance.js';
import { product } from '../helpers/fixtures.js';
import { FakeFetch, json, problem, recordedRetry, text } from './rest-fake-fetch.js';

const ENDPOINT = 'https://shop.example/api';

function adapter(fake: FakeFetch, options: Partial<RestAdapterOptions> = {}): RestAdapter {
  return new RestAdapter({ endpoint: ENDPOINT, fetch: fake.fetch, ...options });
}

const entry = { id: 'g-1', topic: 'site', author: '小明', body: '好', createdAt: 1, replies: [] };
const post = { topic: 'site', author: '小明', body: '好' };

describe('RestAdapter: endpoint and requests', () => {
  it('normalizes trailing slashes and accepts a path on this site', async () => {
    const fake = new FakeFetch(() => json(200, { items: [], total: 0 }));
    await new RestAdapter({ endpoint: 'https://shop.example/api///', fetch: fake.fetch }).catalog.list({});
    await new RestAdapter({ endpoint: '/api/', fetch: fake.fetch }).catalog.list({});
    await new RestAdapter({ endpoint: 'HTTP://Shop.Example:8080', fetch: fake.fetch }).catalog.list({});
    expect(fake.requests.map((request) => request.url)).to.deep.equal([
      'https://shop.example/api/products',
      '/api/products',
      'http://shop.example:8080/products',
    ]);
  });

  for (const bad of [
    'ftp://shop.example/api',
    'shop.example/api',
    '//evil.example/api',
    '',
    'javascript:alert(1)',
    42,
    undefined,
  ]) {
    it(`refuses the endpoint ${JSON.stringify(bad)} as config`, () => {
      let failure: unknown;
      try {
        new RestAdapter({ endpoint: bad as string });
      } catch (error) {
        failure = error;
      }
      expect(failure).to.be.instanceOf(StorefrontError);
      expect((failure as StorefrontError).code).to.equal('config');
    });
  }

  it('sends the query, Accept-Language from the call, no cookies, and no key on a read', async () => {
    const fake = new FakeFetch(() => json(200, { items: [], total: 0 }));
    await adapter(fake, { headers: { 'X-Shop': 'demo' } }).catalog.list(
      { series: 'cloud-cotton', query: '纯棉 T', sort: 'price-asc', page: 2, pageSize: 5 },
      { locale: 'en' },
    );
    const url = new URL(fake.last.url);
    expect(url.pathname).to.equal('/api/products');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({
      series: 'cloud-cotton',
      query: '纯棉 T',
      sort: 'price-asc',
      page: '2',
      pageSize: '5',
    });
    expect(fake.last.method).to.equal('GET');
    expect(fake.last.headers.get('Accept-Language')).to.equal('en');
    expect(fake.last.headers.get('X-Shop')).to.equal('demo');
    expect(fake.last.headers.has('Idempotency-Key')).to.be.false;
    expect(fake.last.headers.has('Authorization')).to.be.false;
    expect(fake.last.credentials).to.equal('omit');
  });

  it('sends a write as JSON with its Idempotency-Key', async () => {
    const fake = new FakeFetch(() => json(201, entry));
    await adapter(fake).guestbook.post({ ...post, rating: 5 }, { idempotencyKey: 'key-1' });
    expect(fake.last.method).to.equal('POST');
    expect(fake.last.url).to.equal(`${ENDPOINT}/guestbook`);
    expect(fake.last.headers.get('Idempotency-Key')).to.equal('key-1');
    expect(fake.last.headers.get('Content-Type')).to.equal('application/json');
    expect(fake.body()).to.deep.equal({ ...post, rating: 5 });
  });
});

describe('RestAdapter: timeout and abort', () => {
  it('fails a hanging call as timeout, after its attempts', async () => {
    const { retry, waits } = recordedRetry(2);
    const fake = new FakeFetch(() => 'hang');
    await expectRejection(() => adapter(fake, { timeout: 20, retry }).catalog.facets(), 'timeout', 'facets');
    expect(fake.requests).to.have.length(2);
    expect(waits).to.have.length(1);
    expect(fake.requests[0]!.signal?.aborted, 'the attempt was aborted').to.be.true;
  });

  it('fails as aborted when the caller aborts mid-request, without a retry', async () => {
    const controller = new AbortController();
    const fake = new FakeFetch(() => {
      queueMicrotask(() => controller.abort());
      return 'hang-until-aborted';
    });
    await expectRejection(() => adapter(fake).catalog.facets({ signal: controller.signal }), 'aborted', 'facets');
    expect(fake.requests).to.have.length(1);
  });

  it('sends nothing with an already aborted signal', async () => {
    const fake = new FakeFetch(() => json(200, {}));
    await expectRejection(() => adapter(fake).catalog.get('A', { signal: AbortSignal.abort() }), 'aborted', 'get');
    expect(fake.requests).to.have.length(0);
  });

  it('stops waiting between attempts when the caller aborts', async () => {
    const controller = new AbortController();
    const fake = new FakeFetch(() => problem(503, { code: 'unavailable' }));
    const call = adapter(fake, { retry: { baseDelay: 60_000, maxDelay: 60_000, random: () => 0.9 } }).catalog.facets({
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    await expectRejection(() => call, 'aborted', 'facets');
    expect(fake.requests).to.have.length(1);
  });
});

describe('RestAdapter: retries', () => {
  it('retries a GET on 503 with exponential backoff and full jitter', async () => {
    const { retry, waits } = recordedRetry();
    const fake = new FakeFetch().then(problem(503, { code: 'unavailable' }), text(502, '<html>Bad gateway</html>'));
    fake.always(() => json(200, { series: [], categories: [] }));
    expect(await adapter(fake, { retry }).catalog.facets()).to.deep.equal({ series: [], categories: [] });
    expect(fake.requests).to.have.length(3);
    // random() = 0.5 of 300 ms, then of 600 ms.
    expect(waits).to.deep.equal([150, 300]);
  });

  it('gives up after three attempts with the last failure', async () => {
    const { retry, waits } = recordedRetry();
    const fake = new FakeFetch(() => text(500, 'Internal error', 'text/plain'));
    const error = await expectRejection(() => adapter(fake, { retry }).help.articles(), 'unavailable', 'articles');
    expect(error.detail.status).to.equal(500);
    expect(fake.requests).to.have.length(3);
    expect(waits).to.have.length(2);
  });

  it('retries a network failure of a read', async () => {
    const { retry } = recordedRetry();
    const fake = new FakeFetch().then(new TypeError('Failed to fetch'));
    fake.always(() => json(200, { items: [] }));
    expect(await adapter(fake, { retry }).catalog.promotions()).to.deep.equal([]);
    expect(fake.requests).to.have.length(2);
    const down = new FakeFetch(() => new TypeError('Failed to fetch'));
    await expectRejection(() => adapter(down, { retry }).catalog.promotions(), 'network', 'promotions');
    expect(down.requests).to.have.length(3);
  });

  it('retries a keyed write with the same Idempotency-Key', async () => {
    const { retry } = recordedRetry();
    const fake = new FakeFetch().then(new TypeError('Failed to fetch'), problem(503, { code: 'unavailable' }));
    fake.always(() => json(201, entry));
    expect((await adapter(fake, { retry }).guestbook.post(post, { idempotencyKey: 'same-key' })).id).to.equal('g-1');
    expect(fake.requests.map((request) => request.headers.get('Idempotency-Key'))).to.deep.equal([
      'same-key',
      'same-key',
      'same-key',
    ]);
  });

  it('retries a keyed write whose first request is still running (409 in-progress)', async () => {
    const { retry, waits } = recordedRetry();
    const fake = new FakeFetch().then(problem(409, { code: 'conflict', reason: 'in-progress' }, { 'Retry-After': '1' }));
    fake.always(() => json(201, entry));
    await adapter(fake, { retry }).guestbook.post(post, { idempotencyKey: 'k' });
    expect(waits).to.deep.equal([1000]);
  });

  it('never retries a write without an idempotency key', async () => {
    const { retry, waits } = recordedRetry();
    const down = new FakeFetch(() => new TypeError('Failed to fetch'));
    await expectRejection(
      () => adapter(down, { retry }).account.signIn({ email: 'a@b.cn', password: 'x' }),
      'network',
      'sign-in',
    );
    await expectRejection(() => adapter(down, { retry }).orders.track('SF1', '1234'), 'network', 'track');
    await expectRejection(() => adapter(down, { retry }).newsletter.confirm('token'), 'network', 'confirm');
    const failing = new FakeFetch(() => problem(503, { code: 'unavailable' }, { 'Retry-After': '1' }));
    await expectRejection(() => adapter(failing, { retry }).newsletter.unsubscribe('token'), 'unavailable', 'unsubscribe');
    expect(down.requests).to.have.length(3);
    expect(failing.requests).to.have.length(1);
    expect(waits).to.deep.equal([]);
  });

  it('does not retry what a retry cannot fix (400, 404, a malformed 200)', async () => {
    const { retry } = recordedRetry();
    const fake = new FakeFetch().then(problem(400, { code: 'validation' }), text(200, 'oops'));
    await expectRejection(() => adapter(fake, { retry }).catalog.list({ page: 0 }), 'validation', 'list');
    await expectRejection(() => adapter(fake, { retry }).catalog.facets(), 'invalid-response', 'facets');
    expect(fake.requests).to.have.length(2);
  });

  it('honours Retry-After in seconds and as an HTTP date on 429 and 503', async () => {
    const { retry, waits } = recordedRetry();
    const fake = new FakeFetch().then(
      problem(429, { code: 'rate-limited' }, { 'Retry-After': '2' }),
      problem(503, { code: 'unavailable' }, { 'Retry-After': new Date(Date.now() + 3_000).toUTCString() }),
    );
    fake.always(() => json(200, { items: [] }));
    await adapter(fake, { retry }).help.articles();
    expect(waits[0]).to.equal(2000);
    // An HTTP date has whole seconds: between 1 and 3 s from now.
    expect(waits[1]).to.be.within(1000, 3000);
  });

  it('fails at once with retryAfter when the server asks for a longer wait than the cap', async () => {
    const { retry, waits } = recordedRetry();
    const fake = new FakeFetch(() => problem(429, { code: 'rate-limited', detail: '请求太频繁' }, { 'Retry-After': '60' }));
    const error = await expectRejection(
      () => adapter(fake, { retry }).guestbook.post(post, { idempotencyKey: 'k' }),
      'rate-limited',
      'post',
    );
    expect(error.detail.retryAfter).to.equal(60);
    expect(error.message).to.equal('请求太频繁');
    expect(fake.requests).to.have.length(1);
    expect(waits).to.deep.equal([]);
  });
});

describe('RestAdapter: answers', () => {
  const cases: [string, Response, string][] = [
    ['garbage', text(200, '}{ not json', 'application/json'), 'invalid-response'],
    ['an HTML page from a proxy', text(200, '<!doctype html><title>Login</title>'), 'invalid-response'],
    ['a number', json(200, 42), 'invalid-response'],
    ['null', json(200, null), 'invalid-response'],
    ['an array', json(200, []), 'invalid-response'],
    ['a wrong shape', json(200, { items: 'none', total: 3 }), 'invalid-response'],
    ['an empty body', text(200, '', 'application/json'), 'invalid-response'],
    ['500 garbage', text(500, 'Traceback...', 'text/plain'), 'unavailable'],
    ['a 502 HTML page', text(502, '<html>nginx</html>'), 'unavailable'],
  ];
  for (const [label, response, code] of cases) {
    it(`turns ${label} into ${code}`, async () => {
      const fake = new FakeFetch(() => response);
      await expectRejection(() => adapter(fake, { retry: { attempts: 1 } }).catalog.list({}), code as 'invalid-response', label);
    });
  }

  it('rejects a product that fails validation as invalid-response', async () => {
    const fake = new FakeFetch(() => json(200, { ...product('A', 100), price: { amount: 1.5, currency: 'CNY' } }));
    const error = await expectRejection(() => adapter(fake).catalog.get('A'), 'invalid-response', 'get');
    expect(error.message).to.contain('price.amount');
  });

  it('keeps the valid products of a page and counts only those', async () => {
    const items = [product('A', 100), { sku: 'B' }, product('C', 300), 'x'];
    const fake = new FakeFetch(() => json(200, { items, total: 10 }));
    const page = await adapter(fake).catalog.list({});
    expect(page.items.map((item) => item.sku)).to.deep.equal(['A', 'C']);
    expect(page.total).to.equal(8);
  });

  it('resolves null for an unknown sku and an order that does not match', async () => {
    const fake = new FakeFetch(() => problem(404, { code: 'not-found', detail: '没有这个商品' }));
    expect(await adapter(fake).catalog.get('NOPE')).to.equal(null);
    expect(fake.last.url).to.equal(`${ENDPOINT}/products/NOPE`);
    expect(await adapter(fake).orders.track('SF1', '1234')).to.equal(null);
    await expectRejection(() => adapter(fake).newsletter.confirm('t'), 'not-found', 'confirm');
  });

  it('encodes a sku in the path', async () => {
    const fake = new FakeFetch(() => problem(404, { code: 'not-found' }));
    await adapter(fake).catalog.get('a/b?c#d 纯');
    expect(fake.last.url).to.equal(`${ENDPOINT}/products/a%2Fb%3Fc%23d%20%E7%BA%AF`);
  });
});

describe('RestAdapter: problem+json', () => {
  it('keeps the code, the localized detail as the message, and the field errors', async () => {
    const fake = new FakeFetch(() =>
      problem(400, {
        code: 'validation',
        title: '请求无效',
        detail: '留言内容不能为空',
        errors: [{ field: 'body', message: '不能为空' }],
      }),
    );
    const error = await expectRejection(() => adapter(fake).guestbook.post(post, { idempotencyKey: 'k' }), 'validation', 'post');
    expect(error.message).to.equal('留言内容不能为空');
    expect(error.detail).to.deep.include({ status: 400, field: 'body', errors: [{ field: 'body', message: '不能为空' }] });
  });

  it('carries a moved checkout total as detail.actual', async () => {
    const actual = { amount: 12_900, currency: 'CNY' };
    const fake = new FakeFetch(() => problem(409, { code: 'conflict', detail: '价格已变化', actual }));
    const error = await expectRejection(
      () =>
        adapter(fake).checkout.begin(
          { lines: [{ sku: 'A', quantity: 1 }], paymentMethod: 'alipay', expectedTotal: { amount: 9_900, currency: 'CNY' } },
          { idempotencyKey: 'k' },
        ),
      'conflict',
      'begin',
    );
    expect(error.detail.actual).to.deep.equal(actual);
  });

  it('reads extension members nested under detail too', async () => {
    const fake = new FakeFetch(() => problem(422, { code: 'conflict', detail: { reason: 'idempotency-key-reused' } }));
    const error = await expectRejection(
      () => adapter(fake).feedback.send({ message: 'hi', pageUrl: '/' }, { idempotencyKey: 'k' }),
      'conflict',
      'send',
    );
    expect(error.detail.reason).to.equal('idempotency-key-reused');
  });

  const byStatus: [number, string][] = [
    [400, 'validation'],
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'not-found'],
    [409, 'conflict'],
    [413, 'validation'],
    [415, 'validation'],
    [422, 'conflict'],
    [429, 'rate-limited'],
    [501, 'unsupported'],
    [503, 'unavailable'],
  ];
  for (const [status, code] of byStatus) {
    it(`maps ${status} with an unknown code to ${code}`, async () => {
      const fake = new FakeFetch(() => problem(status, { code: 'something-new' }));
      const error = await expectRejection(
        () => adapter(fake, { retry: { attempts: 1 } }).newsletter.confirm('t'),
        code as 'validation',
        String(status),
      );
      expect(error.detail.serverCode).to.equal('something-new');
      expect(error.message).to.equal('Problem');
    });
  }

  it('says which request failed when the answer has no problem body', async () => {
    const fake = new FakeFetch(() => text(418, ''));
    const error = await expectRejection(() => adapter(fake).newsletter.confirm('t'), 'validation', 'confirm');
    expect(error.message).to.equal('POST /newsletter/confirm answered HTTP 418.');
  });
});
