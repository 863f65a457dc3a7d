import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { priceView, primaryImage, productText } from '../../src/catalog/product-view.js';
import { toStorefrontError, type StorefrontErrorCode } from '../../src/core/errors.js';
import { formatMoney } from '../../src/core/money.js';
import { cleanQuery, type ProductHit } from '../../src/search/search-store.js';
import type { Storefront } from '../../src/storefront.js';
import { baseStyles, noticeStyles } from '../shared/base-styles.js';
import { configMessage } from '../shared/config-message.js';
import { renderHighlighted } from '../shared/highlight.js';
import { widgetLocale } from '../shared/locale.js';
import { errorMessage, t } from '../shared/messages.js';
import { renderNotice } from '../shared/notice.js';
import { defineElement, SfElement } from '../shared/sf-element.js';
import { StoreController } from '../shared/store-controller.js';
import { clampInteger, fillUrlTemplate, pause } from './search-box-helpers.js';
import { msg, type SearchBoxMessageKey } from './sf-search-box.messages.js';
import { searchBoxStyles } from './sf-search-box.styles.js';

/** Pause after the last keystroke before asking for suggestions. */
const DEBOUNCE_MS = 120;
const DEFAULT_SUGGESTIONS = 6;
const MAX_SUGGESTIONS = 20;
/** How long a navigation waits for the recent search to be written before leaving the page. */
const REMEMBER_BEFORE_LEAVING_MS = 400;

/** Per-instance id prefix: several boxes on one page keep their ARIA references apart. */
let instances = 0;

/** The answer of one suggestion request, tagged with the query it answers. */
interface Suggestions {
  query: string;
  items: ProductHit[];
}

/** One row of the listbox. */
type SearchOption = { kind: 'recent'; query: string } | { kind: 'product'; item: ProductHit } | { kind: 'all'; query: string };

/** What the popup shows right now. */
type PopupView =
  | { kind: 'closed' }
  | { kind: 'recent'; options: SearchOption[] }
  | { kind: 'results'; query: string; options: SearchOption[]; busy: boolean }
  | { kind: 'loading'; connecting: boolean }
  | { kind: 'empty'; query: string }
  | { kind: 'error'; code: StorefrontErrorCode };

const CLOSED: PopupView = { kind: 'closed' };

const ICONS = {
  search: svg`<circle cx="11" cy="11" r="6.5" fill="none" stroke="currentColor" stroke-width="2.2"/><path d="m16 16 4.5 4.5" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/>`,
  clear: svg`<path d="m8 8 8 8m0-8-8 8" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
  clock: svg`<circle cx="12" cy="12" r="8.25" fill="none" stroke="currentColor" stroke-width="1.7"/><path d="M12 7.5V12l3 2" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round"/>`,
  arrow: svg`<path d="M5 12h13m-5-5 5 5-5 5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>`,
  empty: svg`<circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="1.7"/><path d="m15.5 15.5 5 5M8.5 8.5l4 4m0-4-4 4" stroke="currentColor" stroke-width="1.7" stroke-linecap="round"/>`,
  error: svg`<circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="1.7"/><path d="M12 7.5v5.5m0 3.2v.1" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
  bag: svg`<path d="M6 8h12l-1 12H7L6 8Z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/><path d="M9 10V7a3 3 0 0 1 6 0v3" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`,
};

function icon(name: keyof typeof ICONS, className = 'icon'): TemplateResult {
  return html`<svg class=${className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">${ICONS[name]}</svg>`;
}

