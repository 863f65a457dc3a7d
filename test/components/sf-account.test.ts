import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/sf-store/sf-store.js';
import '../../components/sf-account/sf-account.js';
import type { SfAccount } from '../../components/sf-account/sf-account.js';
import type { SfStore } from '../../components/sf-store/sf-store.js';
import type { StorefrontAdapter } from '../../src/adapter/adapter.js';
import { LocalAdapter } from '../../src/adapter/local/local-adapter.js';
import type { SfEvent } from '../../src/core/events.js';
import type { Member } from '../../src/core/types.js';
import { createStorefront, type Storefront } from '../../src/storefront.js';
import { eventually, smallData, uniqueStoreId } from '../helpers/fixtures.js';

const MEMBERS: { member: Member; password: string }[] = [
  { member: { id: 'm-1', name: '李明', email: 'member@example.com', tier: 'member' }, password: 'demo1234' },
  { member: { id: 'm-2', name: '韩梅梅', email: 'vip@example.com', tier: 'vip' }, password: 'demo1234' },
  {
    member: { id: 'm-3', name: '王小雨', email: 'card@example.com', tier: 'member', shippingCard: true },
    password: 'demo1234',
  },
];

function accountAdapter(): LocalAdapter {
  return new LocalAdapter({
    data: { ...smallData(), members: MEMBERS, promotions: [{ kind: 'vip', id: 'vip', tiers: { vip: 500 } }] },
    indexedDB: null,
  });
}

interface Setup {
  store: SfStore;
  account: SfAccount;
  storefront: Storefront;
  storeId: string;
  changes: (Member | null)[];
}

async function setup(
  options: { adapter?: StorefrontAdapter; mode?: string; lang?: string; storeId?: string } = {},
): Promise<Setup> {
  const storeId = options.storeId ?? uniqueStoreId('account');
  const store = await fixture<SfStore>(
    html`<sf-store store-id=${storeId} .adapter=${options.adapter ?? accountAdapter()}>
      <sf-account mode=${options.mode ?? 'full'} lang=${options.lang ?? ''}></sf-account>
    </sf-store>`,
  );
  const account = store.querySelector('sf-account')!;
  const changes: (Member | null)[] = [];
  account.addEventListener('sf-account-change', (event: SfEvent<'sf-account-change'>) => changes.push(event.detail.member));
  const storefront = await store.whenReady();
  return { store, account, storefront, storeId, changes };
}

function root(account: SfAccount): ShadowRoot {
  return account.shadowRoot!;
}

function part(account: SfAccount, name: string): HTMLElement | null {
  return root(account).querySelector<HTMLElement>(`[part~="${name}"]`);
}

