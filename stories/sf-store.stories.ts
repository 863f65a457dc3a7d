import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { withActions } from 'storybook/actions/decorator';
import { LocalAdapter, type Product, type StorefrontAdapter } from '../src/index.js';
import { attr } from './story-helpers.js';

/**
 * Args of `<sf-store>`, named like its attributes. `locale` left empty follows the
 * toolbar's Locale (the page's `<html lang>`), as a store without `locale` does on a real site.
 */
interface StoreArgs {
  adapter?: string;
  endpoint?: string;
  locale?: '' | 'zh-CN' | 'en';
  currency?: string;
  'store-id'?: string;
  latency?: number;
}

/** Turns empty controls into "attribute absent", so the element's own defaults apply. */

/** `<sf-store>` set up from attributes, with an `<sf-store-status>` inside to show the result. */
function renderStore(args: StoreArgs) {
  return html`<sf-store
    adapter=${ifDefined(attr(args.adapter))}
    endpoint=${ifDefined(attr(args.endpoint))}
    locale=${ifDefined(attr(args.locale))}
    currency=${ifDefined(attr(args.currency))}
    store-id=${ifDefined(attr(args['store-id']))}
    latency=${ifDefined(attr(args.latency))}
  >
    <sf-store-status></sf-store-status>
  </sf-store>`;
}

/** `<sf-store>` given an adapter object through its `adapter` property (not an attribute). */
function renderWithAdapter(adapter: StorefrontAdapter) {
  return (args: StoreArgs) =>
    html`<sf-store
      .adapter=${adapter}
      locale=${ifDefined(attr(args.locale))}
      currency=${ifDefined(attr(args.currency))}
      store-id=${ifDefined(attr(args['store-id']))}
    >
      <sf-store-status></sf-store-status>
    </sf-store>`;
}

/*
 * Adapter objects live as long as the page: re-rendering a story (a control changed, the
 * locale switched) hands the store the same object, so it keeps its storefront instead of
 * seeing a new adapter. Each has its own namespace, so no story's data mixes with another's.
 */
const failingAdapter = new LocalAdapter({ fail: 'network', namespace: 'sb-store-failing' });

const yuan = (fen: number) => ({ amount: fen, currency: 'CNY' });
const TINY_CATALOG: Product[] = [
  {
    id: 'tea-001',
    sku: 'TEA-LJ-250',
    title: '明前龙井 250g',
    price: yuan(16800),
    compareAtPrice: yuan(19800),
    category: 'tea',
    stock: 40,
    translations: { en: { title: 'Pre-Qingming Longjing, 250 g' } },
  },
  {
    id: 'tea-002',
    sku: 'TEA-PE-357',
    title: '云南普洱饼 357g',
    price: yuan(12800),
    category: 'tea',
    stock: 25,
    translations: { en: { title: 'Yunnan Pu-erh Cake, 357 g' } },
  },
  {
    id: 'cup-001',
    sku: 'CUP-GW-02',
    title: '盖碗茶具两件套',
    price: yuan(8900),
    category: 'teaware',
    translations: { en: { title: 'Gaiwan Tea Set (2 pieces)' } },
  },
];
const tinyCatalogAdapter = new LocalAdapter({ products: TINY_CATALOG, namespace: 'sb-store-custom-catalog' });

const THEMING = `**Theming.** \`<sf-store>\` takes no room (\`display: contents\`), so set the kit's tokens on it
or on any ancestor and every widget inside follows: \`--sf-color-primary\`, \`--sf-color-text\`,
\`--sf-color-surface\`, \`--sf-color-border\`, \`--sf-radius\`, \`--sf-font-family\`, \`--sf-font-size\`.
Its configuration message is \`sf-store::part(notice)\` (button: \`::part(notice-action)\`); the
status pill inside is \`sf-store-status::part(status)\`.`;