/**
 * An instant product search box (商品搜寻引擎) following the WAI-ARIA combobox pattern with a
 * listbox popup. As the shopper types, it suggests products (image, title with the matched
 * text highlighted, price: the flash-sale price while a sale runs); focused and empty, it lists
 * the shopper's recent searches, kept in this browser per store. Chinese input methods are
 * respected: nothing is searched while a word is being composed, and the Enter that confirms
 * an IME candidate never submits.
 *
 * **Keyboard.** ArrowDown / ArrowUp move through the suggestions (wrapping; ArrowDown also
 * opens the popup), Enter opens the active suggestion or, with none active, submits the typed
 * text, Escape closes the popup and a second Escape clears the box, Tab closes the popup (when
 * the popup holds a button, "清除" or "重试", Tab visits it first). Home / End stay text keys.
 *
 * **Submitting** (Enter, the search button, the "see all results" row or a recent search)
 * fires the cancelable `sf-search`. Unless the page calls `preventDefault()`, the query is
 * remembered among the recent searches and becomes the page-wide search
 * (`storefront.search.setQuery`) that `<sf-product-grid>` follows; with an `action` template
 * the browser goes to that URL instead. Submitting an empty box clears the page-wide search.
 *
 * **Picking a product** fires the cancelable `sf-product-select` with its sku and the typed
 * query. Unless vetoed: with a `product-href` template the browser goes to the product's page;
 * without one, the box closes, shows the product's title and makes it the page-wide search,
 * so the product grid narrows to that product.
 *
 * The box also follows the page-wide search when it is set elsewhere (another search box, a
 * script reading `?q=` from the URL) while the shopper is not typing in it.
 *
 * @summary Instant product search with suggestions, highlights, recent searches and keyboard navigation.
 * @tagname sf-search-box
 *
 * @event sf-search - The shopper submitted a search; `detail.query` is the cleaned query ('' when the box was emptied). Cancelable: `preventDefault()` keeps the page query and the URL as they are, so the page can route the search itself.
 * @event sf-product-select - The shopper picked a suggested product; `detail` is `{ sku, query }`. Cancelable, like a link click.
 *
 * @csspart form - The `<form role="search">` around everything.
 * @csspart label - The label (visually hidden unless `show-label`).
 * @csspart field - The rounded box holding the input and its buttons.
 * @csspart input - The text input (`role="combobox"`).
 * @csspart clear - The × button that empties the box.
 * @csspart button - The search (submit) button.
 * @csspart popup - The floating panel under the field.
 * @csspart listbox - The list of suggestions or recent searches.
 * @csspart option - Every suggestion row; the active one also has part `option-active` (and `data-active`, `aria-selected="true"`).
 * @csspart option-active - The suggestion chosen with the arrow keys or the mouse.
 * @csspart thumbnail - The product image of a suggestion.
 * @csspart title - The product title of a suggestion.
 * @csspart price - The price of a suggestion.
 * @csspart highlight - The `<mark>` around matched text in a title.
 * @csspart recent - The "最近搜索" heading row above the recent searches.
 * @csspart recent-option - A recent search (also part `option`).
 * @csspart recent-clear - The button clearing the recent searches.
 * @csspart see-all - The last row, "see all results for …" (also part `option`).
 * @csspart loading - The row shown while the first suggestions are on their way.
 * @csspart empty - The "no products match" row.
 * @csspart error - The row shown when suggestions could not be loaded.
 * @csspart retry - Its retry button.
 * @csspart notice - The box shown when the page has no store or the store is set up wrongly.
 *
 * @cssprop --sf-search-box-height - Height of the field (default 44px).
 * @cssprop --sf-search-box-radius - Corner radius of the field (default `--sf-radius`, else 22px).
 * @cssprop --sf-search-box-background - Background of the field (default `--sf-color-surface`).
 * @cssprop --sf-search-box-border-color - Border of the field (default `--sf-color-primary`).
 * @cssprop --sf-search-box-focus-ring - Colour of the ring around the focused field (default a light `--sf-color-primary`).
 * @cssprop --sf-search-box-button-background - Background of the search button (default `--sf-color-primary`).
 * @cssprop --sf-search-box-button-color - Text and icon colour of the search button (default `--sf-color-on-primary`).
 * @cssprop --sf-search-box-popup-background - Background of the popup (default `--sf-color-surface`).
 * @cssprop --sf-search-box-popup-shadow - Shadow of the popup.
 * @cssprop --sf-search-box-popup-max-height - Height above which the popup scrolls (default min(440px, 70vh)).
 * @cssprop --sf-search-box-z-index - Stacking order of the popup over the page (default 1000).
 * @cssprop --sf-search-box-active-background - Background of the active suggestion.
 * @cssprop --sf-search-box-highlight-color - Colour of the matched text (default `--sf-color-primary`).
 * @cssprop --sf-search-box-price-color - Colour of the prices (default `--sf-color-primary`).
 */
