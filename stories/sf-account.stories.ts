import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { withActions } from 'storybook/actions/decorator';
// Until components/index.ts registers it, the story registers the element itself (harmless after).
import '../components/sf-account/sf-account.ts';
import type { SfAccount } from '../components/sf-account/sf-account.ts';
import type { SfStore } from '../components/sf-store/sf-store.ts';
import { LocalAdapter, type StorefrontAdapter } from '../src/index.js';
import { attr, cssVars } from './story-helpers.js';

/**
 * The attributes `<sf-account>` reads (`mode` and the global `lang`), then its CSS custom
 * properties; `storeId` and `storeLocale` set up the `<sf-store>` around it.
 */
interface AccountArgs {
  mode?: 'full' | 'compact';
  lang?: '' | 'zh-CN' | 'en';
  '--sf-account-accent'?: string;
  '--sf-account-background'?: string;
  '--sf-account-border-color'?: string;
  '--sf-account-radius'?: string;
  '--sf-account-width'?: string;
  '--sf-account-vip-color'?: string;
  storeId?: string;
  storeLocale?: '' | 'zh-CN' | 'en';
}

const CSS_PROPERTIES = [
  '--sf-account-accent',
  '--sf-account-background',
  '--sf-account-border-color',
  '--sf-account-radius',
  '--sf-account-width',
  '--sf-account-vip-color',
] as const;

function account(args: AccountArgs) {
  const style = cssVars(args, CSS_PROPERTIES);
  return html`<sf-account
    mode=${ifDefined(attr(args.mode))}
    lang=${ifDefined(attr(args.lang))}
    style=${styleMap(style)}
  ></sf-account>`;
}

function renderInStore(args: AccountArgs, adapter?: StorefrontAdapter) {
  return html`<sf-store
    store-id=${ifDefined(attr(args.storeId))}
    locale=${ifDefined(attr(args.storeLocale))}
    .adapter=${adapter ?? undefined}
  >
    ${account(args)}
  </sf-store>`;
}

/** A catalog-only adapter: a backend without member accounts. Made once per page. */
const catalogOnly: StorefrontAdapter = {
  name: 'catalog-only',
  catalog: new LocalAdapter({ namespace: 'sb-account-unsupported' }).catalog,
};

/* ------------------------------------------------------------ play helpers */

async function findAccount(canvasElement: HTMLElement): Promise<{ element: SfAccount; store: SfStore }> {
  await customElements.whenDefined('sf-account');
  const store = canvasElement.querySelector<SfStore>('sf-store')!;
  await store.whenReady();
  const element = canvasElement.querySelector('sf-account')!;
  await element.updateComplete;
  return { element, store };
}

