import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { withActions } from 'storybook/actions/decorator';
// Until components/index.ts registers it, the story registers the element itself (harmless after).
import '../components/sf-cart-button/sf-cart-button.ts';
import type { SfStore } from '../components/sf-store/sf-store.ts';
import { attr, cssVars } from './story-helpers.js';

/**
 * The attributes `<sf-cart-button>` reads (`href`, `label`, and the global `lang`), then its
 * CSS custom properties; `storeId` and `storeLocale` set up the `<sf-store>` around it.
 */
interface CartButtonArgs {
  href?: string;
  /** `undefined`: no label; '' shows the default "购物车". */
  label?: string;
  showLabel?: boolean;
  lang?: '' | 'zh-CN' | 'en';
  '--sf-cart-button-size'?: string;
  '--sf-cart-button-color'?: string;
  '--sf-cart-button-background'?: string;
  '--sf-cart-button-badge-background'?: string;
  '--sf-cart-button-badge-color'?: string;
  '--sf-cart-button-radius'?: string;
  storeId?: string;
  storeLocale?: '' | 'zh-CN' | 'en';
}

const CSS_PROPERTIES = [
  '--sf-cart-button-size',
  '--sf-cart-button-color',
  '--sf-cart-button-background',
  '--sf-cart-button-badge-background',
  '--sf-cart-button-badge-color',
  '--sf-cart-button-radius',
] as const;

function cartButton(args: CartButtonArgs) {
  const style = cssVars(args, CSS_PROPERTIES);
  return html`<sf-cart-button
    href=${ifDefined(attr(args.href))}
    label=${ifDefined(args.showLabel ? (args.label ?? '') : undefined)}
    lang=${ifDefined(attr(args.lang))}
    style=${styleMap(style)}
  ></sf-cart-button>`;
}

/** A promo site's header: the brand on the left, links, and the cart button on the right. */
function header(args: CartButtonArgs, extraClass = '') {
  const en = args.lang === 'en' || args.storeLocale === 'en';
  return html`<header
    class=${`sb-header ${extraClass}`}
    style="display: flex; align-items: center; gap: 22px; padding: 10px 16px 10px 22px; border-radius: 14px;
      background: #fff; box-shadow: 0 1px 3px rgb(0 0 0 / 6%);
      font-family: system-ui, 'PingFang SC', 'Noto Sans CJK SC', sans-serif"
  >
    <strong style="font-size: 18px; letter-spacing: 0.06em">${en ? 'Cloud Cotton' : '云棉 · 声屿'}</strong>
    <nav style="display: flex; gap: 18px; color: #646b75; font-size: 14px">
      <span>${en ? 'New' : '新品'}</span><span>${en ? 'Flash sale' : '限时特卖'}</span><span>${en ? 'Help' : '客服中心'}</span>
    </nav>
    <span style="margin-inline-start: auto">${cartButton(args)}</span>
  </header>`;
}

/** The story's store (its own store id, so its cart is its own), with the header inside it. */
function renderInStore(args: CartButtonArgs) {
  return html`<sf-store store-id=${ifDefined(attr(args.storeId))} locale=${ifDefined(attr(args.storeLocale))}>
    ${header(args)}
  </sf-store>`;
}

/** Fills the story's cart with a few demo products, as a shopper would have (once per store). */
async function fillCart(canvasElement: HTMLElement, items: [string, number][]): Promise<void> {
  await customElements.whenDefined('sf-store');
  const store = canvasElement.querySelector<SfStore>('sf-store')!;
  const storefront = await store.whenReady();
  const lines = await storefront.cart.lines();
  if (lines.length > 0) return;
  for (const [sku, quantity] of items) await storefront.cart.add(sku, quantity);
}

