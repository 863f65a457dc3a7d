import { expect, fixture, html } from '@open-wc/testing';
// Real key presses through the browser (a dependency of @web/test-runner, whose default plugins serve it).
import { sendKeys } from '@web/test-runner-commands';
import '../../components/index.js';
import '../../components/sf-search-box/sf-search-box.js';
import type { SfSearchBox } from '../../components/sf-search-box/sf-search-box.js';
import type { SfStore } from '../../components/sf-store/sf-store.js';
import { setDefaultStorefront } from '../../components/shared/default-store.js';
import { LocalAdapter } from '../../src/adapter/local/local-adapter.js';
import type { SfEvent } from '../../src/core/events.js';
import type { Product } from '../../src/core/types.js';
import { createStorefront, type Storefront } from '../../src/storefront.js';
import { eventually, product, SMALL_CATALOG, smallAdapter, smallData, uniqueStoreId } from '../helpers/fixtures.js';

/* ---- a small harness: what a shopper does with the box -------------------------------- */

function parts(box: SfSearchBox) {
  const root = box.shadowRoot!;
  return {
    input: root.querySelector('input')!,
    popup: root.querySelector<HTMLElement>('[part="popup"]')!,
    listbox: root.querySelector<HTMLElement>('[role="listbox"]')!,
    options: [...root.querySelectorAll<HTMLElement>('[role="option"]')],
    marks: [...root.querySelectorAll('mark')].map((mark) => mark.textContent),
  };
}

