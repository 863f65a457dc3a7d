import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { withActions } from 'storybook/actions/decorator';
// Until components/index.ts registers it, the story registers the element itself (harmless after).
import '../components/sf-add-to-cart/sf-add-to-cart.ts';
import { LocalAdapter, type StorefrontAdapter } from '../src/index.js';
import { attr, cssVars } from './story-helpers.js';

/**
 * The attributes `<sf-add-to-cart>` reads (`sku`, `quantity`, `show-quantity`, and the global
 * `lang`), then its CSS custom properties; the `store*` and `latency` args set up the
 * `<sf-store>` around it.
 */
interface AddToCartArgs {
  sku?: string;
  quantity?: string;
  'show-quantity'?: boolean;
  lang?: '' | 'zh-CN' | 'en';
  '--sf-add-to-cart-background'?: string;
  '--sf-add-to-cart-color'?: string;
  '--sf-add-to-cart-radius'?: string;
  '--sf-add-to-cart-height'?: string;
  '--sf-add-to-cart-width'?: string;
  storeId?: string;
  storeLocale?: '' | 'zh-CN' | 'en';
  latency?: number;
}

const CSS_PROPERTIES = [
  '--sf-add-to-cart-background',
  '--sf-add-to-cart-color',
  '--sf-add-to-cart-radius',
  '--sf-add-to-cart-height',
  '--sf-add-to-cart-width',
] as const;

/** The element alone, with its attributes and custom properties from the controls. */
function addToCart(args: AddToCartArgs) {
  const style = cssVars(args, CSS_PROPERTIES);
  return html`<sf-add-to-cart
    sku=${ifDefined(attr(args.sku))}
    quantity=${ifDefined(attr(args.quantity))}
    ?show-quantity=${args['show-quantity'] ?? false}
    lang=${ifDefined(attr(args.lang))}
    style=${styleMap(style)}
  ></sf-add-to-cart>`;
}

/**
 * A strip of a promo page the way a designer would place the button: the product's own copy,
 * written by the page, and the kit's button under it.
 */
function promo([series, title, price]: [string, string, string], content: unknown) {
  return html`<div
    style="display: grid; justify-items: start; gap: 6px; max-width: 420px; padding: 20px 22px; border-radius: 14px; background: #fff;
      box-shadow: 0 1px 3px rgb(0 0 0 / 6%); font-family: system-ui, 'PingFang SC', 'Noto Sans CJK SC', sans-serif"
  >
    <p style="margin: 0; color: #646b75; font-size: 13px; letter-spacing: 0.08em">${series}</p>
    <p style="margin: 0; font-size: 19px; font-weight: 600">${title}</p>
    <p style="margin: 0 0 10px; color: #d0342c; font-size: 20px; font-weight: 700">${price}</p>
    ${content}
  </div>`;
}

/** The page's own copy of the demo products the stories use: [series, title, price]. */
const COPY: Record<string, [string, string, string]> = {
  'CC-TEE-001': ['云棉系列 · 经典款', '男士纯棉短袖T恤', '¥79.00'],
  'CC-TEE-004': ['云棉系列 · 新品', '重磅纯棉宽松T恤', '¥109.00'],
  'SI-BUD-005': ['声屿系列 · 仅剩 2 件', '声屿 Open 开放式耳机', '¥599.00'],
};

function renderIn(args: AddToCartArgs, adapter?: StorefrontAdapter) {
  const copy = COPY[args.sku ?? ''] ?? ['云棉系列', '（页面上的商品介绍）', '¥—'];
  return html`<sf-store
    store-id=${ifDefined(attr(args.storeId))}
    locale=${ifDefined(attr(args.storeLocale))}
    latency=${ifDefined(adapter ? undefined : attr(args.latency))}
    .adapter=${adapter ?? undefined}
  >
    ${promo(copy, addToCart(args))}
  </sf-store>`;
}

/* Made once per page, so re-renders keep the same store. */
const failingAdapter = new LocalAdapter({ fail: 'network', namespace: 'sb-add-to-cart-failing' });

const cssProperty = (description: string, summary: string, control: 'color' | 'text' = 'text') => ({
  control,
  description,
  table: { category: 'css custom properties', defaultValue: { summary } },
});
const storeArg = (description: string) => ({ table: { category: 'story: surrounding <sf-store>' }, description });

