import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { withActions } from 'storybook/actions/decorator';
// Until components/index.ts registers it, the story registers the cart itself (harmless after).
import '../components/sf-cart/sf-cart.ts';
import type { SfStore } from '../components/sf-store/sf-store.js';
import { createDemoData } from '../src/adapter/local/demo/demo-data.js';
import { LocalAdapter, type StorefrontAdapter } from '../src/index.js';
import type { Storefront } from '../src/storefront.js';
import { attr, cssVars } from './story-helpers.js';

/**
 * The attributes `<sf-cart>` reads (`mode`, `open`, `continue-href`, `product-href`, the global
 * `lang`), then its CSS custom properties; the `store*` args set up the `<sf-store>` around it.
 */
interface CartArgs {
  mode?: 'drawer' | 'inline';
  open?: boolean;
  'continue-href'?: string;
  'product-href'?: string;
  lang?: '' | 'zh-CN' | 'en';
  '--sf-cart-width'?: string;
  '--sf-cart-backdrop'?: string;
  '--sf-cart-accent'?: string;
  '--sf-cart-background'?: string;
  '--sf-cart-radius'?: string;
  '--sf-cart-image-size'?: string;
  '--sf-cart-checkout-background'?: string;
  '--sf-cart-checkout-color'?: string;
  storeId?: string;
  storeLocale?: '' | 'zh-CN' | 'en';
  latency?: number;
}

const CSS_PROPERTIES = [
  '--sf-cart-width',
  '--sf-cart-backdrop',
  '--sf-cart-accent',
  '--sf-cart-background',
  '--sf-cart-radius',
  '--sf-cart-image-size',
  '--sf-cart-checkout-background',
  '--sf-cart-checkout-color',
] as const;

/** The cart alone, with its attributes and custom properties from the controls. */
function cart(args: CartArgs) {
  const style = cssVars(args, CSS_PROPERTIES);
  return html`<sf-cart
    mode=${ifDefined(attr(args.mode))}
    ?open=${args.open === true}
    continue-href=${ifDefined(attr(args['continue-href']))}
    product-href=${ifDefined(attr(args['product-href']))}
    lang=${ifDefined(attr(args.lang))}
    style=${styleMap(style)}
  >
    <p slot="footer">7 天无理由退换 · 顺丰包邮 · 正品保障</p>
  </sf-cart>`;
}

/** The cart inside a store: the embedded demo shop, or `adapter` when given. */
function inStore(args: CartArgs, content: TemplateResult, adapter?: StorefrontAdapter) {
  return html`<sf-store
    store-id=${ifDefined(attr(args.storeId))}
    locale=${ifDefined(attr(args.storeLocale))}
    latency=${ifDefined(adapter ? undefined : attr(args.latency))}
    .adapter=${adapter ?? 'local'}
  >
    ${content}
  </sf-store>`;
}

const renderWith = (adapter?: StorefrontAdapter) => (args: CartArgs) => inStore(args, cart(args), adapter);

/* ------------------------------------------------------------ adapters made once per page */

const yuan = (amount: number) => ({ amount, currency: 'CNY' });
const HOUR = 3_600_000;

/** The demo shop, each story with its own saved state (sign-in, orders) so they do not mix. */
const demoAdapter = (namespace: string) => new LocalAdapter({ namespace });

/**
 * The demo shop plus a careless 限时特卖 below 7折 (CC-TEE-002 for ¥39 of ¥99), so the 7折 floor
 * shows in the "every promotion" cart next to the VIP discount, 满减, 换购 and free shipping.
 */
function fullShop(): LocalAdapter {
  const now = Date.now();
  const data = createDemoData(now);
  const tee = data.products.find((entry) => entry.sku === 'CC-TEE-002');
  if (tee) tee.flashSale = { price: yuan(3900), startsAt: now - HOUR, endsAt: now + 6 * HOUR, label: '限时特卖' };
  return new LocalAdapter({ data, namespace: 'sb-cart-full' });
}