/** The text a person sees in the box's popup (whitespace collapsed). */
function popupText(box: SfSearchBox): string {
  const { popup } = parts(box);
  return popup.hidden ? '' : (popup.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function typeText(box: SfSearchBox, text: string): void {
  const { input } = parts(box);
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

function press(box: SfSearchBox, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init });
  parts(box).input.dispatchEvent(event);
  return event;
}

function expanded(box: SfSearchBox): string | null {
  return parts(box).input.getAttribute('aria-expanded');
}

/** Waits until the popup lists product suggestions (not the "see all" row only). */
async function suggestionsShown(box: SfSearchBox, count?: number): Promise<HTMLElement[]> {
  await eventually(() => {
    const products = parts(box).options.filter((option) => option.classList.contains('product'));
    expect(products.length).to.be.greaterThan(0);
    if (count !== undefined) expect(products.length).to.equal(count);
  });
  await box.updateComplete;
  return parts(box).options;
}

/** Replaces `navigate` (which would leave the test page) and records the URLs. */
function interceptNavigation(box: SfSearchBox): string[] {
  const urls: string[] = [];
  (box as unknown as { navigate: (url: string) => void }).navigate = (url) => void urls.push(url);
  return urls;
}

function record<K extends 'sf-search' | 'sf-product-select'>(target: EventTarget, name: K): SfEvent<K>[] {
  const events: SfEvent<K>[] = [];
  target.addEventListener(name, (event) => void events.push(event as SfEvent<K>));
  return events;
}

/** Counts the queries `storefront.search.suggest` is asked for. */
function spyOnSuggest(storefront: Storefront): string[] {
  const calls: string[] = [];
  const original = storefront.search.suggest.bind(storefront.search);
  storefront.search.suggest = (query, options) => {
    calls.push(query);
    return original(query, options);
  };
  return calls;
}

interface Setup {
  store: SfStore;
  storefront: Storefront;
  box: SfSearchBox;
  storeId: string;
}

async function setup(
  options: { adapter?: LocalAdapter; locale?: string; attrs?: Record<string, string>; storeId?: string } = {},
): Promise<Setup> {
  const storeId = options.storeId ?? uniqueStoreId('search-box');
  const store = await fixture<SfStore>(
    html`<sf-store store-id=${storeId} locale=${options.locale ?? 'zh-CN'} .adapter=${options.adapter ?? smallAdapter()}>
      <sf-search-box></sf-search-box>
    </sf-store>`,
  );
  const box = store.querySelector('sf-search-box')!;
  for (const [name, value] of Object.entries(options.attrs ?? {})) box.setAttribute(name, value);
  const storefront = await store.whenReady();
  await box.updateComplete;
  return { store, storefront, box, storeId };
}

describe('<sf-search-box>', () => {
  afterEach(() => setDefaultStorefront(null));

  it('is an accessible, labelled combobox, closed at first', async () => {
    const { box } = await setup();
    const { input, listbox } = parts(box);
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-autocomplete')).to.equal('list');
    expect(expanded(box)).to.equal('false');
    expect(input.getAttribute('aria-controls')).to.equal(listbox.id);
    expect(input.labels?.[0]?.textContent?.trim()).to.equal('搜索商品');
    expect(input.placeholder).to.equal('输入商品名称或关键词');
    const submit = box.shadowRoot!.querySelector('button[type="submit"]')!;
    expect(submit.textContent?.trim()).to.equal('搜索');
    await expect(box).to.be.accessible();
  });

  it('suggests products as the shopper types, with the matched text highlighted', async () => {
    const { box } = await setup();
    parts(box).input.focus();
    typeText(box, '短袖');
    const options = await suggestionsShown(box, 1);
    expect(expanded(box)).to.equal('true');
    expect(options[0]!.textContent).to.contain('男士纯棉短袖T恤');
    expect(options[0]!.textContent).to.contain('¥99.00');
    expect(parts(box).marks).to.deep.equal(['短袖']);
    expect(popupText(box)).to.contain('查看「短袖」的全部结果');
    await expect(box).to.be.accessible();
  });

  it('works with real key presses: type, arrow down, Enter', async () => {
    const { box } = await setup();
    const selected = record(box, 'sf-product-select');
    parts(box).input.focus();
    await sendKeys({ type: '耳机' });
    await suggestionsShown(box, 1);
    await sendKeys({ press: 'ArrowDown' });
    await box.updateComplete;
    expect(parts(box).input.getAttribute('aria-activedescendant')).to.equal(parts(box).options[0]!.id);
    await sendKeys({ press: 'Home' }); // a text key: the caret moves, the active option stays
    await box.updateComplete;
    expect(parts(box).input.selectionStart).to.equal(0);
    expect(parts(box).input.getAttribute('aria-activedescendant')).to.equal(parts(box).options[0]!.id);
    await sendKeys({ press: 'Enter' });
    expect(selected.map((event) => event.detail)).to.deep.equal([{ sku: 'C', query: '耳机' }]);
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await box.updateComplete;
    expect(parts(box).input.value).to.equal('');
  });

  it('moves through the suggestions with the arrow keys (wrapping) and opens the active one with Enter', async () => {
    const { box, storefront } = await setup();
    const selected = record(box, 'sf-product-select');
    parts(box).input.focus();
    typeText(box, '纯棉');
    const options = await suggestionsShown(box, 2);
    expect(options).to.have.length(3); // two products and "see all"
    const { input } = parts(box);

    press(box, 'ArrowDown');
    await box.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(options[0]!.id);
    expect(parts(box).options[0]!.getAttribute('aria-selected')).to.equal('true');
    expect(parts(box).options[0]!.hasAttribute('data-active')).to.be.true;
    expect(parts(box).options[0]!.part.contains('option-active')).to.be.true;

    press(box, 'ArrowUp');
    await box.updateComplete;
    press(box, 'ArrowUp'); // wraps to the last ("see all"), then up to the second product
    await box.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(options[1]!.id);
    press(box, 'ArrowDown');
    press(box, 'ArrowDown'); // past the end: back to the first
    await box.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(options[0]!.id);
    expect(parts(box).options.filter((option) => option.getAttribute('aria-selected') === 'true')).to.have.length(1);

    const sku = parts(box).options[0]!.textContent!.includes('男士') ? 'A' : 'B';
    press(box, 'Enter');
    await box.updateComplete;
    expect(selected).to.have.length(1);
    expect(selected[0]!.detail).to.deep.equal({ sku, query: '纯棉' });
    expect(selected[0]!.cancelable).to.be.true;
    expect(expanded(box)).to.equal('false');
    // Without product-href, the product's title becomes the page-wide search.
    const title = SMALL_CATALOG.find((item) => item.sku === sku)!.title;
    expect(storefront.search.query).to.equal(title);
    expect(parts(box).input.value).to.equal(title);
  });

  it('goes to product-href on a pick, unless the page vetoes sf-product-select', async () => {
    const { box } = await setup({ attrs: { 'product-href': '/p/{sku}?from=search' } });
    const urls = interceptNavigation(box);
    parts(box).input.focus();
    typeText(box, '耳机');
    const [first] = await suggestionsShown(box, 1);
    first!.click();
    await eventually(() => expect(urls).to.have.length(1));
    expect(new URL(urls[0]!).pathname + new URL(urls[0]!).search).to.equal('/p/C?from=search');

    box.addEventListener('sf-product-select', (event) => event.preventDefault(), { once: true });
    typeText(box, '耳机');
    const [again] = await suggestionsShown(box, 1);
    again!.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(urls).to.have.length(1);
  });

  it('closes with Escape, and a second Escape clears the text', async () => {
    const { box } = await setup();
    parts(box).input.focus();
    typeText(box, '耳机');
    await suggestionsShown(box);
    press(box, 'ArrowDown');
    await box.updateComplete;
    press(box, 'Escape');
    await box.updateComplete;
    expect(expanded(box)).to.equal('false');
    expect(parts(box).input.hasAttribute('aria-activedescendant')).to.be.false;
    expect(parts(box).input.value).to.equal('耳机');
    press(box, 'Escape');
    await box.updateComplete;
    expect(parts(box).input.value).to.equal('');
    expect(box.value).to.equal('');
  });

  it('closes with Tab and with a click outside; a hovered suggestion becomes active and a click picks it', async () => {
    const { box } = await setup();
    const selected = record(box, 'sf-product-select');
    parts(box).input.focus();
    typeText(box, '耳机');
    await suggestionsShown(box);
    press(box, 'Tab');
    await box.updateComplete;
    expect(expanded(box)).to.equal('false');

    parts(box).input.click();
    await box.updateComplete;
    expect(expanded(box)).to.equal('true');
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await box.updateComplete;
    expect(expanded(box)).to.equal('false');

    press(box, 'ArrowDown');
    await box.updateComplete;
    expect(expanded(box)).to.equal('true');
    const options = parts(box).options;
    options[1]!.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true }));
    await box.updateComplete;
    expect(parts(box).input.getAttribute('aria-activedescendant')).to.equal(options[1]!.id);
    options[0]!.click();
    expect(selected.map((event) => event.detail.sku)).to.deep.equal(['C']);
  });

  it('submits with Enter: sf-search, the page-wide query, and a recent search kept in IndexedDB', async () => {
    const { box, storefront, storeId } = await setup();
    const searches = record(box, 'sf-search');
    parts(box).input.focus();
    typeText(box, '  纯棉   T恤 ');
    press(box, 'Enter');
    await box.updateComplete;
    expect(searches.map((event) => event.detail.query)).to.deep.equal(['纯棉 T恤']);
    expect(searches[0]!.cancelable && searches[0]!.bubbles && searches[0]!.composed).to.be.true;
    expect(storefront.search.query).to.equal('纯棉 T恤');
    expect(expanded(box)).to.equal('false');
    await eventually(async () => expect(await storefront.search.recent()).to.deep.equal(['纯棉 T恤']));

    // Another visit (a new storefront on the same store id) finds it in IndexedDB.
    const later = createStorefront({ adapter: smallAdapter(), storeId });
    await later.ready;
    expect(await later.search.recent()).to.deep.equal(['纯棉 T恤']);
    later.close();
  });

  it('submits with the search button too, and does not set the page query when sf-search is vetoed', async () => {
    const { box, storefront } = await setup();
    box.addEventListener('sf-search', (event) => event.preventDefault(), { once: true });
    typeText(box, '耳机');
    box.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(storefront.search.query).to.equal('');
    expect(await storefront.search.recent()).to.deep.equal([]);

    box.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect(storefront.search.query).to.equal('耳机');
  });

  it('goes to the action URL with the query encoded instead of setting the page query', async () => {
    const { box, storefront } = await setup({ attrs: { action: '/search.html?q={query}' } });
    const urls = interceptNavigation(box);
    typeText(box, '短袖 & T恤/男');
    press(box, 'Enter');
    await eventually(() => expect(urls).to.have.length(1));
    const url = new URL(urls[0]!);
    expect(url.pathname).to.equal('/search.html');
    expect(url.searchParams.get('q')).to.equal('短袖 & T恤/男');
    expect(url.search).to.contain(encodeURIComponent('短袖 & T恤/男'));
    expect(storefront.search.query).to.equal('');
    expect(await storefront.search.recent()).to.deep.equal(['短袖 & T恤/男']);
  });

  it('refuses to navigate to a javascript: action', async () => {
    const { box } = await setup({ attrs: { action: 'javascript:alert({query})' } });
    const urls = interceptNavigation(box);
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      typeText(box, 'x');
      press(box, 'Enter');
      await eventually(() => expect(warnings.join('\n')).to.contain('not an http(s) URL'));
    } finally {
      console.warn = warn;
    }
    expect(urls).to.deep.equal([]);
  });

  it('lists recent searches when focused and empty, picks one, and clears them', async () => {
    const { box, storefront } = await setup();
    await storefront.search.remember('蓝牙耳机');
    await storefront.search.remember('短袖');
    const searches = record(box, 'sf-search');
    parts(box).input.focus();
    await eventually(() => expect(popupText(box)).to.contain('最近搜索'));
    await box.updateComplete;
    expect(parts(box).options.map((option) => option.textContent!.trim())).to.deep.equal(['短袖', '蓝牙耳机']);
    expect(parts(box).listbox.getAttribute('aria-labelledby')).to.be.a('string');
    await expect(box).to.be.accessible();

    press(box, 'ArrowDown');
    press(box, 'ArrowDown');
    press(box, 'Enter');
    await box.updateComplete;
    expect(searches.map((event) => event.detail.query)).to.deep.equal(['蓝牙耳机']);
    expect(storefront.search.query).to.equal('蓝牙耳机');
    expect(parts(box).input.value).to.equal('蓝牙耳机');

    typeText(box, '');
    await eventually(() => expect(parts(box).options.map((option) => option.textContent!.trim())[0]).to.equal('蓝牙耳机'));
    box.shadowRoot!.querySelector<HTMLButtonElement>('[part="recent-clear"]')!.click();
    await eventually(async () => expect(await storefront.search.recent()).to.deep.equal([]));
    await box.updateComplete;
    expect(expanded(box)).to.equal('false');
  });

  it('does not search while an IME composes, and searches once at compositionend', async () => {
    const { box, storefront } = await setup();
    const calls = spyOnSuggest(storefront);
    const { input } = parts(box);
    input.focus();
    input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true }));
    for (const text of ['d', 'du', 'duan', 'duanx', 'duanxiu']) typeText(box, text);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).to.deep.equal([]);
    // Enter confirms the candidate: it must not submit.
    const searches = record(box, 'sf-search');
    press(box, 'Enter', { isComposing: true });
    expect(searches).to.deep.equal([]);

    input.value = '短袖';
    input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, composed: true, data: '短袖' }));
    await suggestionsShown(box, 1);
    expect(calls).to.deep.equal(['短袖']);
    expect(storefront.search.query).to.equal('');
  });

  it('debounces keystrokes and never lets a slow old answer replace a newer one', async () => {
    const { box, storefront } = await setup();
    const signals: AbortSignal[] = [];
    const original = storefront.search.suggest.bind(storefront.search);
    storefront.search.suggest = async (query, options = {}) => {
      if (options.signal) signals.push(options.signal);
      // The first word answers slowly (and ignores its abort signal, like a slow server).
      if (query === '长袖') await new Promise((resolve) => setTimeout(resolve, 400));
      return original(query, { ...options, signal: undefined });
    };
    parts(box).input.focus();
    for (const text of ['长', '长袖']) typeText(box, text);
    await new Promise((resolve) => setTimeout(resolve, 200)); // '长袖' is asked for
    expect(signals).to.have.length(1);
    typeText(box, '耳机');
    const [first] = await suggestionsShown(box, 1);
    expect(first!.textContent).to.contain('耳机');
    expect(signals[0]!.aborted).to.be.true;
    await new Promise((resolve) => setTimeout(resolve, 400));
    await box.updateComplete;
    expect(popupText(box)).to.contain('耳机');
    expect(popupText(box)).not.to.contain('长袖T恤');
  });

  it('shows the placeholder icon, not the image, for a suggestion whose image URL is a script', async () => {
    const products = [
      product('TOWEL', 5900, { title: '纯棉毛巾', images: [{ src: 'javascript:alert(1)', alt: '' }] }),
      product('ROBE', 25900, { title: '纯棉浴袍', images: [{ src: 'data:text/html,<script>alert(1)</script>', alt: '' }] }),
    ];
    const { box } = await setup({ adapter: new LocalAdapter({ data: smallData(products), indexedDB: null }) });
    parts(box).input.focus();
    typeText(box, '纯棉');
    await suggestionsShown(box, 2);
    expect(box.shadowRoot!.querySelector('img')).to.equal(null);
    expect(popupText(box)).to.contain('纯棉毛巾');
  });

  it('survives hostile and odd input, showing the query as text', async () => {
    const { box } = await setup();
    parts(box).input.focus();
    const hostile = '<img src=x onerror=alert(1)>';
    for (const text of ['长'.repeat(1000), '！？。，、……', '😀🎉🛒', '.*(', '\u0000\u200b', hostile]) {
      typeText(box, text);
      await eventually(() => expect(popupText(box)).to.match(/没有找到|全部结果/));
    }
    await eventually(() => expect(popupText(box)).to.contain(`没有找到与「${hostile}」相关的商品`));
    expect(box.shadowRoot!.querySelector('img')).to.equal(null);
    expect(box.shadowRoot!.querySelector('.query')!.textContent).to.equal(hostile);

    // 1,000 characters are cut to 120 before searching and in the message.
    typeText(box, 'x'.repeat(1000));
    await eventually(() => expect(popupText(box)).to.contain(`「${'x'.repeat(120)}」`));
    expect(popupText(box)).not.to.contain('x'.repeat(121));
    press(box, 'Enter');
    await box.updateComplete;
    expect(parts(box).input.value).to.have.length(120);
  });

  it('shows an error row with retry when the search fails', async () => {
    const adapter = new LocalAdapter({ data: smallData(), indexedDB: null, fail: 'network' });
    const { box } = await setup({ adapter });
    parts(box).input.focus();
    typeText(box, '耳机');
    await eventually(() => expect(popupText(box)).to.contain('无法连接到商店服务器'));
    const retry = box.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!;
    expect(retry.textContent!.trim()).to.equal('重试');
    await expect(box).to.be.accessible();
    adapter.setFailure(null);
    retry.click();
    await suggestionsShown(box, 1);
  });

  it('shows the store-missing notice with a disabled input when the page has no store', async () => {
    const box = await fixture<SfSearchBox>(html`<sf-search-box></sf-search-box>`);
    await eventually(() => expect(box.shadowRoot!.textContent).to.contain('未找到商店'), 2000);
    await box.updateComplete;
    expect(parts(box).input.disabled).to.be.true;
    press(box, 'ArrowDown');
    await box.updateComplete;
    expect(expanded(box)).to.equal('false');
    await expect(box).to.be.accessible();
  });

  it('waits for a connecting store, then suggests', async () => {
    const storeId = uniqueStoreId('slow');
    const store = await fixture<SfStore>(
      html`<sf-store
        store-id=${storeId}
        latency="300"
        .adapter=${new LocalAdapter({ data: smallData(), indexedDB: null, latency: 300 })}
        ><sf-search-box></sf-search-box
      ></sf-store>`,
    );
    const box = store.querySelector('sf-search-box')!;
    await box.updateComplete;
    expect(parts(box).input.disabled).to.be.false;
    parts(box).input.focus();
    typeText(box, '耳机');
    await eventually(() => expect(popupText(box)).to.match(/正在(连接商店|搜索)…/));
    await suggestionsShown(box, 1);
  });

  it('speaks English, with English titles highlighted', async () => {
    const products: Product[] = [
      product('E1', 12900, { title: '蓝牙耳机', translations: { en: { title: 'Bluetooth earbuds' } } }),
      product('E2', 5900, {
        title: '耳机收纳盒',
        translations: { en: { title: 'Earbuds case' } },
        flashSale: { price: { amount: 3900, currency: 'CNY' }, startsAt: Date.now() - 1000, endsAt: Date.now() + 3_600_000 },
      }),
    ];
    const { box } = await setup({ adapter: smallAdapter(products), locale: 'en' });
    expect(parts(box).input.labels?.[0]?.textContent?.trim()).to.equal('Search products');
    parts(box).input.focus();
    typeText(box, 'earbuds');
    const options = (await suggestionsShown(box, 2)).filter((option) => option.classList.contains('product'));
    expect(options.map((option) => option.querySelector('[part="title"]')!.textContent)).to.have.members([
      'Bluetooth earbuds',
      'Earbuds case',
    ]);
    expect(parts(box).marks.map((mark) => mark!.toLowerCase())).to.deep.equal(['earbuds', 'earbuds']);
    const sale = options.find((option) => option.textContent!.includes('Earbuds case'))!;
    expect(sale.querySelector('.now')!.textContent).to.equal('CN¥39.00');
    expect(sale.querySelector('s')!.textContent).to.equal('CN¥59.00');
    expect(sale.textContent).to.contain('Sale');
    typeText(box, 'zzzz');
    await eventually(() => expect(popupText(box)).to.contain('No products match "zzzz"'));
  });

  it('shows at most `suggestions` products', async () => {
    const many = Array.from({ length: 12 }, (_, i) => product(`T${i}`, 1000 + i, { title: `纯棉短袖 ${i} 号` }));
    const { box } = await setup({ adapter: smallAdapter(many), attrs: { suggestions: '3' } });
    parts(box).input.focus();
    typeText(box, '短袖');
    await suggestionsShown(box, 3);
  });

  it('scrolls the active suggestion into view in a short popup', async () => {
    const many = Array.from({ length: 8 }, (_, i) => product(`S${i}`, 1000 + i, { title: `纯棉短袖 ${i} 号` }));
    const { box } = await setup({ adapter: smallAdapter(many), attrs: { suggestions: '8' } });
    box.style.setProperty('--sf-search-box-popup-max-height', '160px');
    parts(box).input.focus();
    typeText(box, '短袖');
    await suggestionsShown(box, 8);
    const { popup } = parts(box);
    expect(popup.scrollTop).to.equal(0);
    press(box, 'ArrowUp'); // wraps to the last row, "see all"
    await box.updateComplete;
    const last = parts(box).options.at(-1)!;
    const popupBox = popup.getBoundingClientRect();
    const lastBox = last.getBoundingClientRect();
    expect(popup.scrollTop).to.be.greaterThan(0);
    expect(lastBox.bottom).to.be.at.most(popupBox.bottom + 1);
    expect(lastBox.top).to.be.at.least(popupBox.top - 1);
  });

  it('keeps ids unique when a page has several boxes, and follows the page query in the others', async () => {
    const storeId = uniqueStoreId('two-boxes');
    const store = await fixture<SfStore>(
      html`<sf-store store-id=${storeId} .adapter=${smallAdapter()}
        ><sf-search-box id="one"></sf-search-box><sf-search-box id="two"></sf-search-box
      ></sf-store>`,
    );
    const storefront = await store.whenReady();
    const [one, two] = [...store.querySelectorAll('sf-search-box')];
    await one!.updateComplete;
    expect(parts(one!).input.id).not.to.equal(parts(two!).input.id);
    expect(parts(one!).listbox.id).not.to.equal(parts(two!).listbox.id);
    parts(one!).input.focus();
    typeText(one!, '耳机');
    press(one!, 'Enter');
    expect(storefront.search.query).to.equal('耳机');
    await two!.updateComplete;
    expect(parts(two!).input.value).to.equal('耳机');
  });

  it('does not fire events when the value is set from code', async () => {
    const { box, storefront } = await setup();
    const searches = record(box, 'sf-search');
    const selected = record(box, 'sf-product-select');
    box.value = '耳机';
    await box.updateComplete;
    expect(parts(box).input.value).to.equal('耳机');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(searches).to.deep.equal([]);
    expect(selected).to.deep.equal([]);
    expect(storefront.search.query).to.equal('');
  });
});
