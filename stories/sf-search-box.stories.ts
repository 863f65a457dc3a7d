import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { withActions } from 'storybook/actions/decorator';
import { userEvent } from 'storybook/test';
// The preview registers the elements of src/index.ts; this one is registered here until it is listed there.
import '../components/sf-search-box/sf-search-box.ts';
import type { SfSearchBox } from '../components/sf-search-box/sf-search-box.ts';
import type { SfStore } from '../components/sf-store/sf-store.ts';
import { LocalAdapter } from '../src/index.js';
import { attr, cssVars } from './story-helpers.js';

/**
 * The attributes `<sf-search-box>` reads, then its CSS custom properties (so a designer can
 * try them from the Controls panel); the `store*` and `latency` args set up the store around it.
 */
interface SearchBoxArgs {
  placeholder?: string;
  label?: string;
  'show-label'?: boolean;
  suggestions?: number;
  action?: string;
  'product-href'?: string;
  lang?: '' | 'zh-CN' | 'en';
  '--sf-search-box-height'?: string;
  '--sf-search-box-radius'?: string;
  '--sf-search-box-border-color'?: string;
  '--sf-search-box-button-background'?: string;
  '--sf-search-box-highlight-color'?: string;
  '--sf-search-box-active-background'?: string;
  '--sf-search-box-popup-max-height'?: string;
  storeLocale?: '' | 'zh-CN' | 'en';
  storeId?: string;
  latency?: number;
}

const CSS_PROPERTIES = [
  '--sf-search-box-height',
  '--sf-search-box-radius',
  '--sf-search-box-border-color',
  '--sf-search-box-button-background',
  '--sf-search-box-highlight-color',
  '--sf-search-box-active-background',
  '--sf-search-box-popup-max-height',
] as const;

/** The box alone, with its attributes and custom properties from the controls. */
function searchBox(args: SearchBoxArgs) {
  const style = cssVars(args, CSS_PROPERTIES);
  return html`<sf-search-box
    placeholder=${ifDefined(attr(args.placeholder))}
    label=${ifDefined(attr(args.label))}
    ?show-label=${args['show-label'] ?? false}
    suggestions=${ifDefined(attr(args.suggestions))}
    action=${ifDefined(attr(args.action))}
    product-href=${ifDefined(attr(args['product-href']))}
    lang=${ifDefined(attr(args.lang))}
    style=${styleMap(style)}
  ></sf-search-box>`;
}

/** Leaves room under the box for its popup, which floats over whatever follows. */
const stage = (content: unknown) => html`<div style="min-height: 480px">${content}</div>`;

/** The box inside a local-adapter store (the demo catalog) set up from the store args. */
function renderInStore(args: SearchBoxArgs) {
  return stage(
    html`<sf-store
      store-id=${ifDefined(attr(args.storeId))}
      locale=${ifDefined(attr(args.storeLocale))}
      latency=${ifDefined(attr(args.latency))}
    >
      ${searchBox(args)}
    </sf-store>`,
  );
}

/* Lives as long as the page, so re-renders keep the same store (see sf-store.stories.ts). */
const failingAdapter = new LocalAdapter({ fail: 'network', namespace: 'sb-search-box-failing' });

/** The story's search box, once upgraded and rendered. */
async function findBox(canvasElement: HTMLElement): Promise<SfSearchBox> {
  await customElements.whenDefined('sf-search-box');
  const box = canvasElement.querySelector('sf-search-box')!;
  await box.updateComplete;
  return box;
}

/** Types `text` into the story's box the way a shopper does, key by key. */
async function typeInto(canvasElement: HTMLElement, text: string): Promise<void> {
  const box = await findBox(canvasElement);
  const input = box.shadowRoot!.querySelector('input')!;
  input.focus();
  await userEvent.type(input, text, { delay: 60 });
}