/** A shop whose catalog changes under the cart: a product taken off sale, one sold out, stock and a price moved. */
const brokenData = createDemoData(Date.now());
const brokenShop = new LocalAdapter({ data: brokenData, namespace: 'sb-cart-broken' });
async function breakShop(storefront: Storefront): Promise<void> {
  brokenData.products = brokenData.products.filter((entry) => entry.sku !== 'CC-POL-001');
  for (const entry of brokenData.products) {
    if (entry.sku === 'CC-CAP-001') entry.stock = 0;
    if (entry.sku === 'CC-LST-002') entry.stock = 2;
    if (entry.sku === 'CC-PNT-001') entry.price = yuan(entry.price.amount + 2000);
  }
  storefront.cart.refresh();
}

const offlineShop = new LocalAdapter({ namespace: 'sb-cart-offline' });

/* ------------------------------------------------------------ filling the cart */

interface Fill {
  lines: [sku: string, quantity: number][];
  /** Sign in as this demo member (password demo1234), or sign out. */
  member?: string;
  after?: (storefront: Storefront) => Promise<void> | void;
}

/** One fill at a time per store: the docs page renders the first story twice, both playing at once. */
const filling = new Map<string, Promise<void>>();

/** Empties the story's cart, signs in or out, adds `lines` (each story starts the same after a reload). */
async function fill(canvasElement: HTMLElement, spec: Fill): Promise<void> {
  const store = canvasElement.querySelector<SfStore>('sf-store');
  if (!store) return;
  const storefront = await store.whenReady();
  const previous = filling.get(storefront.storeId) ?? Promise.resolve();
  const next = previous.then(() => fillNow(storefront, spec));
  filling.set(storefront.storeId, next);
  await next;
}

async function fillNow(storefront: Storefront, { lines, member, after }: Fill): Promise<void> {
  await storefront.cart.clear();
  try {
    if (member) await storefront.account.signIn({ email: member, password: 'demo1234' });
    else if (storefront.account.member) await storefront.account.signOut();
  } catch {
    /* a story about failures */
  }
  for (const [sku, quantity] of lines) await storefront.cart.add(sku, quantity).catch(() => undefined);
  await after?.(storefront);
}

const FULL_LINES: Fill['lines'] = [
  ['SI-BUD-001', 1],
  ['CC-TEE-001', 3],
  ['CC-TEE-002', 1],
  ['CC-SOCK-001', 1],
];

/* ------------------------------------------------------------ meta */

const cssProperty = (description: string, summary: string, control: 'color' | 'text' = 'text') => ({
  type: 'string' as const,
  control,
  description,
  table: { category: 'css custom properties', defaultValue: { summary } },
});
const storeArg = (description: string) => ({ table: { category: 'story: surrounding <sf-store>' }, description });
/** Drawer stories open a modal: in the docs page each gets its own frame instead of covering the page. */
const ownFrame = { docs: { story: { inline: false, iframeHeight: 760, autoplay: true } } };

