import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { LocalAdapter } from '../src/index.js';
import { attr, cssVars } from './story-helpers.js';

/**
 * The attributes `<sf-store-status>` reads: `compact`, and `lang` (a global HTML attribute: the
 * widget's own language, before its store's). Then its CSS custom properties, so a designer
 * can try them from the Controls panel; the `store*` and `latency` args set up the store
 * around it.
 */
interface StatusArgs {
  compact?: boolean;
  lang?: '' | 'zh-CN' | 'en';
  '--sf-store-status-background'?: string;
  '--sf-store-status-radius'?: string;
  '--sf-store-status-padding'?: string;
  storeLocale?: '' | 'zh-CN' | 'en';
  storeId?: string;
  latency?: number;
}

const CSS_PROPERTIES = ['--sf-store-status-background', '--sf-store-status-radius', '--sf-store-status-padding'] as const;

/** The widget alone, with its `lang` and custom properties from the controls. */
function status(args: StatusArgs) {
  const style = cssVars(args, CSS_PROPERTIES);
  return html`<sf-store-status
    ?compact=${args.compact ?? false}
    lang=${ifDefined(attr(args.lang))}
    style=${styleMap(style)}
  ></sf-store-status>`;
}

/** The widget inside a local-adapter store set up from the store args. */
function renderInStore(args: StatusArgs) {
  return html`<sf-store
    store-id=${ifDefined(attr(args.storeId))}
    locale=${ifDefined(attr(args.storeLocale))}
    latency=${ifDefined(attr(args.latency))}
  >
    ${status(args)}
  </sf-store>`;
}

/* Lives as long as the page, so re-renders keep the same store (see sf-store.stories.ts). */
const failingAdapter = new LocalAdapter({ fail: 'network', namespace: 'sb-status-failing' });
const themedFailingAdapter = new LocalAdapter({ fail: 'network', namespace: 'sb-status-themed-failing' });

const meta = {
  title: 'Elements/sf-store-status',
  component: 'sf-store-status',
  tags: ['autodocs'],
  render: renderInStore,
  args: { storeId: 'sb-status-connected' },
  argTypes: {
    compact: {
      control: 'boolean',
      description: 'Only the status dot and the catalog count (for a page header); the rest is for screen readers.',
      table: { category: 'attributes', type: { summary: 'boolean' }, defaultValue: { summary: 'false' } },
    },
    lang: {
      control: { type: 'select', labels: { '': '(from the store / page)' } },
      options: ['', 'zh-CN', 'en'],
      description:
        "The widget's own language (global `lang` attribute), before its store's `locale` and the page's `<html lang>`.",
      table: { category: 'attributes', type: { summary: "'zh-CN' | 'en'" } },
    },
    '--sf-store-status-background': {
      type: 'string',
      control: 'color',
      description: 'Background of the pill.',
      table: { category: 'css custom properties', defaultValue: { summary: 'var(--sf-color-surface, #fff)' } },
    },
    '--sf-store-status-radius': {
      type: 'string',
      control: 'text',
      description: 'Corner radius of the pill.',
      table: { category: 'css custom properties', defaultValue: { summary: '999px' } },
    },
    '--sf-store-status-padding': {
      type: 'string',
      control: 'text',
      description: 'Padding of the pill.',
      table: { category: 'css custom properties', defaultValue: { summary: '10px 14px' } },
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
      description: '`store-id` of the surrounding `<sf-store>`; each story has its own so their saved data does not mix.',
      table: { category: 'story: surrounding <sf-store>' },
    },
    latency: {
      name: 'sf-store latency',
      control: { type: 'range', min: 0, max: 20000, step: 500 },
      description: '`latency` (ms) of the surrounding `<sf-store>`: how long the loading state lasts.',
      table: { category: 'story: surrounding <sf-store>' },
    },
  },
  parameters: {
    docs: {
      description: {
        component: `A small widget that tells a page author whether the page's store works: connected (with the catalog size and
whether the cart is saved in this browser), still connecting, failing (with a retry button), or missing.

**Theming.** The pill is \`::part(status)\`; the loading, error and "no store" boxes are \`::part(notice)\`, the retry button
\`::part(notice-action)\`. Its own custom properties are \`--sf-store-status-background\`, \`--sf-store-status-radius\` and
\`--sf-store-status-padding\` (try them in the Controls panel); the kit's tokens \`--sf-color-primary\`, \`--sf-radius\`,
\`--sf-font-family\`, \`--sf-color-*\` set on it or any ancestor apply too (see the "Themed" story).`,
      },
    },
  },
} satisfies Meta<StatusArgs>;

export default meta;
type Story = StoryObj<StatusArgs>;

export const Connected: Story = {
  parameters: {
    docs: {
      description: {
        story: `Inside a working store. The designer sees a white pill with a green dot: "商店已连接 · 共 N 件商品 ·
购物车已保存在本机浏览器中。" (the dot turns amber and the text says the cart lasts only for this page when the browser cannot
store data). It follows the toolbar's Locale. Restyle the pill through \`sf-store-status::part(status)\` or the
\`--sf-store-status-*\` properties.`,
      },
    },
  },
};

export const ConnectedEnglish: Story = {
  name: 'Connected (en)',
  args: { storeId: 'sb-status-connected-en', storeLocale: 'en' },
  parameters: {
    docs: {
      description: {
        story: `The same, with \`<sf-store locale="en">\`: "Store connected · N products · Your cart is saved in this browser."
The English text is about half again as wide as the Chinese: leave the widget room, or use \`compact\` in tight spots.`,
      },
    },
  },
};