const meta = {
  title: 'Elements/sf-search-box',
  component: 'sf-search-box',
  tags: ['autodocs'],
  decorators: [withActions],
  render: renderInStore,
  args: { storeId: 'sb-search-box' },
  argTypes: {
    placeholder: {
      control: 'text',
      description: 'Hint inside the empty field.',
      table: { category: 'attributes', defaultValue: { summary: '输入商品名称或关键词' } },
    },
    label: {
      control: 'text',
      description: "The input's label, read by screen readers (shown with `show-label`).",
      table: { category: 'attributes', defaultValue: { summary: '搜索商品' } },
    },
    'show-label': {
      control: 'boolean',
      description: 'Show the label above the field.',
      table: { category: 'attributes', type: { summary: 'boolean' }, defaultValue: { summary: 'false' } },
    },
    suggestions: {
      control: { type: 'range', min: 1, max: 20, step: 1 },
      description: 'How many products to suggest.',
      table: { category: 'attributes', type: { summary: 'number' }, defaultValue: { summary: '6' } },
    },
    action: {
      control: 'text',
      description:
        'Go to this URL on submit instead of setting the page-wide search; `{query}` becomes the URI-encoded query. Try `/search.html?q={query}` (it leaves this story).',
      table: { category: 'attributes' },
    },
    'product-href': {
      control: 'text',
      description: "Go to this URL when a product is picked; `{sku}` becomes the product's sku. Try `/p/{sku}`.",
      table: { category: 'attributes' },
    },
    lang: {
      control: { type: 'select', labels: { '': '(from the store / page)' } },
      options: ['', 'zh-CN', 'en'],
      description:
        "The widget's own language (global `lang` attribute), before its store's `locale` and the page's `<html lang>`.",
      table: { category: 'attributes', type: { summary: "'zh-CN' | 'en'" } },
    },
    '--sf-search-box-height': {
      control: 'text',
      description: 'Height of the field.',
      table: { category: 'css custom properties', defaultValue: { summary: '44px' } },
    },
    '--sf-search-box-radius': {
      control: 'text',
      description: 'Corner radius of the field.',
      table: { category: 'css custom properties', defaultValue: { summary: 'var(--sf-radius, 22px)' } },
    },
    '--sf-search-box-border-color': {
      control: 'color',
      description: 'Border of the field (and, by default, the search button).',
      table: { category: 'css custom properties', defaultValue: { summary: 'var(--sf-color-primary, #d0342c)' } },
    },
    '--sf-search-box-button-background': {
      control: 'color',
      description: 'Background of the search button.',
      table: { category: 'css custom properties', defaultValue: { summary: 'var(--sf-color-primary, #d0342c)' } },
    },
    '--sf-search-box-highlight-color': {
      control: 'color',
      description: 'Colour of the matched text in the suggestions.',
      table: { category: 'css custom properties', defaultValue: { summary: 'var(--sf-color-primary, #d0342c)' } },
    },
    '--sf-search-box-active-background': {
      control: 'color',
      description: 'Background of the active suggestion.',
      table: { category: 'css custom properties', defaultValue: { summary: 'a 7% tint of --sf-color-primary' } },
    },
    '--sf-search-box-popup-max-height': {
      control: 'text',
      description: 'Height above which the popup scrolls.',
      table: { category: 'css custom properties', defaultValue: { summary: 'min(440px, 70vh)' } },
    },
    storeLocale: {
      name: 'sf-store locale',
      control: { type: 'select', labels: { '': '(toolbar Locale)' } },
      options: ['', 'zh-CN', 'en'],
      description: "`locale` of the surrounding `<sf-store>` (empty: the toolbar's Locale).",
      table: { category: 'story: surrounding <sf-store>' },
    },
    storeId: {
      name: 'sf-store store-id',
      control: 'text',
      description: '`store-id` of the surrounding `<sf-store>`; each story has its own, so recent searches do not mix.',
      table: { category: 'story: surrounding <sf-store>' },
    },
    latency: {
      name: 'sf-store latency',
      control: { type: 'range', min: 0, max: 5000, step: 250 },
      description: '`latency` (ms) of every call of the local adapter: how long "正在搜索…" shows.',
      table: { category: 'story: surrounding <sf-store>' },
    },
  },
  parameters: {
    actions: { handles: ['sf-search', 'sf-product-select'] },
    docs: {
      description: {
        component: `The shop's instant search (商品搜寻引擎), in the manner of Algolia's autocomplete but Chinese first. Type
"短袖", "耳机" or "cotton": after a short pause (120 ms) up to \`suggestions\` products appear under the field with a
thumbnail, the title with the matched text in red, and the price (the flash-sale price while a sale runs, the list price
struck through). Chinese input methods are respected: nothing is searched while a word is being composed, and the Enter
that confirms a candidate never submits. Focused and empty, the box lists the shopper's recent searches (kept in this
browser, per store) with a "清除" button.

**Keyboard** (WAI-ARIA combobox with a listbox popup): ↓/↑ move through the suggestions and wrap, Enter opens the active
one or submits the typed text, Escape closes the popup and a second Escape empties the box, Tab closes it, Home/End move
the caret. **Submitting** fires the cancelable \`sf-search\`; unless vetoed the query is remembered and becomes the
page-wide search that \`<sf-product-grid>\` follows (or, with \`action\`, the browser goes to that URL). **Picking a
product** fires the cancelable \`sf-product-select\` {sku, query}; unless vetoed the browser goes to \`product-href\`, or,
without it, the product's title becomes the page-wide search. Both events show in the Actions panel.

**Theming.** Parts: \`form\`, \`label\`, \`field\`, \`input\`, \`clear\`, \`button\`, \`popup\`, \`listbox\`, \`option\`
(the active one also \`option-active\`), \`thumbnail\`, \`title\`, \`price\`, \`highlight\`, \`recent\`,
\`recent-option\`, \`recent-clear\`, \`see-all\`, \`loading\`, \`empty\`, \`error\`, \`retry\`, \`notice\`. Custom
properties \`--sf-search-box-*\` (height, radius, background, border-color, focus-ring, button-background,
button-color, popup-background, popup-shadow, popup-max-height, z-index, active-background, highlight-color,
price-color) fall back to the kit's \`--sf-color-*\` and \`--sf-radius\` tokens.`,
      },
    },
  },
} satisfies Meta<SearchBoxArgs>;