const meta = {
  title: 'Elements/sf-cart',
  component: 'sf-cart',
  tags: ['autodocs'],
  decorators: [withActions],
  render: renderWith(),
  args: { mode: 'inline', storeId: 'sb-cart' },
  argTypes: {
    mode: {
      control: { type: 'inline-radio' },
      options: ['drawer', 'inline'],
      description: '`drawer` (default): a modal panel from the right; `inline`: part of the page (a cart page).',
      table: { category: 'attributes', type: { summary: "'drawer' | 'inline'" }, defaultValue: { summary: 'drawer' } },
    },
    open: {
      control: 'boolean',
      description: 'Whether the drawer is open (also `show()` / `hide()`, or an `sf-cart-open` event of the same store).',
      table: { category: 'attributes', type: { summary: 'boolean' } },
    },
    'continue-href': {
      control: 'text',
      description: 'Where "去逛逛" leads from the empty cart; without it the button closes the drawer.',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    'product-href': {
      control: 'text',
      description: 'Link of each line title; `{sku}` is replaced by the sku.',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    lang: {
      control: { type: 'select', labels: { '': '(from the store / page)' } },
      options: ['', 'zh-CN', 'en'],
      description: "The cart's own language (global `lang` attribute), before its store's `locale` and `<html lang>`.",
      table: { category: 'attributes', type: { summary: "'zh-CN' | 'en'" } },
    },
    '--sf-cart-width': cssProperty('Width of the drawer.', 'min(440px, 100vw)'),
    '--sf-cart-backdrop': cssProperty('Shade behind the drawer.', 'rgb(17 20 24 / 45%)', 'color'),
    '--sf-cart-accent': cssProperty('Prices, total, progress, checkout button.', 'var(--sf-color-primary, #d0342c)', 'color'),
    '--sf-cart-background': cssProperty('Background of the drawer / cart page.', 'var(--sf-color-surface, #fff)', 'color'),
    '--sf-cart-radius': cssProperty('Corner radius of boxes.', 'var(--sf-radius, 12px)'),
    '--sf-cart-image-size': cssProperty('Size of a line picture.', '84px'),
    '--sf-cart-checkout-background': cssProperty('Checkout button background.', 'the accent', 'color'),
    '--sf-cart-checkout-color': cssProperty('Checkout button text colour.', 'var(--sf-color-on-primary, #fff)', 'color'),
    storeId: { name: 'sf-store store-id', control: 'text', ...storeArg('`store-id` of the surrounding `<sf-store>`.') },
    storeLocale: {
      name: 'sf-store locale',
      control: { type: 'select', labels: { '': '(toolbar Locale)' } },
      options: ['', 'zh-CN', 'en'],
      ...storeArg("`locale` of the surrounding `<sf-store>` (empty: the toolbar's Locale)."),
    },
    latency: {
      name: 'sf-store latency',
      control: { type: 'range', min: 0, max: 20000, step: 500 },
      ...storeArg('`latency` (ms) of the surrounding `<sf-store>` (demo shop only): how long the skeleton shows.'),
    },
  },
  parameters: {
    actions: { handles: ['sf-checkout', 'sf-add-to-cart'] },
    docs: {
      // The stories fill their carts in `play`: run it on the docs page too.
      story: { autoplay: true },
      description: {
        component: `The shopper's cart (购物车): \`<sf-cart></sf-cart>\` anywhere on a page with an \`<sf-store>\` is a drawer that
slides in from the right when an \`<sf-cart-button>\` of the same store is pressed (or on \`show()\` / the \`open\` attribute);
\`<sf-cart mode="inline">\` is a cart page.

It lists every line with its picture, unit price (the list price struck through during a 限时特卖), a quantity stepper that
refuses what is not a whole number and stops at the stock ("仅剩 N 件"), the line total and a remove button; lines no longer
sold stay greyed with only "remove". "清空购物车" asks inline first and can be undone for 8 seconds. Below: "再买 ¥X 包邮" with
a progress bar, the ¥1 换购 offer, "搭配购买" suggestions, the savings one by one (限时特卖, VIP, 7折 floor, 满减, 换购, 包邮),
the total in red, the payment methods, an optional phone/e-mail, and "去结算 ¥total": it fires the cancelable
\`sf-checkout\` (see Actions), then asks the shop for a payment page. The demo shop has no payment page: it shows the order
number instead.

**Drawer.** A native modal \`<dialog>\` (\`aria-modal\`, labelled by its heading): focus moves in, Tab stays inside, Escape,
the × and a click on the shade close it, focus returns to the button that opened it, the page does not scroll behind it.

**Theming.** \`--sf-cart-*\` custom properties (try them in Controls) fall back to the kit's \`--sf-color-*\`, \`--sf-radius\`,
\`--sf-font-family\`; every piece is a \`::part()\` (\`dialog\`, \`backdrop\`, \`line\`, \`quantity\`, \`adjustments\`, \`total\`,
\`checkout\`...; see the "Themed" story). Slot \`footer\` holds a note under the checkout button.`,
      },
    },
  },
} satisfies Meta<CartArgs>;

export default meta;
type Story = StoryObj<CartArgs>;

const fullAdapter = fullShop();

export const Full: Story = {
  args: { storeId: 'sb-cart-full' },
  render: renderWith(fullAdapter),
  play: ({ canvasElement }) => fill(canvasElement, { lines: FULL_LINES, member: 'vip@example.com' }),
  parameters: {
    docs: {
      description: {
        story: `Signed in as the demo VIP (vip@example.com): a running 限时特卖 (SI-BUD-001, "限时" tag, ¥399 struck through),
three T-shirts (CC-TEE-001 × 3), a careless flash sale under 7折 that the floor raises back, and the socks for ¥1 once the
cart passes ¥199. The savings list shows every kind the engine knows: 限时特卖, "VIP 会员 9.5 折", "最低 7 折价格保护" (+),
"满¥399减¥50", "满¥199加¥1换购", and shipping "满¥99包邮" next to a struck ¥10.00. The VIP badge sits in the header.`,
      },
    },
  },
};

export const Empty: Story = {
  args: { storeId: 'sb-cart-empty', 'continue-href': '#shop' },
  render: renderWith(demoAdapter('sb-cart-empty')),
  play: ({ canvasElement }) => fill(canvasElement, { lines: [] }),
  parameters: {
    docs: {
      description: {
        story: `Nothing in the cart: a calm "购物车还是空的" with a "去逛逛" link (\`continue-href\`; in a drawer without it, the
button closes the drawer). No checkout button, no totals.`,
      },
    },
  },
};

export const Drawer: Story = {
  args: { mode: 'drawer', open: true, storeId: 'sb-cart-drawer' },
  render: (args) =>
    inStore(
      args,
      html`<div style="display: flex; gap: 12px; align-items: center; min-height: 680px; align-content: start">
          <button
            type="button"
            style="padding: 8px 18px; border-radius: 999px; border: 1px solid #ccc; background: #fff; font: inherit; cursor: pointer"
            @click=${(event: Event) => (event.currentTarget as HTMLElement).closest('sf-store')?.querySelector('sf-cart')?.show()}
          >
            打开购物车
          </button>
          <span style="color: #646b75">（页面内容：抽屉打开时页面不可滚动，焦点留在抽屉内）</span>
        </div>
        ${cart(args)}`,
      demoAdapter('sb-cart-drawer'),
    ),
  play: ({ canvasElement }) =>
    fill(canvasElement, {
      lines: [
        ['SI-BUD-001', 1],
        ['CC-TEE-001', 2],
      ],
    }),
  parameters: {
    ...ownFrame,
    docs: {
      ...ownFrame.docs,
      description: {
        story: `The default mode: a right-side drawer over a shade, opened here with the \`open\` attribute. Press Escape, the × or the
shade to close it, and "打开购物车" (which calls \`show()\`) to open it again: focus goes to the × when it opens and back to the
button when it closes. The checkout bar stays at the bottom while the lines scroll.`,
      },
    },
  },
};

export const Inline: Story = {
  args: { storeId: 'sb-cart-inline', 'product-href': '#product={sku}' },
  render: (args) =>
    inStore(
      args,
      // A cart page is wider than the 720px frame the other stories get.
      html`<div style="width: min(1040px, calc(100vw - 48px))">
        <h1 style="margin: 0 0 16px; font: 600 24px/1.3 system-ui, sans-serif">我的购物车</h1>
        ${cart(args)}
      </div>`,
      demoAdapter('sb-cart-inline'),
    ),
  play: ({ canvasElement }) =>
    fill(canvasElement, {
      lines: [
        ['CC-HOD-001', 1],
        ['CC-PNT-002', 1],
        ['SI-BUD-005', 2],
      ],
    }),
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        story: `\`mode="inline"\`: the cart as a page. From about 860px of its own width the summary, payment and checkout sit in a
sticky column on the right. SI-BUD-005 has two left: the stepper stops there and says "仅剩 2 件". Titles link to
\`product-href\`.`,
      },
    },
  },
};