/** Waits until `find` returns something (the element renders after the member is read). */
async function until<T>(find: () => T | null | undefined, timeout = 4000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (performance.now() - start > timeout) throw new Error('The story did not reach the expected state.');
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

/** Opens the sign-in form the way a shopper does (the "登录" button). */
async function openSignIn(canvasElement: HTMLElement): Promise<SfAccount> {
  const { element } = await findAccount(canvasElement);
  const root = element.shadowRoot!;
  const signedIn = root.querySelector('[part~="sign-out"]');
  if (signedIn) return element;
  const button = await until(() => root.querySelector<HTMLButtonElement>('.actions .primary'));
  button.click();
  await until(() => root.querySelector('form'));
  return element;
}

/** Signs `email` in through the form: a demo-account fill, then the submit button. */
async function signInAs(canvasElement: HTMLElement, email: string): Promise<void> {
  const { element, store } = await findAccount(canvasElement);
  const storefront = await store.whenReady();
  await storefront.account.ready;
  if (storefront.account.member?.email === email) return;
  if (storefront.account.member) await storefront.account.signOut();
  await openSignIn(canvasElement);
  const root = element.shadowRoot!;
  const fill = await until(() =>
    [...root.querySelectorAll<HTMLButtonElement>('[part~="demo-account"]')].find((button) => button.textContent?.includes(email)),
  );
  fill.click();
  await element.updateComplete;
  root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
  await until(() => root.querySelector('[part~="sign-out"]'));
}

/* ------------------------------------------------------------ meta */

const meta = {
  title: 'Elements/sf-account',
  component: 'sf-account',
  tags: ['autodocs'],
  decorators: [withActions],
  render: (args) => renderInStore(args),
  args: { storeId: 'sb-account' },
  argTypes: {
    mode: {
      control: { type: 'inline-radio' },
      options: ['full', 'compact'],
      description: '`full`: a card. `compact`: a header button opening a popover.',
      table: { category: 'attributes', type: { summary: "'full' | 'compact'" }, defaultValue: { summary: 'full' } },
    },
    lang: {
      control: { type: 'select', labels: { '': '(from the store / page)' } },
      options: ['', 'zh-CN', 'en'],
      description: "The element's own language (global `lang` attribute).",
      table: { category: 'attributes', type: { summary: "'zh-CN' | 'en'" } },
    },
    '--sf-account-accent': {
      control: 'color',
      description: 'Buttons and the active tab.',
      table: { category: 'css custom properties', defaultValue: { summary: 'var(--sf-color-primary, #d0342c)' } },
    },
    '--sf-account-background': {
      control: 'color',
      description: 'Card and popover background.',
      table: { category: 'css custom properties', defaultValue: { summary: 'var(--sf-color-surface, #fff)' } },
    },
    '--sf-account-border-color': {
      control: 'color',
      description: 'Card and field borders.',
      table: { category: 'css custom properties', defaultValue: { summary: 'var(--sf-color-border, #e3e6ea)' } },
    },
    '--sf-account-radius': {
      control: 'text',
      description: 'Card corner radius.',
      table: { category: 'css custom properties', defaultValue: { summary: 'var(--sf-radius, 12px)' } },
    },
    '--sf-account-width': {
      control: 'text',
      description: 'Popover width / the card at most.',
      table: { category: 'css custom properties', defaultValue: { summary: '360px / 420px' } },
    },
    '--sf-account-vip-color': {
      control: 'color',
      description: 'Colour of the VIP badge.',
      table: { category: 'css custom properties', defaultValue: { summary: '#a86b00' } },
    },
    storeId: {
      name: 'sf-store store-id',
      control: 'text',
      description: '`store-id` of the surrounding `<sf-store>`: each story has its own demo session.',
      table: { category: 'story: surrounding <sf-store>' },
    },
    storeLocale: {
      name: 'sf-store locale',
      control: { type: 'select', labels: { '': '(toolbar Locale)' } },
      options: ['', 'zh-CN', 'en'],
      description: "`locale` of the surrounding `<sf-store>` (empty: the toolbar's Locale).",
      table: { category: 'story: surrounding <sf-store>' },
    },
  },
  parameters: {
    actions: { handles: ['sf-account-change'] },
    docs: {
      description: {
        component: `会员 sign-in, sign-up and sign-out through the store's adapter: \`<sf-account></sf-account>\` (a card) or
\`<sf-account mode="compact"></sf-account>\` (a header button with a popover). The form checks the e-mail and password in
the browser first, with a message under each field (\`aria-invalid\`, \`aria-describedby\`), then shows what the shop
answers: "邮箱或密码不正确", "该邮箱已注册". The password goes from the field to the adapter call and nowhere else. With the
demo shop (\`local\` adapter) a hint lists the demo accounts (password demo1234): a click fills the form.

Signed in, the card shows the member with the tier ("VIP 会员 · 享 95 折" from the shop's VIP promotion, "普通会员") and
the "全年包邮卡", and "退出登录". Every change, here or in another tab, fires \`sf-account-change\` {member} (Actions
panel). A backend without accounts gets a note instead of a form.

**Keyboard.** Tab through the fields; Enter sends the form; ←/→ switch between 登录 and 注册; Escape closes the compact
popover (focus goes back to its button) or folds the card's form.

**Theming.** Parts \`card\`, \`trigger\`, \`popover\`, \`tabs\`, \`tab\`, \`form\`, \`field\`, \`label\`, \`input\`,
\`password-toggle\`, \`error\`, \`submit\`, \`demo\`, \`demo-account\`, \`member\`, \`avatar\`, \`badge\`, \`sign-out\`,
\`notice\`; custom properties \`--sf-account-*\`.`,
      },
    },
  },
} satisfies Meta<AccountArgs>;

export default meta;
type Story = StoryObj<AccountArgs>;

export const SignedOut: Story = {
  name: 'Signed out',
  args: { storeId: 'sb-account-signed-out' },
  play: async ({ canvasElement }) => {
    const { store } = await findAccount(canvasElement);
    const storefront = await store.whenReady();
    await storefront.account.ready;
    if (storefront.account.member) await storefront.account.signOut();
  },
  parameters: {
    docs: {
      description: {
        story: 'The card a visitor sees: what membership brings, a red "登录" and a "注册" button.',
      },
    },
  },
};

export const SignInForm: Story = {
  name: 'Sign-in form',
  args: { storeId: 'sb-account-form' },
  play: async ({ canvasElement }) => {
    await openSignIn(canvasElement);
  },
  parameters: {
    docs: {
      description: {
        story: `The play function presses "登录": 登录 / 注册 tabs, e-mail and password (the eye shows it), the submit button,
and the demo accounts of the local adapter under it. Send it empty to see the messages under the fields; try a wrong
password for "邮箱或密码不正确".`,
      },
    },
  },
};

export const SignedInVip: Story = {
  name: 'Signed in: VIP',
  args: { storeId: 'sb-account-vip' },
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'vip@example.com');
  },
  parameters: {
    docs: {
      description: {
        story: `The play function signs in vip@example.com through the form (Actions: \`sf-account-change\`): 韩梅梅 with a gold
initial, the gold badge "VIP 会员 · 享 95 折" (the discount read from the shop's VIP promotion), the date she joined, and
"退出登录".`,
      },
    },
  },
};