export const Compact: Story = {
  args: { storeId: 'sb-status-compact', compact: true },
  parameters: {
    docs: {
      description: {
        story: `\`<sf-store-status compact>\` for a page header: a small pill with only the dot and "共 N 件商品"; the
"connected" and storage sentences stay for screen readers. While connecting it shows a small spinner in the same pill
instead of the notice box. Same hooks: \`::part(status)\`, \`--sf-store-status-padding\` (6px 12px here),
\`--sf-store-status-radius\`, \`--sf-store-status-background\`.`,
      },
    },
  },
};

export const Loading: Story = {
  args: { storeId: 'sb-status-loading', latency: 8000 },
  parameters: {
    docs: {
      description: {
        story: `The store's backend answers slowly (\`latency="8000"\`): for 8 s the widget shows a grey notice with a spinner
ring in \`--sf-color-primary\` and "正在连接商店…", then the pill. The notice is \`::part(notice)\` (\`data-tone="loading"\`
inside); its corners follow \`--sf-radius\` and its background \`--sf-color-subtle\`. Raise the latency control to keep it
longer, and press "Remount" in the toolbar to start over.`,
      },
    },
  },
};

export const AdapterFailing: Story = {
  name: 'Adapter failing (retry)',
  args: { storeId: 'sb-status-failing' },
  argTypes: { latency: { control: false } },
  render: (args) =>
    html`<sf-store
      store-id=${ifDefined(attr(args.storeId))}
      locale=${ifDefined(attr(args.storeLocale))}
      .adapter=${failingAdapter}
    >
      ${status(args)}
    </sf-store>`,
  parameters: {
    docs: {
      description: {
        story: `The store's adapter cannot reach its server (\`new LocalAdapter({ fail: 'network' })\`, set through the store's
\`adapter\` property). The designer sees a pale red notice with a red ✕ icon: "无法连接到商店服务器，请检查网络后重试。" and
a round "重试" (Retry) button, which runs the request again. Style the box with \`::part(notice)\` (colours from
\`--sf-color-danger\`) and the button with \`::part(notice-action)\`.`,
      },
    },
  },
};

export const MissingStore: Story = {
  name: 'No store on the page',
  render: (args) => status(args),
  argTypes: { storeLocale: { control: false }, storeId: { control: false }, latency: { control: false } },
  parameters: {
    docs: {
      // Rendered in an iframe of its own: see the description.
      story: { inline: false, iframeHeight: 140 },
      description: {
        story: `A widget put on a page without any \`<sf-store>\`: after a short grace period (an \`<sf-store>\` may still be
loading) it shows an amber notice with a warning triangle: "未找到商店 — 请在页面中加入 <sf-store> 元素，或在脚本中调用
setDefaultStorefront()。", so a page author knows what to add instead of staring at an empty box. Style it with
\`::part(notice)\` (colours from \`--sf-color-warning\`).

*Why an iframe here:* stores register for the whole page, and a widget outside every store uses the page's first
\`<sf-store>\`. On this docs page the other stories' stores are on the same page, so this story is rendered in an
iframe of its own (\`parameters.docs.story.inline = false\`) where no store exists. In the canvas, only this story is on
the page.`,
      },
    },
  },
};

export const Themed: Story = {
  args: { storeId: 'sb-status-themed' },
  argTypes: { latency: { control: false } },
  render: (args) =>
    html`<style>
        .themed-shop {
          --sf-color-primary: #0f766e;
          --sf-radius: 4px;
          --sf-font-family: Georgia, 'Noto Serif CJK SC', 'Songti SC', serif;
          display: grid;
          gap: 16px;
        }
        .themed-shop sf-store-status::part(status) {
          border: 2px solid var(--sf-color-primary);
          border-radius: var(--sf-radius);
          background: #ecfdf5;
          color: #134e4a;
          box-shadow: 0 2px 0 #0f766e33;
          letter-spacing: 0.02em;
        }
        .themed-shop sf-store-status::part(notice) {
          border-inline-start: 4px solid var(--sf-color-primary);
        }
        .themed-shop sf-store-status::part(notice-action) {
          background: var(--sf-color-primary);
          border-color: var(--sf-color-primary);
          color: #fff;
        }
      </style>
      <div class="themed-shop">
        <sf-store store-id=${ifDefined(attr(args.storeId))} locale=${ifDefined(attr(args.storeLocale))}>${status(args)}</sf-store>
        <sf-store
          store-id="sb-status-themed-failing"
          locale=${ifDefined(attr(args.storeLocale))}
          .adapter=${themedFailingAdapter}
        >
          ${status(args)}
        </sf-store>
      </div>`,
  parameters: {
    docs: {
      description: {
        story: `A page restyling the kit from outside, with no access to the shadow DOM. On a container:
\`--sf-color-primary: #0f766e\` (teal instead of red), \`--sf-radius: 4px\` (square corners),
\`--sf-font-family: Georgia, 'Noto Serif CJK SC', serif\`. Then \`sf-store-status::part(status)\` gets a teal 2px border,
a mint background and square corners; \`::part(notice)\` a teal left bar and \`::part(notice-action)\` a filled teal
button (the second store's adapter fails, to show the retry notice themed).

\`\`\`css
.themed-shop { --sf-color-primary: #0f766e; --sf-radius: 4px; --sf-font-family: Georgia, 'Noto Serif CJK SC', serif; }
.themed-shop sf-store-status::part(status) { border: 2px solid var(--sf-color-primary); border-radius: var(--sf-radius); background: #ecfdf5; }
.themed-shop sf-store-status::part(notice-action) { background: var(--sf-color-primary); color: #fff; }
\`\`\``,
      },
    },
  },
};