export const English: Story = {
  args: { storeId: 'sb-cart-en', lang: 'en' },
  render: renderWith(demoAdapter('sb-cart-en')),
  play: ({ canvasElement }) =>
    fill(canvasElement, {
      lines: [
        ['SI-BUD-001', 1],
        ['CC-TEE-001', 2],
      ],
    }),
  parameters: {
    docs: {
      description: {
        story: `\`lang="en"\` (or \`locale="en"\` on the store): English titles from the products' translations, "CN¥" amounts,
"CN¥20 off over CN¥199", "Add CN¥… more…", "Checkout CN¥…".`,
      },
    },
  },
};

export const WithErrors: Story = {
  args: { storeId: 'sb-cart-errors' },
  render: renderWith(brokenShop),
  play: ({ canvasElement }) =>
    fill(canvasElement, {
      lines: [
        ['CC-POL-001', 1],
        ['CC-CAP-001', 1],
        ['CC-LST-002', 3],
        ['CC-PNT-001', 1],
      ],
      after: breakShop,
    }),
  parameters: {
    docs: {
      description: {
        story: `The catalog changed under the cart: CC-POL-001 was taken off sale (greyed, "已下架", only a remove button),
CC-CAP-001 sold out ("已售罄"), CC-LST-002 now has two left while the cart holds three ("库存不足…" with a one-click fix), and
CC-PNT-001 costs ¥20 more than when it was added ("价格已从 ¥X 变为 ¥Y", "知道了"). Checkout is disabled and says why.`,
      },
    },
  },
};