export const SignedInCard: Story = {
  name: 'Signed in: shipping card',
  args: { storeId: 'sb-account-card' },
  play: async ({ canvasElement }) => {
    await signInAs(canvasElement, 'card@example.com');
  },
  parameters: {
    docs: {
      description: {
        story: 'card@example.com: "普通会员" and a green "全年包邮卡" badge (her orders ship free all year).',
      },
    },
  },
};

export const Compact: Story = {
  args: { storeId: 'sb-account-compact', mode: 'compact' },
  render: (args) =>
    html`<div style="min-height: 560px">
      <sf-store store-id=${ifDefined(attr(args.storeId))} locale=${ifDefined(attr(args.storeLocale))}>
        <header
          style="display: flex; align-items: center; gap: 22px; padding: 10px 16px 10px 22px; border-radius: 14px;
            background: #fff; box-shadow: 0 1px 3px rgb(0 0 0 / 6%);
            font-family: system-ui, 'PingFang SC', 'Noto Sans CJK SC', sans-serif"
        >
          <strong style="font-size: 18px; letter-spacing: 0.06em">云棉 · 声屿</strong>
          <nav style="display: flex; gap: 18px; color: #646b75; font-size: 14px">
            <span>新品</span><span>限时特卖</span><span>客服中心</span>
          </nav>
          <span style="margin-inline-start: auto">${account(args)}</span>
        </header>
      </sf-store>
    </div>`,
  play: async ({ canvasElement }) => {
    const { element } = await findAccount(canvasElement);
    const trigger = await until(() =>
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="trigger"][aria-busy="false"]'),
    );
    trigger.click();
  },
  parameters: {
    docs: {
      story: { inline: false, iframeHeight: 600 },
      description: {
        story: `\`mode="compact"\` in a header: a "登录" pill (the member's initial and name once signed in). The play function
opens its popover, which holds the same form; Escape or a click outside closes it and focus goes back to the button.`,
      },
    },
  },
};

export const Unsupported: Story = {
  args: { storeId: 'sb-account-unsupported' },
  render: (args) => renderInStore(args, catalogOnly),
  parameters: {
    docs: {
      description: {
        story: `A store whose adapter has no \`account\` group (\`{ name: 'catalog-only', catalog }\`): the card says
"此商店暂不支持会员登录" instead of failing.`,
      },
    },
  },
};

export const English: Story = {
  args: { storeId: 'sb-account-en', lang: 'en' },
  play: async ({ canvasElement }) => {
    await openSignIn(canvasElement);
  },
  parameters: {
    docs: {
      description: {
        story:
          '`lang="en"`: "Members", "Sign in" / "Sign up", "E-mail", "Password", "Demo accounts"; signed in, "VIP member · 5% off".',
      },
    },
  },
};