function parts(account: SfAccount, name: string): HTMLElement[] {
  return [...root(account).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

function input(account: SfAccount, name: 'name' | 'email' | 'password'): HTMLInputElement {
  return root(account).querySelector<HTMLInputElement>(`#${name}-input`)!;
}

/** What has focus inside the element, named by its id or part (comparing elements makes chai print the DOM). */
function focused(account: SfAccount): string {
  const active = root(account).activeElement;
  return active ? active.id || active.getAttribute('part') || active.tagName : 'none';
}

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Types into the form the way a browser's autofill would (value + input event). */
function fill(account: SfAccount, values: Partial<Record<'name' | 'email' | 'password', string>>): void {
  for (const [name, value] of Object.entries(values)) {
    const field = input(account, name as 'name' | 'email' | 'password');
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
}

/** Waits for the signed-out card and opens its form on `tab`. */
async function openForm(account: SfAccount, tab: '登录' | '注册' = '登录'): Promise<void> {
  await eventually(() => expect(root(account).querySelector('.actions')).to.exist);
  const button = [...root(account).querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => text(b) === tab)!;
  button.click();
  await eventually(() => expect(part(account, 'form')).to.exist);
}

/** The text a field's aria-describedby points at. */
function description(account: SfAccount, field: HTMLInputElement): string {
  return (field.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => text(root(account).getElementById(id)))
    .join(' ');
}

describe('<sf-account>', () => {
  it('offers sign-in and sign-up when signed out, and the form is accessible', async () => {
    const { account } = await setup();
    await eventually(() => expect(text(part(account, 'card'))).to.contain('登录后享会员价'));
    await expect(account).to.be.accessible();
    await openForm(account);
    expect(part(account, 'submit')!.textContent).to.contain('登录');
    expect(focused(account)).to.equal('email-input');
    expect(input(account, 'password').type).to.equal('password');
    expect(input(account, 'password').autocomplete).to.equal('current-password');
    expect(
      parts(account, 'demo-account').map((button) => text(button.querySelector('.demo-email')).replace('填入 ', '')),
    ).to.deep.equal(['member@example.com', 'vip@example.com', 'card@example.com']);
    await expect(account).to.be.accessible();
  });

  it('signs a VIP in with Enter, shows the tier badge and fires sf-account-change', async () => {
    const { account, storefront, changes } = await setup();
    await openForm(account);
    input(account, 'email').focus();
    await sendKeys({ type: 'vip@example.com' });
    input(account, 'password').focus();
    await sendKeys({ type: 'demo1234' });
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(text(part(account, 'member'))).to.contain('韩梅梅'));
    expect(text(part(account, 'member'))).to.contain('vip@example.com');
    await eventually(() => expect(parts(account, 'badge').map(text)).to.deep.equal(['VIP 会员 · 享 95 折']));
    expect(changes.map((member) => member?.email)).to.deep.equal(['vip@example.com']);
    expect(storefront.account.member?.tier).to.equal('vip');
    expect(part(account, 'form')).to.equal(null);
    expect(root(account).querySelector('[role="status"]')!.textContent).to.contain('已登录：韩梅梅');
    expect(focused(account)).to.equal('member-name');
    await expect(account).to.be.accessible();
  });

  it('shows the annual shipping card of a member holding one', async () => {
    const { account } = await setup();
    await openForm(account);
    fill(account, { email: 'card@example.com', password: 'demo1234' });
    part(account, 'submit')!.click();
    await eventually(() => expect(parts(account, 'badge').map(text)).to.deep.equal(['普通会员', '全年包邮卡']));
  });

  it('says when the e-mail or password is wrong, and clears the password', async () => {
    const { account, changes } = await setup();
    await openForm(account);
    fill(account, { email: 'vip@example.com', password: 'wrong-password' });
    part(account, 'submit')!.click();
    await eventually(() => expect(text(part(account, 'form-error'))).to.equal('邮箱或密码不正确'));
    expect(part(account, 'form-error')!.getAttribute('role')).to.equal('alert');
    expect(input(account, 'password').value).to.equal('');
    expect(input(account, 'email').value).to.equal('vip@example.com');
    await eventually(() => expect(focused(account)).to.equal('password-input'));
    expect(changes).to.deep.equal([]);
    await expect(account).to.be.accessible();
  });

  it('checks the sign-up form before sending it, with messages tied to the fields', async () => {
    const { account, storefront } = await setup();
    await openForm(account, '注册');
    expect(input(account, 'password').autocomplete).to.equal('new-password');
    fill(account, { name: '小红', email: 'not-an-email', password: 'short' });
    part(account, 'submit')!.click();
    await account.updateComplete;
    const email = input(account, 'email');
    const password = input(account, 'password');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(description(account, email)).to.contain('邮箱格式不正确');
    expect(password.getAttribute('aria-invalid')).to.equal('true');
    expect(description(account, password)).to.contain('密码至少需要 8 个字符');
    expect(input(account, 'name').getAttribute('aria-invalid')).to.equal('false');
    await eventually(() => expect(focused(account)).to.equal('email-input'));
    expect(storefront.account.member).to.equal(null);
    await expect(account).to.be.accessible();
    // Fixing a field clears its message as it is typed.
    fill(account, { email: 'xiaohong@example.com' });
    await account.updateComplete;
    expect(email.getAttribute('aria-invalid')).to.equal('false');
    expect(password.getAttribute('aria-invalid')).to.equal('true');
    fill(account, { password: 'long enough' });
    await account.updateComplete;
    expect(part(account, 'error')).to.equal(null);
  });

  it('says an e-mail is taken, and signs up a new one', async () => {
    const { account, changes } = await setup();
    await openForm(account, '注册');
    fill(account, { name: '小红', email: 'vip@example.com', password: 'secret123' });
    part(account, 'submit')!.click();
    await eventually(() => expect(description(account, input(account, 'email'))).to.contain('该邮箱已注册'));
    expect(input(account, 'email').getAttribute('aria-invalid')).to.equal('true');
    fill(account, { email: 'xiaohong@example.com' });
    part(account, 'submit')!.click();
    await eventually(() => expect(text(part(account, 'member'))).to.contain('小红'));
    expect(parts(account, 'badge').map(text)).to.deep.equal(['普通会员']);
    expect(changes.map((member) => member?.email)).to.deep.equal(['xiaohong@example.com']);
  });

  it('signs out', async () => {
    const { account, storefront, changes } = await setup();
    await storefront.account.signIn({ email: 'member@example.com', password: 'demo1234' });
    await eventually(() => expect(part(account, 'sign-out')).to.exist);
    expect(parts(account, 'badge').map(text)).to.deep.equal(['普通会员']);
    part(account, 'sign-out')!.click();
    await eventually(() => expect(root(account).querySelector('.actions')).to.exist);
    expect(changes.map((member) => member?.email ?? null)).to.deep.equal(['member@example.com', null]);
    expect(storefront.account.member).to.equal(null);
    expect(root(account).querySelector('[role="status"]')!.textContent).to.contain('已退出登录');
  });

  it('follows a sign-in made in another tab', async () => {
    const adapter = accountAdapter();
    const { account, storeId, changes } = await setup({ adapter });
    await eventually(() => expect(root(account).querySelector('.actions')).to.exist);
    const other = createStorefront({ adapter, storeId });
    try {
      await other.account.ready;
      await other.account.signIn({ email: 'vip@example.com', password: 'demo1234' });
      await eventually(() => expect(text(part(account, 'member'))).to.contain('韩梅梅'));
      expect(changes.map((member) => member?.email)).to.deep.equal(['vip@example.com']);
      await other.account.signOut();
      await eventually(() => expect(part(account, 'member')).to.equal(null));
      expect(changes.map((member) => member?.email ?? null)).to.deep.equal(['vip@example.com', null]);
    } finally {
      other.close();
    }
  });

  it('fills the form from the demo accounts of the local adapter', async () => {
    const { account } = await setup();
    await openForm(account, '注册');
    parts(account, 'demo-account')[1]!.click();
    await eventually(() => expect(input(account, 'email').value).to.equal('vip@example.com'));
    expect(input(account, 'password').value).to.equal('demo1234');
    expect(part(account, 'tab')!.getAttribute('aria-selected')).to.equal('true'); // back on 登录
    expect(focused(account)).to.equal('submit');
  });

  it('shows and hides the password', async () => {
    const { account } = await setup();
    await openForm(account);
    const toggle = part(account, 'password-toggle')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await account.updateComplete;
    expect(input(account, 'password').type).to.equal('text');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
  });

  it('switches tabs with the arrow keys', async () => {
    const { account } = await setup();
    await openForm(account);
    const [signIn] = parts(account, 'tab');
    signIn!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await account.updateComplete;
    const [, signUp] = parts(account, 'tab');
    expect(signUp!.getAttribute('aria-selected')).to.equal('true');
    expect(focused(account)).to.equal('tab-signUp');
    expect(input(account, 'name')).to.exist;
  });

  it('says so when the adapter has no accounts', async () => {
    const local = accountAdapter();
    const catalogOnly: StorefrontAdapter = { name: 'catalog-only', catalog: local.catalog };
    const { account } = await setup({ adapter: catalogOnly });
    await eventually(() => expect(text(part(account, 'notice'))).to.contain('此商店暂不支持会员登录'));
    expect(part(account, 'form')).to.equal(null);
    await expect(account).to.be.accessible();
  });

  it('opens the compact popover from the header button and closes it with Escape', async () => {
    const { account } = await setup({ mode: 'compact' });
    const trigger = part(account, 'trigger') as HTMLButtonElement;
    await eventually(() => expect(trigger.getAttribute('aria-busy')).to.equal('false'));
    expect(text(trigger)).to.equal('登录');
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    const panel = part(account, 'popover')!;
    await eventually(() => expect(panel.matches(':popover-open')).to.be.true);
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    await eventually(() => expect(focused(account)).to.equal('email-input'));
    await expect(account).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await eventually(() => expect(panel.matches(':popover-open')).to.be.false);
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    expect(focused(account)).to.equal('trigger');
  });

  it('signs in from the compact popover and shows the member on the button', async () => {
    const { account, changes } = await setup({ mode: 'compact' });
    const trigger = part(account, 'trigger') as HTMLButtonElement;
    await eventually(() => expect(trigger.getAttribute('aria-busy')).to.equal('false'));
    trigger.click();
    await eventually(() => expect(focused(account)).to.equal('email-input'));
    await sendKeys({ type: 'vip@example.com' });
    input(account, 'password').focus();
    await sendKeys({ type: 'demo1234' });
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(text(trigger)).to.contain('韩梅梅'));
    expect(part(account, 'popover')!.matches(':popover-open')).to.be.false;
    expect(changes.map((member) => member?.email)).to.deep.equal(['vip@example.com']);
    expect(text(trigger)).to.contain('VIP 会员');
    trigger.click();
    await eventually(() => expect(part(account, 'sign-out')).to.exist);
    await expect(account).to.be.accessible();
  });

  it('speaks English', async () => {
    const { account, storefront } = await setup({ lang: 'en' });
    await eventually(() => expect(text(part(account, 'card'))).to.contain('Sign in for member prices'));
    await storefront.account.signIn({ email: 'vip@example.com', password: 'demo1234' });
    await eventually(() => expect(parts(account, 'badge').map(text)).to.deep.equal(['VIP member · 5% off']));
    expect(text(part(account, 'sign-out'))).to.equal('Sign out');
  });

  it('explains the setup when the page has no store', async () => {
    const account = await fixture<SfAccount>(html`<sf-account></sf-account>`);
    await eventually(() => expect(text(part(account, 'notice'))).to.contain('未找到商店'));
  });
});
