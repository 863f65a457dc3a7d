import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { withActions } from 'storybook/actions/decorator';
// Until components/index.ts registers it, the story registers the card itself (harmless after).
import '../components/sf-product-card/sf-product-card.ts';
import { LocalAdapter, type Product, type StorefrontAdapter } from '../src/index.js';
import { attr, cssVars } from './story-helpers.js';

/**
 * The attributes `<sf-product-card>` reads (`sku`, `href`, `heading-level`, and the global
 * `lang`), then its CSS custom properties, so a designer can try them from the Controls panel;
 * the `store*` and `latency` args set up the `<sf-store>` around it.
 */
interface CardArgs {
  sku?: string;
  href?: string;
  lang?: '' | 'zh-CN' | 'en';
  'heading-level'?: number;
  '--sf-product-card-accent'?: string;
  '--sf-product-card-background'?: string;
  '--sf-product-card-border-color'?: string;
  '--sf-product-card-radius'?: string;
  '--sf-product-card-padding'?: string;
  '--sf-product-card-price-color'?: string;
  '--sf-product-card-image-ratio'?: string;
  '--sf-product-card-image-background'?: string;
  '--sf-product-card-button-background'?: string;
  '--sf-product-card-button-radius'?: string;
  storeId?: string;
  storeLocale?: '' | 'zh-CN' | 'en';
  latency?: number;
  /** Width of the box the card is put in (the card adapts to it). */
  width?: number;
}

const CSS_PROPERTIES = [
  '--sf-product-card-accent',
  '--sf-product-card-background',
  '--sf-product-card-border-color',
  '--sf-product-card-radius',
  '--sf-product-card-padding',
  '--sf-product-card-price-color',
  '--sf-product-card-image-ratio',
  '--sf-product-card-image-background',
  '--sf-product-card-button-background',
  '--sf-product-card-button-radius',
] as const;

/** The card alone, with its attributes and custom properties from the controls. */
function card(args: CardArgs, sku = args.sku) {
  const style = cssVars(args, CSS_PROPERTIES);
  return html`<sf-product-card
    sku=${ifDefined(attr(sku))}
    href=${ifDefined(attr(args.href))}
    lang=${ifDefined(attr(args.lang))}
    heading-level=${ifDefined(attr(args['heading-level']))}
    style=${styleMap(style)}
  ></sf-product-card>`;
}

/** A box of the chosen width, as the column of a promo page or a blog post would be. */
const frame = (args: CardArgs, content: unknown) =>
  html`<div style=${styleMap({ maxWidth: `${args.width ?? 300}px` })}>${content}</div>`;

/** The card inside a local-adapter store (the embedded demo shop) set up from the store args. */
function renderInStore(args: CardArgs) {
  return html`<sf-store
    store-id=${ifDefined(attr(args.storeId))}
    locale=${ifDefined(attr(args.storeLocale))}
    latency=${ifDefined(attr(args.latency))}
  >
    ${frame(args, card(args))}
  </sf-store>`;
}

/** The card inside a store running `adapter` (given through the store's `adapter` property). */
function renderWithAdapter(adapter: StorefrontAdapter) {
  return (args: CardArgs) =>
    html`<sf-store store-id=${ifDefined(attr(args.storeId))} locale=${ifDefined(attr(args.storeLocale))} .adapter=${adapter}>
      ${frame(args, card(args))}
    </sf-store>`;
}

/* ------------------------------------------------------------ adapters made once per page */

const yuan = (amount: number) => ({ amount, currency: 'CNY' });
const failingAdapter = new LocalAdapter({ fail: 'network', namespace: 'sb-card-failing' });

/** What a careless backend or a hostile page author could hand the card. */
const BROKEN_PRODUCTS: Product[] = [
  { id: 'broken-1', sku: 'BROKEN-1', title: '', price: yuan(4900), stock: 12 },
  {
    id: 'broken-2',
    sku: 'BROKEN-2',
    title: '<img src=x onerror=alert(1)> 纯棉袜 <script>alert(2)</script>',
    price: yuan(1900),
    images: [{ src: 'https://invalid.example/missing.png', alt: '' }],
    stock: 40,
  },
];
const brokenAdapter = new LocalAdapter({ products: BROKEN_PRODUCTS, namespace: 'sb-card-broken' });
/** No price at all: the schema keeps such a product away from the store, but a script can hand it over. */
const NO_PRICE = { id: 'broken-3', sku: 'BROKEN-3', title: '定制礼盒（询价）', stock: 5 } as unknown as Product;