export const Offline: Story = {
  args: { storeId: 'sb-cart-offline' },
  render: renderWith(offlineShop),
  play: ({ canvasElement }) =>
    fill(canvasElement, {
      lines: [
        ['CC-TEE-001', 1],
        ['SI-BUD-001', 1],
      ],
      after: (storefront) => {
        offlineShop.setFailure('network');
        storefront.cart.refresh();
      },
    }),
  parameters: {
    docs: {
      description: {
        story: `The shop cannot be reached (\`adapter.setFailure('network')\` after the lines were added): the lines are kept, the
cart says prices may not be current, and the payment methods show an error with "重试". Nothing is lost.`,
      },
    },
  },
};

export const Loading: Story = {
  args: { storeId: 'sb-cart-loading', latency: 100000 },
  parameters: {
    docs: {
      description: {
        story: `A slow shop (\`latency="100000"\`): a skeleton of three lines with a soft shimmer; screen readers hear
"正在加载购物车…".`,
      },
    },
  },
};

export const Themed: Story = {
  args: { storeId: 'sb-cart-themed' },
  render: (args) =>
    html`<style>
        .muji-like {
          --sf-color-primary: #7f0019;
          --sf-radius: 2px;
          --sf-radius-small: 2px;
          --sf-font-family: 'Noto Serif CJK SC', 'Songti SC', Georgia, serif;
          --sf-cart-background: #fbf8f3;
          --sf-color-subtle: #f2ede4;
          --sf-color-border: #e6dfd3;
          --sf-cart-image-size: 96px;
          --sf-cart-checkout-background: #3c3c3c;
        }
        .muji-like sf-cart::part(line-title) {
          font-weight: 400;
          letter-spacing: 0.04em;
        }
        .muji-like sf-cart::part(checkout) {
          border-radius: 2px;
          letter-spacing: 0.2em;
        }
        .muji-like sf-cart::part(total) {
          font-weight: 500;
        }
        .muji-like sf-cart::part(adjustments) {
          background: transparent;
          border: 1px solid #e6dfd3;
        }
      </style>
      <div class="muji-like">${inStore(args, cart(args), demoAdapter('sb-cart-themed'))}</div>`,
  play: ({ canvasElement }) =>
    fill(canvasElement, {
      lines: [
        ['CC-TEE-001', 2],
        ['CC-HOM-001', 1],
      ],
    }),
  parameters: {
    docs: {
      description: {
        story: `Restyled from outside only, like a quieter Muji-style shop: \`--sf-color-primary: #7f0019\`, square corners, a serif
\`--sf-font-family\`, \`--sf-cart-background\`, a larger \`--sf-cart-image-size\`, a charcoal
\`--sf-cart-checkout-background\`; then \`::part(line-title)\`, \`::part(checkout)\`, \`::part(total)\`, \`::part(adjustments)\`.`,
      },
    },
  },
};