const meta = {
  title: 'Elements/sf-store',
  component: 'sf-store',
  tags: ['autodocs'],
  decorators: [withActions],
  render: renderStore,
  args: {
    'store-id': 'sb-store-default',
  },
  argTypes: {
    adapter: {
      control: 'text',
      description:
        '`local` (the in-browser demo shop, default) or `rest`: the RestAdapter on the kit\'s REST contract at `endpoint` (implied when `endpoint` is set; its code loads only then). From script it may also be set to an adapter object, at any time, even before the element is defined (see the "Custom adapter" stories).',
      table: { category: 'attributes', type: { summary: "'local' | 'rest'" }, defaultValue: { summary: 'local' } },
    },
    endpoint: {
      control: 'text',
      description: "Base URL of a backend speaking the kit's REST contract: `https://…` or a path starting with `/`.",
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    locale: {
      control: { type: 'select', labels: { '': '(page language)' } },
      options: ['', 'zh-CN', 'en'],
      description: '`zh-CN` (default) or `en`. Empty here: the page language (toolbar "Locale").',
      table: {
        category: 'attributes',
        type: { summary: "'zh-CN' | 'en'" },
        defaultValue: { summary: '<html lang>, else zh-CN' },
      },
    },
    currency: {
      control: 'text',
      description: 'ISO 4217 currency of the cart.',
      table: { category: 'attributes', type: { summary: 'string' }, defaultValue: { summary: 'CNY' } },
    },
    'store-id': {
      control: 'text',
      description:
        'Separates the data of several shops on one site: 1-64 letters, digits, `-` and `_`. Every story here has its own, so their saved data (IndexedDB) does not mix.',
      table: { category: 'attributes', type: { summary: 'string' }, defaultValue: { summary: 'default' } },
    },
    latency: {
      control: { type: 'range', min: 0, max: 5000, step: 100 },
      description: 'Simulated latency of the local adapter in ms, to preview loading states.',
      table: { category: 'attributes', type: { summary: 'number' }, defaultValue: { summary: '0' } },
    },
  },
  parameters: {
    actions: { handles: ['sf-store-ready', 'sf-store-error'] },
    docs: {
      description: {
        component: `The provider every widget needs: it connects the widgets inside it (and any widget on the page outside every store)
to a backend and to the browser's storage. A web designer sees nothing of it when it is set up right; only the widgets inside
appear (here an \`<sf-store-status>\`). Set up wrongly, it shows a message naming the wrong attribute.

${THEMING}

Events \`sf-store-ready\` and \`sf-store-error\` show in the Actions panel.`,
      },
    },
  },
} satisfies Meta<StoreArgs>;

export default meta;
type Story = StoryObj<StoreArgs>;

export const Default: Story = {
  parameters: {
    docs: {
      description: {
        story: `The in-browser demo shop (\`adapter="local"\`, the default). The designer sees the status pill: a green dot,
"商店已连接 · 共 N 件商品 · 购物车已保存在本机浏览器中。". Theme the pill with \`sf-store-status::part(status)\` or
\`--sf-store-status-background\`, \`--sf-store-status-radius\`, \`--sf-store-status-padding\`.`,
      },
    },
  },
};

export const Slow: Story = {
  args: { 'store-id': 'sb-store-slow', latency: 1500 },
  parameters: {
    docs: {
      description: {
        story: `Every call of the local adapter takes 1.5 s, so the loading state shows first: a notice with a spinning ring
in \`--sf-color-primary\` and "正在连接商店…", then the connected pill. Style the loading box with \`::part(notice)\`
(its corners follow \`--sf-radius\`). Move the latency control, then use "Remount" in the toolbar to see it again.`,
      },
    },
  },
};

export const BadStoreId: Story = {
  name: 'Error: bad store-id',
  args: { 'store-id': 'my store/1' },
  parameters: {
    docs: {
      description: {
        story: `\`store-id="my store/1"\` has a space and a slash. The store shows a red-bordered notice "商店配置有误" saying
which characters are allowed, and the status inside repeats that the store is set up wrongly. Style it with
\`sf-store::part(notice)\`; its colours come from \`--sf-color-danger\`.`,
      },
    },
  },
};

export const BadAdapter: Story = {
  name: 'Error: bad adapter',
  args: { 'store-id': 'sb-store-bad-adapter', adapter: 'nonsense' },
  parameters: {
    docs: {
      description: {
        story: `\`adapter="nonsense"\`: the notice says to use \`local\` or \`rest\`, or to set the \`adapter\` property from script.
Same styling hooks as every configuration message: \`sf-store::part(notice)\`, \`--sf-color-danger\`, \`--sf-radius\`.`,
      },
    },
  },
};

export const BadEndpoint: Story = {
  name: 'Error: bad endpoint',
  args: { 'store-id': 'sb-store-bad-endpoint', adapter: 'rest', endpoint: 'not a url' },
  parameters: {
    docs: {
      description: {
        story: `\`adapter="rest" endpoint="not a url"\`: the notice says the endpoint is not a valid URL and what one looks like
(\`https://…\` or a path starting with \`/\`). Styled through \`sf-store::part(notice)\`.`,
      },
    },
  },
};

export const English: Story = {
  args: { 'store-id': 'sb-store-en', locale: 'en' },
  parameters: {
    docs: {
      description: {
        story: `\`locale="en"\` on the store: every widget inside speaks English whatever the page language ("Store connected ·
N products · Your cart is saved in this browser."). Without \`locale\` the store follows \`<html lang>\` (the toolbar's
Locale here). English text runs longer: leave the pill room to wrap.`,
      },
    },
  },
};

export const CustomAdapterFailing: Story = {
  name: 'Custom adapter: failing backend',
  render: renderWithAdapter(failingAdapter),
  args: { 'store-id': 'sb-store-failing' },
  argTypes: { adapter: { control: false }, endpoint: { control: false }, latency: { control: false } },
  parameters: {
    docs: {
      description: {
        story: `The \`adapter\` property set from script to \`new LocalAdapter({ fail: 'network' })\`, a backend that cannot be
reached. The store connects (storage opens), but the catalog cannot load: the status shows a red notice "无法连接到商店服务器，
请检查网络后重试。" with a "重试" (Retry) button that tries again. Style the box with \`::part(notice)\` and the button with
\`::part(notice-action)\` (it turns \`--sf-color-primary\` on hover).

\`\`\`js
document.querySelector('sf-store').adapter = new LocalAdapter({ fail: 'network' });
\`\`\``,
      },
    },
  },
};

export const CustomCatalog: Story = {
  name: 'Custom adapter: 3-product catalog',
  render: renderWithAdapter(tinyCatalogAdapter),
  args: { 'store-id': 'sb-store-custom-catalog' },
  argTypes: { adapter: { control: false }, endpoint: { control: false }, latency: { control: false } },
  parameters: {
    docs: {
      description: {
        story: `The \`adapter\` property set to \`new LocalAdapter({ products })\` with a catalog of three tea products of the
page's own: the status counts them ("共 3 件商品"). Any object with a \`name\` and \`catalog.list\` / \`catalog.get\` works
as an adapter; theming is the same as for the default store.`,
      },
    },
  },
};