export class SfSearchBox extends SfElement {
  static override styles = [baseStyles, noticeStyles, searchBoxStyles];
  static override shadowRootOptions: ShadowRootInit = { ...SfElement.shadowRootOptions, delegatesFocus: true };

  /** The input's label (default "搜索商品" / "Search products"); read by screen readers, shown with `show-label`. */
  @property() label: string | undefined;

  /** Show the label above the field instead of keeping it for screen readers only. */
  @property({ type: Boolean, attribute: 'show-label', reflect: true }) showLabel = false;

  /** Hint inside the empty field (default "输入商品名称或关键词"). */
  @property() placeholder: string | undefined;

  /** How many products to suggest (1-20, default 6). */
  @property({ type: Number }) suggestions = DEFAULT_SUGGESTIONS;

  /**
   * Go to this URL on submit instead of setting the page-wide search, e.g.
   * `/search.html?q={query}`; `{query}` is replaced by the URI-encoded query (without it,
   * `q=<query>` is added). Only http(s) URLs and paths of this site are followed.
   */
  @property() action: string | undefined;

  /**
   * Go to this URL when a product is picked, e.g. `/p/{sku}`; `{sku}` is replaced by the
   * URI-encoded sku (without it, `sku=<sku>` is added). Without it, picking a product makes its
   * title the page-wide search.
   */
  @property({ attribute: 'product-href' }) productHref: string | undefined;

  /** The text in the box. Setting it does not search the page; the shopper submits. */
  @property() value = '';

  /** What suggestions are for: the text as of the last keystroke outside IME composition. */
  @state() private searchText = '';
  @state() private open = false;
  @state() private active = -1;
  @state() private recentSearches: string[] = [];

  @query('input') private input!: HTMLInputElement;
  @query('.popup') private popup!: HTMLElement | null;

  private readonly uid = `sf-search-box-${++instances}`;
  private readonly store = new StoreController(this);
  private boundStorefront: Storefront | null = null;
  private unsubscribeQuery: (() => void) | null = null;
  private composing = false;
  private hasFocus = false;
  private scrollActiveIntoView = false;
  private recentRequest = 0;
  /** A query submitted before the store was ready, applied once it is. */
  private pendingQuery: string | null = null;

  /**
   * Suggestions for the current text. A new keystroke starts a new run, which aborts the one
   * before (during its debounce pause or its search), and Task ignores any answer but the
   * latest: a slow old answer never replaces a newer one.
   */
  private readonly suggestionsTask = new Task(this, {
    task: async ([storefront, text, limit], { signal }): Promise<Suggestions | typeof initialState> => {
      if (!storefront) return initialState;
      if (!text) return { query: text, items: [] };
      await pause(DEBOUNCE_MS, signal);
      const items = await storefront.search.suggest(text, { limit, signal });
      return { query: text, items };
    },
    args: () => [this.storefront, cleanQuery(this.searchText), this.limit] as const,
    onComplete: () => {
      this.active = -1;
    },
  });

  private get storefront(): Storefront | null {
    const state = this.store.state;
    return state?.status === 'ready' ? state.storefront : null;
  }

  private get limit(): number {
    return clampInteger(this.suggestions, 1, MAX_SUGGESTIONS, DEFAULT_SUGGESTIONS);
  }

  private get locale(): string {
    return widgetLocale(this, this.store.state);
  }