export default meta;
type Story = StoryObj<SearchBoxArgs>;

export const Default: Story = {
  parameters: {
    docs: {
      description: {
        story: `A rounded field with a red 2px border and a red "搜索" button on the right (icon only on phones). Click in
it and type: the suggestions open under it. The store is the embedded demo catalog.`,
      },
    },
  },
};

export const TypedQuery: Story = {
  name: 'Typed query (suggestions open)',
  args: { storeId: 'sb-search-box-typed' },
  play: async ({ canvasElement }) => {
    await typeInto(canvasElement, '短袖');
  },
  parameters: {
    docs: {
      description: {
        story: `The story types "短袖" into the box (its play function): the popup lists the short-sleeved tees with "短袖"
in red in each title, their prices on the right, and a last row "查看「短袖」的全部结果" that submits the query. Press ↓ to
move the highlight, Enter to pick.`,
      },
    },
  },
};

export const WithRecentSearches: Story = {
  name: 'With recent searches',
  args: { storeId: 'sb-search-box-recent' },
  play: async ({ canvasElement }) => {
    const store = canvasElement.querySelector<SfStore>('sf-store')!;
    const storefront = await store.whenReady();
    // What a shopper who searched before would have (newest first once remembered).
    for (const query of ['蓝牙耳机', '卫衣', '纯棉T恤']) await storefront.search.remember(query);
    const box = await findBox(canvasElement);
    box.focus();
  },
  parameters: {
    docs: {
      description: {
        story: `Focused and empty, the box lists the recent searches under "最近搜索" with a clock icon each and a "清除"
button on the right of the heading. The play function remembers three searches
(\`storefront.search.remember('纯棉T恤')\`...) and focuses the box; on a real page, every submitted search is remembered
in the browser (IndexedDB, per store, at most 8). Picking one submits it again.`,
      },
    },
  },
};

export const English: Story = {
  args: { storeId: 'sb-search-box-en', storeLocale: 'en' },
  play: async ({ canvasElement }) => {
    await typeInto(canvasElement, 'cotton');
  },
  parameters: {
    docs: {
      description: {
        story: `With \`<sf-store locale="en">\` the box speaks English ("Search products", "Search", "See all results for …")
and shows the products' English titles, highlighted the same way; prices read CN¥.`,
      },
    },
  },
};

