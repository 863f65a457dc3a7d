import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/sf-product-grid/sf-product-grid.ts';
import { LocalAdapter, type Product } from '../src/index.js';
import { attr } from './story-helpers.js';

/** The grid's attributes, then the surrounding store's. */
interface GridArgs {
  series?: string;
  category?: string;
  sort?: string;
  'page-size'?: number;
  infinite?: boolean;
  'hide-filters'?: boolean;
  'ignore-search'?: boolean;
  'product-href'?: string;
  lang?: '' | 'zh-CN' | 'en';
  storeId?: string;
  latency?: number;
}

function grid(args: GridArgs) {
  return html`<sf-product-grid
    series=${ifDefined(attr(args.series))}
    category=${ifDefined(attr(args.category))}
    sort=${ifDefined(attr(args.sort))}
    page-size=${ifDefined(attr(args['page-size']))}
    product-href=${ifDefined(attr(args['product-href']))}
    lang=${ifDefined(attr(args.lang))}
    ?infinite=${args.infinite ?? false}
    ?hide-filters=${args['hide-filters'] ?? false}
    ?ignore-search=${args['ignore-search'] ?? false}
  ></sf-product-grid>`;
}

/** 10,000 generated products, for the infinite-scroll story. */
function generated(count: number): Product[] {
  const nouns = ['纯棉短袖T恤', '连帽卫衣', '休闲长裤', '真无线耳机', '桌面音箱', '羊毛袜', '头戴式耳机', '家居服套装'];
  const adjectives = ['轻薄', '加厚', '宽松', '修身', '降噪', '复古', '简约', '亲肤'];
  return Array.from({ length: count }, (_, i) => {
    const noun = nouns[i % nouns.length]!;
    const audio = noun.includes('耳机') || noun.includes('音箱');
    return {
      id: `gen-${i}`,
      sku: `GEN-${String(i).padStart(5, '0')}`,
      title: `${adjectives[(i >> 3) % adjectives.length]}${noun} ${i + 1} 号`,
      price: { amount: 2900 + ((i * 7919) % 400) * 100, currency: 'CNY' },
      series: audio ? 'sound-isle' : 'cloud-cotton',
      stock: (i * 13) % 40,
      rating: { average: 3.5 + ((i * 7) % 15) / 10, count: (i * 31) % 900 },
      createdAt: i,
    } satisfies Product;
  });
}

/* Adapters live as long as the page, so re-renders keep the same store. */
const failingAdapter = new LocalAdapter({ fail: 'network', namespace: 'sb-grid-failing' });
const emptyAdapter = new LocalAdapter({ products: [], namespace: 'sb-grid-empty' });
let bigAdapter: LocalAdapter | null = null;

function inStore(args: GridArgs, adapter?: LocalAdapter) {
  return html`<sf-store store-id=${ifDefined(attr(args.storeId))} latency=${ifDefined(attr(args.latency))} .adapter=${adapter}>
    ${grid(args)}
  </sf-store>`;
}