const meta = {
  title: 'Elements/sf-cart-button',
  component: 'sf-cart-button',
  tags: ['autodocs'],
  decorators: [withActions],
  render: renderInStore,
  args: { storeId: 'sb-cart-button' },
  argTypes: {
    href: {
      control: 'text',
      description: 'Where to go when no `<sf-cart>` on the page opens (a cart page). Try `#cart`.',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    showLabel: {
      name: 'label (present)',
      control: 'boolean',
      description: 'Sets the `label` attribute: text next to the icon.',
      table: { category: 'attributes' },
    },
    label: {
      control: 'text',
      description: 'Text of the label (empty: "购物车" / "Cart"). The accessible name starts with it.',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    lang: {
      control: { type: 'select', labels: { '': '(from the store / page)' } },
      options: ['', 'zh-CN', 'en'],
      description: "The element's own language (global `lang` attribute).",
      table: { category: 'attributes', type: { summary: "'zh-CN' | 'en'" } },
    },
    '--sf-cart-button-size': {
      control: 'text',
      description: 'Height of the button.',
      table: { category: 'css custom properties', defaultValue: { summary: '42px' } },
    },
    '--sf-cart-button-color': {
      control: 'color',
      description: 'Icon and label colour.',
      table: { category: 'css custom properties', defaultValue: { summary: 'var(--sf-color-text)' } },
    },
    '--sf-cart-button-background': {
      control: 'color',
      description: 'Button background.',
      table: { category: 'css custom properties', defaultValue: { summary: 'transparent' } },
    },
    '--sf-cart-button-badge-background': {
      control: 'color',
      description: 'Badge background.',
      table: { category: 'css custom properties', defaultValue: { summary: 'var(--sf-color-primary, #d0342c)' } },
    },
    '--sf-cart-button-badge-color': {
      control: 'color',
      description: 'Badge text colour.',
      table: { category: 'css custom properties', defaultValue: { summary: '#fff' } },
    },
    '--sf-cart-button-radius': {
      control: 'text',
      description: 'Corner radius of the button.',
      table: { category: 'css custom properties', defaultValue: { summary: '999px' } },
    },
    storeId: {
      name: 'sf-store store-id',
      control: 'text',
      description: '`store-id` of the surrounding `<sf-store>`: each story has its own cart.',
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
    actions: { handles: ['sf-cart-open'] },
    docs: {
      description: {
        component: `The cart icon for a page header: \`<sf-cart-button href="/cart"></sf-cart-button>\`. The badge counts the
units in the cart and follows every change, from this page or another tab ("99+" past 99). Its accessible name says
the count ("购物车，3 件商品") and a polite live region announces changes; the badge bumps when the count grows (not with
\`prefers-reduced-motion\`).

A click fires the cancelable \`sf-cart-open\` {storeId} (see the Actions panel): an \`<sf-cart>\` drawer on the page
answers it with \`preventDefault()\` and opens; if nobody does, the button goes to \`href\`, and without an \`href\` it
says in the console that the page has no cart. Like every widget it needs no \`<sf-store>\` around it: outside one it uses
the page's first store.

**Theming.** Parts \`button\`, \`icon\`, \`badge\`, \`label\`; custom properties \`--sf-cart-button-*\`.`,
      },
    },
  },
} satisfies Meta<CartButtonArgs>;

export default meta;
type Story = StoryObj<CartButtonArgs>;

export const Default: Story = {
  args: { storeId: 'sb-cart-button-default' },
  play: async ({ canvasElement }) => {
    await fillCart(canvasElement, [
      ['CC-TEE-001', 2],
      ['SI-BUD-001', 1],
    ]);
  },
  parameters: {
    docs: {
      description: {
        story: `In a header, with three units in the cart (the play function adds 2 × CC-TEE-001 and 1 × SI-BUD-001): a red
"3" on the bag's shoulder; its name reads "购物车，3 件商品". Add to the cart in another story or tab with the same store
id and the badge follows.`,
      },
    },
  },
};

export const Empty: Story = {
  args: { storeId: 'sb-cart-button-empty' },
  parameters: {
    docs: {
      description: { story: 'An empty cart: the bag alone, no badge; its name reads "购物车，0 件商品".' },
    },
  },
};

export const WithLabel: Story = {
  name: 'With label',
  args: { storeId: 'sb-cart-button-label', showLabel: true, href: '#cart' },
  play: async ({ canvasElement }) => {
    await fillCart(canvasElement, [['CC-SOCK-001', 128]]);
  },
  parameters: {
    docs: {
      description: {
        story: `\`label\` shows "购物车" next to the icon and the count follows it in line; past 99 it reads "99+" (the
name still says "购物车，128 件商品"). With \`href="#cart"\` and no \`<sf-cart>\` on this page, a click goes to #cart.`,
      },
    },
  },
};

export const English: Story = {
  args: { storeId: 'sb-cart-button-en', storeLocale: 'en', showLabel: true },
  play: async ({ canvasElement }) => {
    await fillCart(canvasElement, [['CC-TEE-001', 1]]);
  },
  parameters: {
    docs: {
      description: { story: '`<sf-store locale="en">`: the label reads "Cart" and the name "Cart, 1 item".' },
    },
  },
};

export const Themed: Story = {
  args: { storeId: 'sb-cart-button-themed', showLabel: true, label: '购物袋' },
  render: (args) =>
    html`<style>
        .dark-header {
          --sf-color-primary: #f59e0b;
          --sf-cart-button-color: #f8f5ef;
          --sf-cart-button-hover-background: rgb(255 255 255 / 10%);
          --sf-cart-button-badge-color: #1d2026;
          --sf-cart-button-badge-ring: #1d2026;
          --sf-cart-button-border: 1px solid rgb(255 255 255 / 25%);
          background: #1d2026 !important;
          color: #f8f5ef;
        }
        .dark-header nav {
          color: #b7bcc4 !important;
        }
        .dark-header sf-cart-button::part(label) {
          letter-spacing: 0.2em;
        }
      </style>
      <sf-store store-id=${ifDefined(attr(args.storeId))} locale=${ifDefined(attr(args.storeLocale))}>
        ${header(args, 'dark-header')}
      </sf-store>`,
  play: async ({ canvasElement }) => {
    await fillCart(canvasElement, [['CC-TEE-001', 5]]);
  },
  parameters: {
    docs: {
      description: {
        story: `A dark header: \`--sf-color-primary: #f59e0b\` (amber badge), \`--sf-cart-button-color\` light, a hairline
\`--sf-cart-button-border\`, the badge's ring in the header's colour (\`--sf-cart-button-badge-ring\`), a custom label
"购物袋", and \`::part(label)\` letter-spaced.`,
      },
    },
  },
};
