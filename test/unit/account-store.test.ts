import { expect } from '@open-wc/testing';
import type { AccountCapability, StorefrontAdapter } from '../../src/adapter/adapter.js';
import type { LocalAdapter } from '../../src/adapter/local/local-adapter.js';
import type { Member } from '../../src/core/types.js';
import { createStorefront, type Storefront } from '../../src/storefront.js';
import { PASSWORD, shopAdapter } from '../fixtures/cart-shop.js';
import { captureConsole, failure, uniqueStoreId } from '../helpers/fixtures.js';

const opened: Storefront[] = [];
const adapters: LocalAdapter[] = [];

function storefrontOver(adapter: StorefrontAdapter): Storefront {
  const storefront = createStorefront({ adapter, storeId: uniqueStoreId('account') });
  opened.push(storefront);
  return storefront;
}

function local(namespace?: string): LocalAdapter {
  const adapter = shopAdapter(undefined, namespace ? { namespace } : {});
  adapters.push(adapter);
  return adapter;
}

afterEach(() => {
  for (const storefront of opened.splice(0)) storefront.close();
  for (const adapter of adapters.splice(0)) adapter.close();
});

/** An adapter whose account answers whatever `answer` says (to feed malformed members). */
function accountAdapter(answer: Partial<Record<keyof AccountCapability, () => unknown>>): StorefrontAdapter {
  const base = local();
  const account = {
    signIn: async () => answer.signIn?.(),
    signUp: async () => answer.signUp?.(),
    signOut: async () => answer.signOut?.(),
    current: async () => (answer.current ? answer.current() : null),
  } as unknown as AccountCapability;
  return { name: 'fake', catalog: base.catalog, account };
}

describe('account store', () => {
  it('starts signed out, signs in (member known at once, listeners told), and signs out', async () => {
    const storefront = storefrontOver(local());
    await storefront.account.ready;
    expect(storefront.account.member).to.equal(null);
    const seen: (Member | null)[] = [];
    const stop = storefront.account.subscribe((member) => seen.push(member));

    const member = await storefront.account.signIn({ email: 'vip@example.com', password: PASSWORD });
    expect(member).to.deep.include({ id: 'm-002', tier: 'vip' });
    expect(storefront.account.member?.email).to.equal('vip@example.com');
    await storefront.account.signOut();
    expect(storefront.account.member).to.equal(null);
    expect(seen.map((entry) => entry?.id ?? null)).to.deep.equal([null, 'm-002', null]);
    stop();
  });

  it('signs up a new member, who is then signed in', async () => {
    const storefront = storefrontOver(local());
    const member = await storefront.account.signUp({ name: '新会员', email: 'new@example.com', password: 'long enough 1' });
    expect(member).to.deep.include({ name: '新会员', email: 'new@example.com', tier: 'member' });
    expect(storefront.account.member?.id).to.equal(member.id);
    expect(
      (await failure(storefront.account.signUp({ name: 'x', email: 'new@example.com', password: 'long enough 1' }))).code,
    ).to.equal('conflict');
  });

  it('refuses a wrong password as validation and stays signed out', async () => {
    const storefront = storefrontOver(local());
    const refused = await failure(storefront.account.signIn({ email: 'vip@example.com', password: 'wrong' }));
    expect(refused.code).to.equal('validation');
    expect(storefront.account.member).to.equal(null);
  });

  it('knows the member a previous page signed in (the backend session) once ready', async () => {
    const namespace = uniqueStoreId('session');
    const first = storefrontOver(local(namespace));
    await first.account.signIn({ email: 'card@example.com', password: PASSWORD });
    const second = storefrontOver(local(namespace));
    expect(second.account.member, 'not known before ready').to.equal(null);
    await second.account.ready;
    expect(second.account.member).to.deep.include({ email: 'card@example.com', shippingCard: true });
    await second.account.signOut();
    expect(await first.account.refresh()).to.equal(null);
  });

  it('keeps the member when signing out fails (offline), with the typed error', async () => {
    const adapter = local();
    const storefront = storefrontOver(adapter);
    await storefront.account.signIn({ email: 'vip@example.com', password: PASSWORD });
    adapter.setFailure('network');
    expect((await failure(storefront.account.signOut())).code).to.equal('network');
    expect(storefront.account.member?.tier).to.equal('vip');
    expect((await failure(storefront.account.refresh())).code).to.equal('network');
    expect(storefront.account.member?.tier, 'a failed refresh keeps what is known').to.equal('vip');
  });

  it('treats a malformed member from the adapter as invalid-response and never trusts it', async () => {
    const malformed = [
      { id: 'm-9', name: 'x', email: 'x@example.com', tier: 'emperor' },
      { id: '', name: 'x', email: 'x@example.com', tier: 'vip' },
      { name: 'x', email: 'x@example.com', tier: 'vip' },
      'vip',
    ];
    for (const answer of malformed) {
      const storefront = storefrontOver(accountAdapter({ signIn: () => answer, current: () => answer }));
      const { warnings } = await captureConsole(() => storefront.account.ready);
      expect(warnings.join('\n')).to.contain('malformed member');
      expect(storefront.account.member).to.equal(null);
      const refused = await failure(storefront.account.signIn({ email: 'x@example.com', password: PASSWORD }));
      expect(refused.code, JSON.stringify(answer)).to.equal('invalid-response');
      expect(storefront.account.member).to.equal(null);
    }
  });

  it('without the account capability: member null, ready settles, every method rejects unsupported', async () => {
    const base = local();
    const storefront = storefrontOver({ name: 'catalog-only', catalog: base.catalog });
    await storefront.account.ready;
    expect(storefront.account.supported).to.equal(false);
    expect(storefront.account.member).to.equal(null);
    for (const call of [
      () => storefront.account.signIn({ email: 'vip@example.com', password: PASSWORD }),
      () => storefront.account.signUp({ name: 'a', email: 'a@example.com', password: PASSWORD }),
      () => storefront.account.signOut(),
      () => storefront.account.refresh(),
    ]) {
      expect((await failure(call())).code).to.equal('unsupported');
    }
    // The cart still works and prices for a guest.
    await storefront.cart.add('TEE', 1);
    expect((await storefront.cart.view()).member).to.equal(null);
  });

  it('fails a hanging sign-in as timeout', async () => {
    const adapter = accountAdapter({ signIn: () => new Promise(() => {}) });
    const storefront = createStorefront({ adapter, storeId: uniqueStoreId('account'), timeout: 100 });
    opened.push(storefront);
    expect((await failure(storefront.account.signIn({ email: 'vip@example.com', password: PASSWORD }))).code).to.equal('timeout');
  });
});