const meta = {
  title: 'Elements/sf-product-grid',
  component: 'sf-product-grid',
  tags: ['autodocs'],
  render: (args) => inStore(args),
  args: { storeId: 'sb-grid', 'page-size': 8 },
  argTypes: {
    series: {
      control: { type: 'select', labels: { '': '(all)' } },
      options: ['', 'cloud-cotton', 'sound-isle'],
      description: 'Only this series; the shopper can change it with the chips.',
      table: { category: 'attributes' },
    },
    category: {
      control: { type: 'select', labels: { '': '(all)' } },
      options: ['', 'tops', 'bottoms', 'homewear', 'accessories', 'earbuds', 'headphones', 'speakers'],
      description: 'Only this category.',
      table: { category: 'attributes' },
    },
    sort: {
      control: 'select',
      options: ['relevance', 'price-asc', 'price-desc', 'newest', 'rating'],
      description: 'Initial sort order.',
      table: { category: 'attributes', defaultValue: { summary: 'relevance' } },
    },
    'page-size': {
      control: { type: 'number', min: 1, max: 200 },
      description: 'Products per page (or per batch in infinite mode).',
      table: { category: 'attributes', defaultValue: { summary: '24' } },
    },
    infinite: { control: 'boolean', description: 'Virtualized infinite scroll.', table: { category: 'attributes' } },
    'hide-filters': { control: 'boolean', description: 'Hide chips and sort.', table: { category: 'attributes' } },
    'ignore-search': {
      control: 'boolean',
      description: "Do not follow the page's search box.",
      table: { category: 'attributes' },
    },
    'product-href': { control: 'text', description: 'Card link, `{sku}` replaced.', table: { category: 'attributes' } },
    lang: {
      control: { type: 'select', labels: { '': '(from the store / page)' } },
      options: ['', 'zh-CN', 'en'],
      table: { category: 'attributes' },
    },
    storeId: { name: 'sf-store store-id', control: 'text', table: { category: 'story: surrounding <sf-store>' } },
    latency: {
      name: 'sf-store latency',
      control: { type: 'range', min: 0, max: 20000, step: 500 },
      table: { category: 'story: surrounding <sf-store>' },
    },
  },
  parameters: {
    docs: {
      description: {
        component: `The shop's product display (产品系列 / 品类陈设): chips for the two series and their categories, a sort
select, the product count and numbered pages; or, with \`infinite\`, a virtualized infinite scroll that keeps only the
visible cards in the page (10,000 products cost what 30 do). When an \`<sf-search-box>\` of the same store searches, the grid
shows the ranked results with the matched words highlighted, and a "清除搜索" link to go back.

**Theming.** \`--sf-product-grid-min-column\` (narrowest column, 220px), \`--sf-product-grid-gap\`,
\`--sf-product-grid-chip-background\`, \`--sf-product-grid-chip-active-background\`; parts \`toolbar\`, \`filters\`, \`chip\`,
\`sort\`, \`count\`, \`grid\`, \`item\`, \`skeleton\`, \`pagination\`, \`page\`, \`notice\`. The cards inside are
\`<sf-product-card>\`s: style them with their own properties from the page.`,
      },
    },
  },
} satisfies Meta<GridArgs>;

export default meta;
type Story = StoryObj<GridArgs>;

export const Default: Story = {};

export const OneSeries: Story = {
  name: 'One series, sorted by price',
  args: { storeId: 'sb-grid-series', series: 'sound-isle', sort: 'price-asc' },
};

export const English: Story = { args: { storeId: 'sb-grid-en', lang: 'en' } };

export const Loading: Story = { args: { storeId: 'sb-grid-loading', latency: 20000 } };

export const EmptyCategory: Story = {
  name: 'Empty category',
  args: { storeId: 'sb-grid-empty-category', category: 'no-such-category' },
};

export const EmptyShop: Story = {
  name: 'Empty shop',
  args: { storeId: 'sb-grid-empty-shop' },
  render: (args) => inStore(args, emptyAdapter),
};

export const Failing: Story = {
  name: 'Adapter failing (retry)',
  args: { storeId: 'sb-grid-failing' },
  render: (args) => inStore(args, failingAdapter),
};

export const SearchResults: Story = {
  name: 'Following a search',
  args: { storeId: 'sb-grid-search' },
  render: (args) => html`${inStore(args)}`,
  play: async ({ canvasElement }) => {
    const store = canvasElement.querySelector('sf-store')!;
    const storefront = await store.whenReady();
    storefront.search.setQuery('纯棉');
  },
};

export const Infinite10k: Story = {
  name: 'Infinite scroll, 10,000 products',
  args: { storeId: 'sb-grid-10k', infinite: true, 'page-size': 60 },
  render: (args) => inStore(args, (bigAdapter ??= new LocalAdapter({ products: generated(10000), namespace: 'sb-grid-10k' }))),
};

export const Themed: Story = {
  args: { storeId: 'sb-grid-themed' },
  render: (args) =>
    html`<style>
        .themed-grid {
          --sf-color-primary: #0f766e;
          --sf-radius: 4px;
          --sf-product-grid-gap: 12px;
          --sf-product-grid-min-column: 180px;
        }
        .themed-grid sf-product-grid::part(chip) {
          border-radius: 4px;
        }
        .themed-grid sf-product-grid::part(toolbar) {
          padding: 12px;
          background: #f0fdfa;
        }
      </style>
      <div class="themed-grid">${inStore(args)}</div>`,
};