  private readonly onDocumentPointerDown = (event: Event) => {
    if (this.open && !event.composedPath().includes(this)) this.close();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
    // Re-binds the page query when the element comes back (see willUpdate).
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
    this.unsubscribeQuery?.();
    this.unsubscribeQuery = null;
    this.boundStorefront = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && this.value !== this.input?.value && !this.composing) {
      // Set from outside (property or attribute): suggestions follow it.
      this.searchText = this.value ?? '';
    }
    const storefront = this.storefront;
    if (storefront !== this.boundStorefront && this.isConnected) this.bindStorefront(storefront);
  }

  protected override updated(): void {
    if (!this.scrollActiveIntoView) return;
    this.scrollActiveIntoView = false;
    const popup = this.popup;
    const option = this.active >= 0 ? this.renderRoot.querySelector<HTMLElement>(`#${this.optionId(this.active)}`) : null;
    if (!popup || !option) return;
    // Scroll the popup only (scrollIntoView could also scroll the page under it).
    const top = option.offsetTop;
    const bottom = top + option.offsetHeight;
    if (top < popup.scrollTop) popup.scrollTop = Math.max(0, top - 6);
    else if (bottom > popup.scrollTop + popup.clientHeight) popup.scrollTop = bottom - popup.clientHeight + 6;
  }

  /** Follows the store's page-wide query, and applies a query submitted before it was ready. */
  private bindStorefront(storefront: Storefront | null): void {
    this.unsubscribeQuery?.();
    this.unsubscribeQuery = null;
    this.boundStorefront = storefront;
    if (!storefront) return;
    this.unsubscribeQuery = storefront.search.subscribe((pageQuery) => this.followPageQuery(pageQuery));
    if (this.pendingQuery !== null) {
      const pending = this.pendingQuery;
      this.pendingQuery = null;
      this.applyQuery(storefront, pending);
    } else if (!this.value && storefront.search.query) {
      this.followPageQuery(storefront.search.query);
    }
    if (this.hasFocus) void this.loadRecent();
  }

  private followPageQuery(pageQuery: string): void {
    if (this.hasFocus || pageQuery === cleanQuery(this.value)) return;
    this.value = pageQuery;
    this.searchText = pageQuery;
  }

  private async loadRecent(): Promise<void> {
    const storefront = this.storefront;
    if (!storefront) return;
    const request = ++this.recentRequest;
    const list = await storefront.search.recent();
    if (request === this.recentRequest) this.recentSearches = list;
  }

  private optionId(index: number): string {
    return `${this.uid}-option-${index}`;
  }

  /** What the popup shows for the current state (also what the keys move through). */
  private popupView(): PopupView {
    const state = this.store.state;
    if (!this.open || this.store.binding.kind === 'missing' || state?.status === 'error') return CLOSED;
    const text = cleanQuery(this.searchText);
    if (!text) {
      if (!this.recentSearches.length) return CLOSED;
      return { kind: 'recent', options: this.recentSearches.map((recent) => ({ kind: 'recent', query: recent })) };
    }
    if (!this.storefront) return { kind: 'loading', connecting: true };
    const task = this.suggestionsTask;
    if (task.status === TaskStatus.ERROR) return { kind: 'error', code: toStorefrontError(task.error).code };
    const answer = task.value;
    const results = (items: ProductHit[], busy: boolean): PopupView => ({
      kind: 'results',
      query: text,
      busy,
      options: [...items.map((item): SearchOption => ({ kind: 'product', item })), { kind: 'all', query: text }],
    });
    if (task.status === TaskStatus.COMPLETE && answer?.query === text) {
      return answer.items.length ? results(answer.items, false) : { kind: 'empty', query: text };
    }
    // While the next answer is on its way, the previous suggestions stay (no flicker).
    if (answer && answer.query && answer.items.length) return results(answer.items, true);
    return { kind: 'loading', connecting: false };
  }

  private close(): void {
    this.open = false;
    this.active = -1;
  }

  private clear(reopen: boolean): void {
    this.value = '';
    this.searchText = '';
    this.active = -1;
    this.open = reopen;
    if (reopen) void this.loadRecent();
    this.input?.focus();
  }

  // ---- input events -------------------------------------------------------------------

  private onInput(event: InputEvent): void {
    this.value = (event.target as HTMLInputElement).value;
    // While an IME composes a word (拼音 letters), nothing is searched: compositionend does it.
    if (this.composing || event.isComposing) return;
    this.searchText = this.value;
    this.active = -1;
    this.open = true;
    if (!cleanQuery(this.value)) void this.loadRecent();
  }

  private onCompositionStart(): void {
    this.composing = true;
  }

  private onCompositionEnd(event: CompositionEvent): void {
    this.composing = false;
    this.value = (event.target as HTMLInputElement).value;
    this.searchText = this.value;
    this.active = -1;
    this.open = true;
  }

  private onFocus(): void {
    this.hasFocus = true;
    this.open = true;
    if (!cleanQuery(this.searchText)) void this.loadRecent();
  }

  private onBlur(): void {
    this.hasFocus = false;
  }

  private onInputClick(): void {
    if (!this.open) {
      this.open = true;
      if (!cleanQuery(this.searchText)) void this.loadRecent();
    }
  }

  private onKeydown(event: KeyboardEvent): void {
    // Keys belong to the input method while it composes: its Enter confirms a candidate.
    if (event.isComposing || this.composing || event.keyCode === 229) return;
    const view = this.popupView();
    const options = 'options' in view ? view.options : [];
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        const down = event.key === 'ArrowDown';
        if (view.kind === 'closed') {
          this.open = true;
          if (!cleanQuery(this.searchText)) void this.loadRecent();
          const reopened = this.popupView();
          const count = 'options' in reopened ? reopened.options.length : 0;
          if (count && !event.altKey) this.moveActive(down ? 0 : count - 1);
          return;
        }
        if (!options.length || (event.altKey && down)) return;
        const count = options.length;
        const current = this.active < count ? this.active : -1;
        this.moveActive(current < 0 ? (down ? 0 : count - 1) : (current + (down ? 1 : -1) + count) % count);
        return;
      }
      case 'Enter': {
        event.preventDefault();
        const option = view.kind !== 'closed' && this.active >= 0 ? options[this.active] : undefined;
        if (option) this.pick(option);
        else this.submit(this.value);
        return;
      }
      case 'Escape': {
        if (view.kind !== 'closed') {
          event.preventDefault();
          this.close();
        } else if (this.value) {
          event.preventDefault();
          this.clear(false);
        }
        return;
      }
      case 'Tab': {
        const popupHasButton = view.kind === 'recent' || view.kind === 'error';
        if (event.shiftKey || !popupHasButton) this.close();
        return;
      }
      default:
        return;
    }
  }

  private moveActive(index: number): void {
    this.active = index;
    this.scrollActiveIntoView = true;
  }

  /** Focus moving to the × or search button closes the popup; focus leaving the box too. */
  private onFocusIn(event: FocusEvent): void {
    const target = event.target as Node;
    if (target === this.input || this.popup?.contains(target)) return;
    this.close();
  }

  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.renderRoot.contains(next)) this.close();
  }

  private onPopupKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.close();
    this.input.focus();
  }

  /** The option under `event`, found from the listbox (keys are handled on the input). */
  private optionIndex(event: Event): number {
    const option = (event.target as Element | null)?.closest?.('[role="option"]');
    const index = Number(option?.getAttribute('data-index'));
    return option && Number.isInteger(index) ? index : -1;
  }

  private onOptionClick(event: MouseEvent): void {
    const view = this.popupView();
    const option = 'options' in view ? view.options[this.optionIndex(event)] : undefined;
    if (option) this.pick(option);
  }

  private onOptionHover(event: PointerEvent): void {
    const index = this.optionIndex(event);
    if (index >= 0 && index !== this.active) this.active = index;
  }

  /** A click in the popup keeps the focus (and the caret) in the input. */
  private onPopupMouseDown(event: MouseEvent): void {
    event.preventDefault();
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.submit(this.input?.value ?? this.value);
  }

  // ---- actions --------------------------------------------------------------------------

  private pick(option: SearchOption): void {
    if (option.kind === 'product') {
      this.pickProduct(option.item);
      return;
    }
    this.value = option.query;
    this.searchText = option.query;
    this.submit(option.query);
  }

  private submit(raw: string): void {
    const text = cleanQuery(raw);
    this.close();
    if (!this.emit('sf-search', { query: text }, { cancelable: true })) return;
    if (text !== this.value) {
      this.value = text;
      this.searchText = text;
    }
    const action = this.action?.trim();
    if (action && text) {
      void this.rememberThenGo(text, fillUrlTemplate(action, 'query', text, 'q'), 'action', action);
      return;
    }
    const storefront = this.storefront;
    if (storefront) this.applyQuery(storefront, text);
    else this.pendingQuery = text;
  }

  private pickProduct(item: ProductHit): void {
    const typed = cleanQuery(this.value);
    const sku = item.product.sku;
    this.close();
    if (!this.emit('sf-product-select', { sku, query: typed }, { cancelable: true })) return;
    const href = this.productHref?.trim();
    if (href) {
      void this.rememberThenGo(typed, fillUrlTemplate(href, 'sku', sku, 'sku'), 'product-href', href);
      return;
    }
    const title = cleanQuery(productText(item.product, this.locale).title) || typed;
    this.value = title;
    this.searchText = title;
    const storefront = this.storefront;
    if (!storefront) return;
    storefront.search.setQuery(title);
    if (typed) void this.remember(storefront, typed);
  }

  private applyQuery(storefront: Storefront, text: string): void {
    storefront.search.setQuery(text);
    if (text) void this.remember(storefront, text);
  }

  private async remember(storefront: Storefront, text: string): Promise<void> {
    try {
      this.recentSearches = await storefront.search.remember(text);
    } catch {
      // Recent searches are a convenience: the search itself went through.
    }
  }

  private async rememberThenGo(text: string, url: string | null, attribute: string, template: string): Promise<void> {
    const storefront = this.storefront;
    if (storefront && text) {
      await Promise.race([
        this.remember(storefront, text),
        new Promise((resolve) => setTimeout(resolve, REMEMBER_BEFORE_LEAVING_MS)),
      ]);
    }
    if (url) this.navigate(url);
    else
      console.warn(
        `[storefront-elements] <sf-search-box> ${attribute}="${template}" is not an http(s) URL or path: not followed.`,
      );
  }

  /** Leaves the page (a method of its own so tests and subclasses can intercept it). */
  protected navigate(url: string): void {
    location.assign(url);
  }

  private async clearRecent(): Promise<void> {
    const storefront = this.storefront;
    this.input?.focus();
    if (!storefront) return;
    this.recentRequest += 1;
    this.recentSearches = [];
    this.active = -1;
    try {
      this.recentSearches = await storefront.search.forget();
    } catch {
      // Nothing to undo: the list is already empty on screen.
    }
  }

  private retry(): void {
    this.input?.focus();
    this.open = true;
    void this.suggestionsTask.run();
  }

  // ---- rendering ------------------------------------------------------------------------

  /** A message with `{query}` shown as text in bold (never as HTML). */
  private withQuery(key: SearchBoxMessageKey, text: string): TemplateResult {
    const marker = '\u0000';
    const [before = '', after = ''] = msg(this.locale, key, { query: marker }).split(marker);
    return html`${before}<strong class="query">${text}</strong>${after}`;
  }

  private renderOption(option: SearchOption, index: number, active: boolean): TemplateResult {
    const locale = this.locale;
    const part = `option${active ? ' option-active' : ''}`;
    const common = {
      id: this.optionId(index),
      selected: active ? 'true' : undefined,
    };
    if (option.kind === 'recent') {
      return html`<li
        id=${common.id}
        class="option recent-option"
        part="${part} recent-option"
        role="option"
        aria-selected=${ifDefined(common.selected)}
        ?data-active=${active}
        data-index=${index}
      >
        ${icon('clock', 'option-icon')}<span class="recent-text">${option.query}</span>
      </li>`;
    }
    if (option.kind === 'all') {
      return html`<li
        id=${common.id}
        class="option see-all"
        part="${part} see-all"
        role="option"
        aria-selected=${ifDefined(common.selected)}
        ?data-active=${active}
        data-index=${index}
      >
        ${icon('search', 'option-icon')}<span class="see-all-text">${this.withQuery('seeAll', option.query)}</span>
        ${icon('arrow', 'option-icon trailing')}
      </li>`;
    }
    const { product, hit } = option.item;
    const title = productText(product, locale).title || msg(locale, 'untitled');
    const view = priceView(product, Date.now());
    const src = primaryImage(product)?.src ?? null;
    return html`<li
      id=${common.id}
      class="option product"
      part=${part}
      role="option"
      aria-selected=${ifDefined(common.selected)}
      ?data-active=${active}
      data-index=${index}
    >
      <span class="thumb" part="thumbnail">
        ${
          src
            ? html`<img src=${src} alt="" width="44" height="44" loading="lazy" decoding="async" />`
            : icon('bag', 'thumb-placeholder')
        }
      </span>
      <span class="text">
        <span class="title" part="title">${renderHighlighted(title, hit.terms)}</span>
        ${view.sale ? html`<span class="badge">${view.sale.label || msg(locale, 'price.sale')}</span>` : nothing}
      </span>
      <span class="price" part="price">
        ${
          view.price
            ? html`<span class="now">${formatMoney(view.price, locale)}</span>`
            : html`<span class="none">${msg(locale, 'price.none')}</span>`
        }
        ${
          view.was
            ? html`<s class="was" aria-hidden="true">${formatMoney(view.was, locale)}</s
                ><span class="visually-hidden">${msg(locale, 'price.was', { price: formatMoney(view.was, locale) })}</span>`
            : nothing
        }
      </span>
    </li>`;
  }

  private renderPopupBody(view: PopupView): unknown {
    const locale = this.locale;
    switch (view.kind) {
      case 'loading':
        return html`<div class="row loading" part="loading">
          <span class="spinner" aria-hidden="true"></span>${msg(locale, view.connecting ? 'connecting' : 'searching')}
        </div>`;
      case 'empty':
        return html`<div class="row empty" part="empty">
          ${icon('empty', 'row-icon')}
          <div>
            <p class="row-title">${this.withQuery('empty', view.query)}</p>
            <p class="row-hint">${msg(locale, 'emptyHint')}</p>
          </div>
        </div>`;
      case 'error':
        return html`<div class="row error" part="error">
          ${icon('error', 'row-icon')}
          <p class="row-title">${errorMessage(locale, view.code)}</p>
          <button type="button" class="retry" part="retry" @click=${this.retry}>${t(locale, 'action.retry')}</button>
        </div>`;
      default:
        return nothing;
    }
  }

  private statusText(view: PopupView): string {
    const locale = this.locale;
    switch (view.kind) {
      case 'recent':
        return msg(locale, 'status.recent', { count: view.options.length });
      case 'results':
        return view.busy ? '' : msg(locale, 'status.results', { count: view.options.length - 1 });
      case 'loading':
        return msg(locale, view.connecting ? 'connecting' : 'searching');
      case 'empty':
        return msg(locale, 'empty', { query: view.query });
      case 'error':
        return errorMessage(locale, view.code);
      default:
        return '';
    }
  }

  private renderStoreNotice(locale: string): unknown {
    const binding = this.store.binding;
    if (binding.kind === 'missing') {
      return renderNotice({ tone: 'warning', title: t(locale, 'store.missing.title'), body: t(locale, 'store.missing.body') });
    }
    const state = this.store.state;
    // Inside a misconfigured <sf-store>, its own notice says it all.
    if (state?.status === 'error' && state.error && binding.kind !== 'provided') {
      return renderNotice({ tone: 'error', title: t(locale, 'store.config.title'), body: configMessage(locale, state.error) });
    }
    return nothing;
  }

  // The listbox takes clicks, but never focus: its keys are handled on the combobox input,
  // which points at the active option with aria-activedescendant (the APG combobox pattern).
  /* eslint-disable lit-a11y/click-events-have-key-events */
  protected override render() {
    const locale = this.locale;
    const disabled = this.store.binding.kind === 'missing' || this.store.state?.status === 'error';
    const view = this.popupView();
    const options = 'options' in view ? view.options : [];
    const active = this.active >= 0 && this.active < options.length ? this.active : -1;
    const expanded = view.kind !== 'closed';
    const inputId = `${this.uid}-input`;
    const listboxId = `${this.uid}-listbox`;
    const headingId = `${this.uid}-recent`;
    const labelId = `${this.uid}-label`;
    const label = this.label?.trim() || msg(locale, 'label');
    return html`<form
        class="form"
        part="form"
        role="search"
        novalidate
        @submit=${this.onSubmit}
        @focusin=${this.onFocusIn}
        @focusout=${this.onFocusOut}
      >
        <label id=${labelId} class=${this.showLabel ? 'label' : 'visually-hidden'} part="label" for=${inputId}>${label}</label>
        <div class="field" part="field" ?data-disabled=${disabled}>
          <input
            id=${inputId}
            part="input"
            type="text"
            role="combobox"
            aria-labelledby=${labelId}
            aria-autocomplete="list"
            aria-expanded=${expanded ? 'true' : 'false'}
            aria-controls=${listboxId}
            aria-activedescendant=${ifDefined(active >= 0 ? this.optionId(active) : undefined)}
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            enterkeyhint="search"
            placeholder=${this.placeholder ?? msg(locale, 'placeholder')}
            .value=${live(this.value ?? '')}
            ?disabled=${disabled}
            @input=${this.onInput}
            @keydown=${this.onKeydown}
            @compositionstart=${this.onCompositionStart}
            @compositionend=${this.onCompositionEnd}
            @focus=${this.onFocus}
            @blur=${this.onBlur}
            @click=${this.onInputClick}
          />
          <div
            class="popup"
            part="popup"
            ?hidden=${!expanded}
            @mousedown=${this.onPopupMouseDown}
            @keydown=${this.onPopupKeydown}
          >
            ${
              view.kind === 'recent'
                ? html`<div class="section-head" part="recent">
                    <span id=${headingId}>${msg(locale, 'recent.title')}</span>
                    <button
                      type="button"
                      class="recent-clear"
                      part="recent-clear"
                      aria-label=${msg(locale, 'recent.clearLabel')}
                      @click=${this.clearRecent}
                    >
                      ${msg(locale, 'recent.clear')}
                    </button>
                  </div>`
                : nothing
            }
            <ul
              id=${listboxId}
              class="listbox"
              part="listbox"
              role="listbox"
              aria-label=${ifDefined(view.kind === 'recent' ? undefined : msg(locale, 'suggestions'))}
              aria-labelledby=${ifDefined(view.kind === 'recent' ? headingId : undefined)}
              aria-busy=${view.kind === 'results' && view.busy ? 'true' : 'false'}
              ?hidden=${options.length === 0}
              @click=${this.onOptionClick}
              @pointermove=${this.onOptionHover}
            >
              ${options.map((option, index) => this.renderOption(option, index, index === active))}
            </ul>
            ${this.renderPopupBody(view)}
          </div>
          ${
            this.value && !disabled
              ? html`<button
                  type="button"
                  class="clear"
                  part="clear"
                  aria-label=${msg(locale, 'clear')}
                  @click=${() => this.clear(true)}
                >
                  ${icon('clear')}
                </button>`
              : nothing
          }
          <button type="submit" class="submit" part="button" ?disabled=${disabled}>
            ${icon('search')}<span class="submit-text">${msg(locale, 'submit')}</span>
          </button>
        </div>
      </form>
      <div class="visually-hidden" role="status">${expanded ? this.statusText(view) : ''}</div>
      ${this.renderStoreNotice(locale)}`;
  }
  /* eslint-enable lit-a11y/click-events-have-key-events */
}

defineElement('sf-search-box', SfSearchBox);

declare global {
  interface HTMLElementTagNameMap {
    'sf-search-box': SfSearchBox;
  }
}