export const Loading: Story = {
  args: { storeId: 'sb-search-box-loading', latency: 1500 },
  play: async ({ canvasElement }) => {
    await typeInto(canvasElement, '耳机');
  },
  parameters: {
    docs: {
      description: {
        story: `A slow backend (\`latency="1500"\`): the popup shows a small red spinner with "正在连接商店…" then
"正在搜索…" until the first suggestions arrive. Later keystrokes keep the previous suggestions on screen while the next
ones load, so the list does not flicker.`,
      },
    },
  },
};

export const Error: Story = {
  args: { storeId: 'sb-search-box-failing' },
  argTypes: { latency: { control: false } },
  render: (args) =>
    stage(
      html`<sf-store
        store-id=${ifDefined(attr(args.storeId))}
        locale=${ifDefined(attr(args.storeLocale))}
        .adapter=${failingAdapter}
      >
        ${searchBox(args)}
      </sf-store>`,
    ),
  play: async ({ canvasElement }) => {
    await typeInto(canvasElement, '耳机');
  },
  parameters: {
    docs: {
      description: {
        story: `The adapter cannot reach its server (\`new LocalAdapter({ fail: 'network' })\`): the popup says
"无法连接到商店服务器，请检查网络后重试。" next to a red icon, with a round "重试" (Retry) button (\`::part(retry)\`). Tab
from the input reaches the button.`,
      },
    },
  },
};

export const NoStore: Story = {
  name: 'No store on the page',
  render: (args) => searchBox(args),
  argTypes: { storeLocale: { control: false }, storeId: { control: false }, latency: { control: false } },
  parameters: {
    docs: {
      story: { inline: false, iframeHeight: 200 },
      description: {
        story: `A box on a page without any \`<sf-store>\`: the field is disabled and an amber notice explains what to add
(rendered in an iframe of its own, since on this docs page the other stories' stores would serve it).`,
      },
    },
  },
};

export const Themed: Story = {
  args: { storeId: 'sb-search-box-themed' },
  render: (args) =>
    stage(
      html`<style>
          .themed-shop {
            --sf-color-primary: #0f766e;
            --sf-radius: 6px;
            --sf-search-box-height: 48px;
            --sf-search-box-active-background: #ecfdf5;
          }
          .themed-shop sf-search-box::part(field) {
            border-width: 1px;
            box-shadow: 0 1px 2px rgb(0 0 0 / 0.06);
          }
          .themed-shop sf-search-box::part(button) {
            letter-spacing: 0.1em;
          }
          .themed-shop sf-search-box::part(option-active) {
            box-shadow: inset 3px 0 0 #0f766e;
          }
          .themed-shop sf-search-box::part(highlight) {
            background: #ccfbf1;
            border-radius: 2px;
          }
        </style>
        <div class="themed-shop">
          <sf-store store-id=${ifDefined(attr(args.storeId))} locale=${ifDefined(attr(args.storeLocale))}>
            ${searchBox({ ...args, 'show-label': args['show-label'] ?? true })}
          </sf-store>
        </div>`,
    ),
  play: async ({ canvasElement }) => {
    await typeInto(canvasElement, '纯棉');
  },
  parameters: {
    docs: {
      description: {
        story: `A page restyling the box from outside: \`--sf-color-primary: #0f766e\` (teal), \`--sf-radius: 6px\`,
\`--sf-search-box-height: 48px\`, a visible label (\`show-label\`), a 1px field border through \`::part(field)\`, a teal bar
on \`::part(option-active)\` and a mint background behind \`::part(highlight)\`.

\`\`\`css
.themed-shop { --sf-color-primary: #0f766e; --sf-radius: 6px; --sf-search-box-height: 48px; }
.themed-shop sf-search-box::part(option-active) { box-shadow: inset 3px 0 0 #0f766e; }
.themed-shop sf-search-box::part(highlight) { background: #ccfbf1; }
\`\`\``,
      },
    },
  },
};