/* ------------------------------------------------------------ meta */

const cssProperty = (description: string, summary: string, control: 'color' | 'text' = 'text') => ({
  type: 'string' as const,
  control,
  description,
  table: { category: 'css custom properties', defaultValue: { summary } },
});
const storeArg = (description: string) => ({ table: { category: 'story: surrounding <sf-store>' }, description });

const meta = {
  title: 'Elements/sf-product-card',
  component: 'sf-product-card',
  tags: ['autodocs'],
  decorators: [withActions],
  render: renderInStore,
  args: { sku: 'CC-TEE-001', storeId: 'sb-card', width: 300 },
  argTypes: {
    sku: {
      control: 'text',
      description: 'The product to load from the store (demo skus: CC-TEE-001, SI-BUD-001, CC-HOD-001, CC-TEE-004...).',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    href: {
      control: 'text',
      description: 'Link of the product page; `{sku}` is replaced by the sku. The title and picture link there.',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    lang: {
      control: { type: 'select', labels: { '': '(from the store / page)' } },
      options: ['', 'zh-CN', 'en'],
      description: "The card's own language (global `lang` attribute), before its store's `locale` and `<html lang>`.",
      table: { category: 'attributes', type: { summary: "'zh-CN' | 'en'" } },
    },
    'heading-level': {
      control: { type: 'select' },
      options: [1, 2, 3, 4, 5, 6],
      description: 'Level of the title heading, to fit the outline of the page around it.',
      table: { category: 'attributes', type: { summary: 'number' }, defaultValue: { summary: '3' } },
    },
    '--sf-product-card-accent': cssProperty(
      'Sale colour: price, badge, countdown, progress.',
      'var(--sf-color-primary, #d0342c)',
      'color',
    ),
    '--sf-product-card-background': cssProperty('Card background.', 'var(--sf-color-surface, #fff)', 'color'),
    '--sf-product-card-border-color': cssProperty('Card border colour.', 'var(--sf-color-border, #e3e6ea)', 'color'),
    '--sf-product-card-radius': cssProperty('Card corner radius.', 'var(--sf-radius, 12px)'),
    '--sf-product-card-padding': cssProperty('Space inside the text column.', '16px'),
    '--sf-product-card-price-color': cssProperty('Colour of the price.', 'the accent', 'color'),
    '--sf-product-card-image-ratio': cssProperty('Aspect ratio of the picture (e.g. 4 / 5).', '1 / 1'),
    '--sf-product-card-image-background': cssProperty('Backdrop of the picture.', 'var(--sf-color-subtle, #f6f7f9)', 'color'),
    '--sf-product-card-button-background': cssProperty('Add-to-cart button background.', 'the accent', 'color'),
    '--sf-product-card-button-radius': cssProperty('Add-to-cart button corner radius.', '999px'),
    width: {
      name: 'box width',
      control: { type: 'range', min: 200, max: 720, step: 10 },
      description: 'Width of the box the story puts the card in: from about 520px the picture moves to the left.',
      table: { category: 'story: layout' },
    },
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
      ...storeArg('`latency` (ms) of the surrounding `<sf-store>`: how long the loading skeleton shows.'),
    },
  },
  parameters: {
    actions: { handles: ['sf-add-to-cart'] },
    docs: {
      description: {
        component: `One product as a card, for a promo page or a blog post: \`<sf-product-card sku="CC-TEE-001"></sf-product-card>\`
inside (or anywhere on a page with) an \`<sf-store>\`. It shows the picture, title, price with the struck-through reference
price and the saving, rating, stock, a live 限时特卖 countdown (the price goes back to the list price by itself when the sale
ends), the 团购 progress, and an add-to-cart button that fires the cancelable \`sf-add-to-cart\` event first (see the Actions
panel) and then adds the product to the store's cart.

**Layout.** The card fills the width it is given: vertical when narrow, picture on the left from about 520px (a container
query on the card itself, so it works in a sidebar, a grid cell or a wide article column alike).

**Theming.** Custom properties \`--sf-product-card-*\` (try them in Controls) fall back to the kit's \`--sf-color-*\`,
\`--sf-radius\` and \`--sf-font-family\`; every piece is a \`::part()\`: \`card\`, \`image\`, \`badge\`, \`title\`, \`price\`,
\`compare-price\`, \`saving\`, \`rating\`, \`stock\`, \`countdown\`, \`group-buy\`, \`progress\`, \`button\`, \`highlight\`... (see
the "Themed" story).`,
      },
    },
  },
} satisfies Meta<CardArgs>;

export default meta;
type Story = StoryObj<CardArgs>;

export const Default: Story = {
  parameters: {
    docs: {
      description: {
        story: `A regular product of the demo shop (CC-TEE-001): ¥79.00 in red, ¥99.00 struck through, a "-20%" badge on the
picture and a "省¥20" tag, 4.8 stars with "4.8 分 · 2,316 条评价", "有货" and "包邮". Press the button: the Actions panel
logs \`sf-add-to-cart\` and "已加入购物车" appears under it.`,
      },
    },
  },
};

export const FlashSale: Story = {
  args: { sku: 'SI-BUD-001', storeId: 'sb-card-flash' },
  parameters: {
    docs: {
      description: {
        story: `The demo's running 限时特卖 (SI-BUD-001): ¥299.00 instead of ¥399.00, and a red bar "限时特卖 · 距结束 02:14:59"
ticking every second. When the sale ends the bar disappears and the price goes back to ¥399.00 on its own, without a
reload. The bar is \`::part(countdown)\` (\`role="timer"\`, so screen readers do not read every second).`,
      },
    },
  },
};

export const GroupBuy: Story = {
  args: { sku: 'CC-HOD-001', storeId: 'sb-card-group' },
  parameters: {
    docs: {
      description: {
        story: `A 团购 (CC-HOD-001): the group price ¥199.00, a progress bar (\`role="progressbar"\`, 37 of 50), "已拼 37 / 需 50 人",
"还差 13 人成团", the deadline, and the presale stock. The box is \`::part(group-buy)\`, the bar \`::part(progress)\`.`,
      },
    },
  },
};

export const LowStock: Story = {
  args: { sku: 'SI-BUD-005', storeId: 'sb-card-low' },
  parameters: {
    docs: {
      description: { story: 'Two left (SI-BUD-005): the stock line turns amber, "仅剩 2 件". No rating yet, so none is shown.' },
    },
  },
};

export const SoldOut: Story = {
  args: { sku: 'CC-TEE-004', storeId: 'sb-card-sold-out' },
  parameters: {
    docs: {
      description: {
        story: `Sold out (CC-TEE-004): the picture fades with a "已售罄" seal, and the button is disabled with the reason as its
text, so nobody wonders why it does nothing.`,
      },
    },
  },
};

export const Loading: Story = {
  args: { storeId: 'sb-card-loading', latency: 100000 },
  parameters: {
    docs: {
      description: {
        story: `The store answers slowly (\`latency="100000"\`): a skeleton of the card with a soft shimmer (still under
\`prefers-reduced-motion\`), the same size as the card it becomes, so the page does not jump. Screen readers hear
"正在加载商品…".`,
      },
    },
  },
};

export const NotFound: Story = {
  args: { sku: 'NO-SUCH-SKU', storeId: 'sb-card-not-found' },
  parameters: {
    docs: {
      description: {
        story: `A sku the shop does not have (a typo, a product taken off sale): "未找到商品 NO-SUCH-SKU", with the sku shown as
text, so the page author sees what to fix.`,
      },
    },
  },
};

export const Error: Story = {
  args: { storeId: 'sb-card-error' },
  argTypes: { latency: { control: false } },
  render: renderWithAdapter(failingAdapter),
  parameters: {
    docs: {
      description: {
        story: `The backend cannot be reached (\`new LocalAdapter({ fail: 'network' })\`) and nothing is cached: a red notice
"无法连接到商店服务器，请检查网络后重试。" with a "重试" button. Once the product was seen, a failing backend shows the cached copy
instead.`,
      },
    },
  },
};

export const BrokenProduct: Story = {
  args: { storeId: 'sb-card-broken', width: 660 },
  argTypes: { sku: { control: false }, latency: { control: false } },
  render: (args) =>
    html`<style>
        .broken-row {
          display: grid;
          grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
          gap: 16px;
        }
      </style>
      <sf-store store-id=${ifDefined(attr(args.storeId))} .adapter=${brokenAdapter}>
        <div class="broken-row" style=${styleMap({ maxWidth: `${args.width ?? 660}px` })}>
          ${card(args, 'BROKEN-1')} ${card(args, 'BROKEN-2')}
          <sf-product-card .product=${NO_PRICE} lang=${ifDefined(attr(args.lang))}></sf-product-card>
        </div>
      </sf-store>`,
  parameters: {
    docs: {
      description: {
        story: `What a careless backend or page could hand over, and how the card copes. Left: no picture and an empty title —
a drawn placeholder ("暂无图片") and "未命名商品". Middle: a title full of markup (\`<img src=x onerror=alert(1)>\`, a script
tag) shown as plain text, and a picture that fails to load replaced by the placeholder. Right: a product with no price
(handed in through the \`product\` property) — "暂无报价" and a disabled button, never "NaN".`,
      },
    },
  },
};

export const English: Story = {
  args: { sku: 'SI-BUD-001', lang: 'en', storeId: 'sb-card-en' },
  parameters: {
    docs: {
      description: {
        story: `\`lang="en"\` on the card (or \`locale="en"\` on the store): the English title from the product's translations,
"Flash sale · Ends in 02:14:59", "Save CN¥100", "4.7/5 · 5,210 reviews", "Add to cart".`,
      },
    },
  },
};

export const Themed: Story = {
  args: { sku: 'SI-BUD-001', storeId: 'sb-card-themed', width: 320 },
  render: (args) =>
    html`<style>
        .muji-like {
          --sf-color-primary: #7f0019;
          --sf-radius: 2px;
          --sf-font-family: 'Noto Serif CJK SC', 'Songti SC', Georgia, serif;
          --sf-product-card-background: #fbf8f3;
          --sf-product-card-border-color: #e6dfd3;
          --sf-product-card-image-background: #efe9df;
          --sf-product-card-image-ratio: 4 / 5;
          --sf-product-card-button-radius: 2px;
          display: grid;
          grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
          gap: 20px;
          max-width: 680px;
        }
        .muji-like sf-product-card::part(card) {
          box-shadow: none;
        }
        .muji-like sf-product-card::part(title) {
          font-weight: 500;
          letter-spacing: 0.04em;
        }
        .muji-like sf-product-card::part(badge) {
          border-radius: 0;
          box-shadow: none;
        }
        .muji-like sf-product-card::part(countdown) {
          background: #7f0019;
          border-radius: 0;
        }
        .muji-like sf-product-card::part(button) {
          letter-spacing: 0.2em;
        }
        .muji-like sf-product-card::part(highlight) {
          background: #f3e3b5;
        }
      </style>
      <sf-store store-id=${ifDefined(attr(args.storeId))} locale=${ifDefined(attr(args.storeLocale))}>
        <div class="muji-like">${card(args)} ${card(args, 'CC-HOD-001')}</div>
      </sf-store>`,
  parameters: {
    docs: {
      description: {
        story: `Restyled from outside only, like a quieter Muji-style shop: on a container, \`--sf-color-primary: #7f0019\`,
\`--sf-radius: 2px\`, a serif \`--sf-font-family\`, and card properties (\`--sf-product-card-background\`,
\`--sf-product-card-image-ratio: 4 / 5\`, \`--sf-product-card-button-radius\`). Then \`::part()\` rules: no shadow on
\`card\`, a lighter \`title\`, a square \`badge\` and \`countdown\`, letter-spaced \`button\`.

\`\`\`css
.muji-like { --sf-color-primary: #7f0019; --sf-radius: 2px; --sf-product-card-image-ratio: 4 / 5; }
.muji-like sf-product-card::part(countdown) { background: #7f0019; border-radius: 0; }
.muji-like sf-product-card::part(button) { letter-spacing: 0.2em; }
\`\`\``,
      },
    },
  },
};

export const NarrowAndWide: Story = {
  name: 'Narrow and wide',
  args: { sku: 'SI-BUD-001', storeId: 'sb-card-widths' },
  argTypes: { width: { control: false } },
  render: (args) =>
    html`<sf-store store-id=${ifDefined(attr(args.storeId))} locale=${ifDefined(attr(args.storeLocale))}>
      <div style="display: grid; gap: 24px">
        <div style="width: 240px">${card(args)}</div>
        <div style="width: 640px; max-width: 100%">${card(args)}</div>
        <div style="width: 640px; max-width: 100%">${card(args, 'CC-HOD-001')}</div>
      </div>
    </sf-store>`,
  parameters: {
    docs: {
      description: {
        story: `The same card in a 240px sidebar and a 640px article column. It reacts to its own width (\`container-type:
inline-size\`), not the window's: vertical when narrow; from about 520px the picture moves to the left, the title grows,
and the description appears.`,
      },
    },
  },
};