const meta = {
  title: 'Elements/sf-add-to-cart',
  component: 'sf-add-to-cart',
  tags: ['autodocs'],
  decorators: [withActions],
  render: (args) => renderIn(args),
  args: { sku: 'CC-TEE-001', storeId: 'sb-add-to-cart' },
  argTypes: {
    sku: {
      control: 'text',
      description: 'The product to add (demo skus: CC-TEE-001, SI-BUD-005 with 2 left, CC-TEE-004 sold out...).',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    quantity: {
      control: 'text',
      description: 'Units per click, 1-999 (default 1). Try `abc`, `-1`, `2.5` or `1e9`: mended, with a console warning.',
      table: { category: 'attributes', type: { summary: 'number' }, defaultValue: { summary: '1' } },
    },
    'show-quantity': {
      control: 'boolean',
      description: 'A − n + stepper before the button (at most the stock).',
      table: { category: 'attributes', type: { summary: 'boolean' }, defaultValue: { summary: 'false' } },
    },
    lang: {
      control: { type: 'select', labels: { '': '(from the store / page)' } },
      options: ['', 'zh-CN', 'en'],
      description: "The element's own language (global `lang` attribute), before its store's `locale` and `<html lang>`.",
      table: { category: 'attributes', type: { summary: "'zh-CN' | 'en'" } },
    },
    '--sf-add-to-cart-background': cssProperty('Button background.', 'var(--sf-color-primary, #d0342c)', 'color'),
    '--sf-add-to-cart-color': cssProperty('Button text colour.', 'var(--sf-color-on-primary, #fff)', 'color'),
    '--sf-add-to-cart-radius': cssProperty('Corner radius of the button and stepper.', '999px'),
    '--sf-add-to-cart-height': cssProperty('Height of the button and stepper.', '42px'),
    '--sf-add-to-cart-width': cssProperty('Width of the button (`100%` fills the column).', 'auto'),
    storeId: {
      name: 'sf-store store-id',
      control: 'text',
      ...storeArg('`store-id` of the surrounding `<sf-store>` (its own cart).'),
    },
    storeLocale: {
      name: 'sf-store locale',
      control: { type: 'select', labels: { '': '(toolbar Locale)' } },
      options: ['', 'zh-CN', 'en'],
      ...storeArg("`locale` of the surrounding `<sf-store>` (empty: the toolbar's Locale)."),
    },
    latency: {
      name: 'sf-store latency',
      control: { type: 'range', min: 0, max: 20000, step: 500 },
      ...storeArg('`latency` (ms) of the local adapter: how long the button waits for the product.'),
    },
  },
  parameters: {
    actions: { handles: ['sf-add-to-cart'] },
    docs: {
      description: {
        component: `An add-to-cart button for one product, to put under the product copy of any page:
\`<sf-add-to-cart sku="CC-TEE-001"></sf-add-to-cart>\`. A click fires the cancelable \`sf-add-to-cart\` {sku, quantity}
(see the Actions panel; \`preventDefault()\` keeps the cart unchanged), then adds \`quantity\` units to the store's cart.
While adding the button is busy (\`aria-busy\`) and ignores more clicks; then it turns green with a check mark for two
seconds and a polite live region says "已加入购物车".

It loads the product to know its stock: sold out and unknown skus give a disabled button with the reason as its text
("已售罄", "商品不存在"). Asking for more than the stock adds what there is and says "库存不足，已为你加入 N 件"; when the cart
already holds it all, "已达库存上限". Errors show under the button with "重试".

**Theming.** Parts \`button\`, \`quantity\` (the stepper), \`quantity-input\`, \`quantity-button\`, \`status\`,
\`status-action\`; custom properties \`--sf-add-to-cart-*\` fall back to \`--sf-color-primary\` and friends. The default
slot replaces the button's content (\`<sf-add-to-cart sku="…">立即抢购</sf-add-to-cart>\`).`,
      },
    },
  },
} satisfies Meta<AddToCartArgs>;

export default meta;
type Story = StoryObj<AddToCartArgs>;

export const Default: Story = {
  parameters: {
    docs: {
      description: {
        story: `A red pill "加入购物车" with a cart icon, under copy the page wrote itself. Click it: the Actions panel logs
\`sf-add-to-cart\` {sku: 'CC-TEE-001', quantity: 1}, the button turns green with "✓ 已加入购物车" for two seconds.`,
      },
    },
  },
};

export const WithQuantity: Story = {
  name: 'With quantity stepper',
  args: { sku: 'SI-BUD-005', 'show-quantity': true, quantity: '2', storeId: 'sb-add-to-cart-quantity' },
  parameters: {
    docs: {
      description: {
        story: `\`show-quantity quantity="2"\` on a product with 2 left (SI-BUD-005): a − 2 + stepper before the button, its +
greyed out at the stock (it stays focusable, \`aria-disabled\`). Typing a bigger number is mended to the stock. Add twice:
the second time the cart already holds all there is, and the line under the button says "已达库存上限（最多 2 件）".`,
      },
    },
  },
};

export const SoldOut: Story = {
  name: 'Sold out',
  args: { sku: 'CC-TEE-004', 'show-quantity': true, storeId: 'sb-add-to-cart-sold-out' },
  parameters: {
    docs: {
      description: {
        story: `CC-TEE-004 has no stock left: the button is disabled and says "已售罄", the stepper is disabled too.`,
      },
    },
  },
};

export const UnknownSku: Story = {
  name: 'Unknown sku',
  args: { sku: 'NO-SUCH-SKU', storeId: 'sb-add-to-cart-unknown' },
  parameters: {
    docs: {
      description: {
        story: `A sku the shop does not have (a typo, a product taken off sale): a disabled "商品不存在" button, and a grey line
naming the sku so the page author sees what to fix.`,
      },
    },
  },
};

export const Loading: Story = {
  args: { storeId: 'sb-add-to-cart-loading', latency: 100000 },
  parameters: {
    docs: {
      description: {
        story: `The store answers slowly (\`latency="100000"\`): the button keeps its size and colours under a slow sheen,
busy (\`aria-busy\`, \`aria-disabled\`) until the product's stock is known; screen readers hear "正在加载商品…".`,
      },
    },
  },
};

export const Failing: Story = {
  args: { storeId: 'sb-add-to-cart-failing' },
  argTypes: { latency: { control: false } },
  render: (args) => renderIn(args, failingAdapter),
  parameters: {
    docs: {
      description: {
        story: `The backend cannot be reached (\`new LocalAdapter({ fail: 'network' })\`): the stock cannot be checked, and a
red line says so with "重试". The button still works: the SDK keeps the line in the cart and checks stock and price when
the shop answers again.`,
      },
    },
  },
};

export const English: Story = {
  args: { lang: 'en', 'show-quantity': true, storeId: 'sb-add-to-cart-en' },
  parameters: {
    docs: {
      description: {
        story: `\`lang="en"\`: "Add to cart", "Adding…", "Added to cart", the stepper's "Quantity", "Decrease quantity" and
"Increase quantity" for screen readers.`,
      },
    },
  },
};

export const Themed: Story = {
  args: { storeId: 'sb-add-to-cart-themed', 'show-quantity': true },
  render: (args) =>
    html`<style>
        .ink-shop {
          --sf-color-primary: #1f2328;
          --sf-add-to-cart-radius: 4px;
          --sf-add-to-cart-height: 46px;
          --sf-add-to-cart-width: 100%;
          --sf-add-to-cart-success-color: #0f766e;
          --sf-font-family: 'Noto Serif CJK SC', 'Songti SC', Georgia, serif;
        }
        .ink-shop sf-add-to-cart::part(button) {
          letter-spacing: 0.3em;
          font-weight: 500;
        }
        .ink-shop sf-add-to-cart::part(quantity) {
          border-color: #1f2328;
        }
      </style>
      <sf-store store-id=${ifDefined(attr(args.storeId))} locale=${ifDefined(attr(args.storeLocale))}>
        <div class="ink-shop">${promo(COPY['CC-TEE-001']!, addToCart(args))}</div>
      </sf-store>`,
  parameters: {
    docs: {
      description: {
        story: `Restyled from outside only: \`--sf-color-primary: #1f2328\` (ink), square corners
(\`--sf-add-to-cart-radius: 4px\`), a full-width button (\`--sf-add-to-cart-width: 100%\`), a teal
\`--sf-add-to-cart-success-color\`, a serif \`--sf-font-family\`, and \`::part(button)\` letter-spaced.`,
      },
    },
  },
};
