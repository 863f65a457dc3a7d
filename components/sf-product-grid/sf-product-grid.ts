import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { toStorefrontError, type StorefrontError, type StorefrontErrorCode } from '../../src/core/errors.js';
import type { Facet, Product, SortOrder } from '../../src/core/types.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SORT_ORDERS } from '../../src/catalog/catalog-query.js';
import type { Storefront } from '../../src/storefront.js';
import { baseStyles, noticeStyles } from '../shared/base-styles.js';
import { configMessage } from '../shared/config-message.js';
import { widgetLocale } from '../shared/locale.js';
import { errorMessage, t } from '../shared/messages.js';
import { renderNotice } from '../shared/notice.js';
import { defineElement, SfElement } from '../shared/sf-element.js';
import { StoreController } from '../shared/store-controller.js';
import '../sf-product-card/sf-product-card.js';
import { pageWindow } from './grid-pages.js';
import { gridMessage, type GridMessageKey } from './sf-product-grid.messages.js';
import { productGridStyles } from './sf-product-grid.styles.js';

/** One product in the grid, with the search terms to highlight in it. */
interface GridItem {
  product: Product;
  terms?: string[];
}

interface GridResult {
  items: GridItem[];
  total: number;
  stale: boolean;
  /** Why a stale result came from the cache (no network, a timeout, a response it could not read). */
  staleReason?: StorefrontErrorCode;
  /** Infinite mode: how many pages `items` holds (a page may bring fewer than pageSize: some failed validation). */
  pages?: number;
  /** The search the result answers ('' when browsing). */
  query: string;
}

/** The notice over products shown from the cache names the real reason (not always "offline"). */
function staleMessage(reason: StorefrontErrorCode | undefined): GridMessageKey {
  switch (reason) {
    case 'invalid-response':
      return 'stale.invalid-response';
    case 'timeout':
      return 'stale.timeout';
    case 'unavailable':
      return 'stale.unavailable';
    default:
      return 'stale';
  }
}

type VirtualizerModule = typeof import('./grid-virtualizer.js');

function facetTitle(facet: Facet, locale: string): string {
  return (locale === 'en' ? facet.translations?.en?.title : undefined) || facet.title || facet.id;
}

function clampPageSize(value: unknown): number {
  const size = typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, size));
}

/**
 * The shop's product display: series and category filters, sorting, pages (or infinite
 * scroll that renders only the visible cards, for catalogs of thousands). It follows the
 * page's search: when an `<sf-search-box>` of the same store searches, the grid shows the
 * ranked results with the matched text highlighted.
 *
 * @summary Product grid with filters, sorting, paging or virtualized infinite scroll, and search results.
 * @tagname sf-product-grid
 * @event sf-search - The shopper cleared the search from the grid (`detail.query` is '').
 * @csspart toolbar - The bar holding the search summary, filters and sort.
 * @csspart filters - A group of filter chips (series, category).
 * @csspart chip - One filter chip; `[aria-pressed="true"]` when chosen.
 * @csspart sort - The sort select.
 * @csspart count - The product count.
 * @csspart search-summary - "Results for …" with its clear button.
 * @csspart grid - The list of cards.
 * @csspart item - One cell of the grid.
 * @csspart skeleton - A placeholder card while loading.
 * @csspart pagination - The page navigation.
 * @csspart page - A page button; `[aria-current="page"]` on the current one.
 * @csspart notice - Empty, error, offline and configuration messages.
 * @csspart notice-action - Their buttons.
 * @cssprop --sf-product-grid-min-column - Narrowest column before the grid drops one (default 220px).
 * @cssprop --sf-product-grid-gap - Space between cards (default 20px).
 * @cssprop --sf-product-grid-chip-background - Background of an unselected chip.
 * @cssprop --sf-product-grid-chip-active-background - Background of the selected chip (default the primary colour).
 */
export class SfProductGrid extends SfElement {
  static override styles = [baseStyles, noticeStyles, productGridStyles];

  /** Show only this series (a facet id such as `cloud-cotton`); the shopper can change it. */
  @property() series = '';
  /** Show only this category (a facet id such as `tops`); the shopper can change it. */
  @property() category = '';
  /** `relevance` (default), `price-asc`, `price-desc`, `newest` or `rating`. */
  @property() sort: SortOrder = 'relevance';
  /** Products per page, or per batch in infinite mode (1-200, default 24). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = DEFAULT_PAGE_SIZE;
  /** The current page (1-based). */
  @property({ type: Number }) page = 1;
  /** Infinite scroll: more products load as the shopper scrolls; only visible cards are rendered. */
  @property({ type: Boolean, reflect: true }) infinite = false;
  /** Hide the filter chips and sort (a fixed selection on a promo page). */
  @property({ type: Boolean, attribute: 'hide-filters' }) hideFilters = false;
  /** Do not follow the page's search box. */
  @property({ type: Boolean, attribute: 'ignore-search' }) ignoreSearch = false;
  /** Height of a cell in infinite mode, in px (cells there are fixed-size; default 440). */
  @property({ type: Number, attribute: 'item-height' }) itemHeight = 440;
  /** Link of each product's card; `{sku}` is replaced by the sku. */
  @property({ attribute: 'product-href' }) productHref: string | undefined;

  @state() private query = '';
  /** Infinite mode: what is loaded so far (pages 1..n). */
  @state() private loaded: GridResult | null = null;
  @state() private loadingMore = false;
  @state() private moreError: StorefrontError | null = null;
  @state() private virtualizer: VirtualizerModule | null = null;
  /** The last result shown, kept on screen while the next one loads or fails. */
  private shown: GridResult | null = null;
  private unsubscribeSearch: (() => void) | null = null;
  private subscribedTo: Storefront | null = null;
  private moreController: AbortController | null = null;

  private readonly store = new StoreController(this, () => this.followSearch());

  private get storefront(): Storefront | null {
    const state = this.store.state;
    return state?.status === 'ready' ? state.storefront : null;
  }

  private readonly facets = new Task(this, {
    task: async ([storefront], { signal }) => (storefront ? storefront.catalog.facets({ signal }) : null),
    args: () => [this.hideFilters ? null : this.storefront] as const,
  });

  private readonly results = new Task(this, {
    task: async ([storefront, query, series, category, sort, page, pageSize], { signal }): Promise<GridResult | null> => {
      if (!storefront) return null;
      const filters = { series: series || undefined, category: category || undefined, sort, page, pageSize };
      if (query) {
        const found = await storefront.search.search(query, { ...filters, signal });
        return {
          items: found.items.map(({ product, hit }) => ({ product, terms: hit.terms })),
          total: found.total,
          stale: false,
          query,
        };
      }
      const result = await storefront.catalog.list(filters, { signal });
      return {
        items: result.items.map((product) => ({ product })),
        total: result.total,
        stale: result.stale === true,
        ...(result.staleReason ? { staleReason: result.staleReason } : {}),
        query,
      };
    },
    args: () =>
      [
        this.storefront,
        this.ignoreSearch ? '' : this.query,
        this.series,
        this.category,
        SORT_ORDERS.includes(this.sort) ? this.sort : 'relevance',
        this.infinite ? 1 : Math.max(1, Math.floor(this.page) || 1),
        clampPageSize(this.pageSize),
      ] as const,
    onComplete: (result) => {
      this.shown = result;
      if (this.infinite) {
        this.loaded = result && { ...result, pages: 1 };
        this.moreError = null;
      }
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribeSearch?.();
    this.unsubscribeSearch = null;
    this.subscribedTo = null;
    this.moreController?.abort();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.followSearch();
  }

  /** Subscribes to the store's page-wide search query. */
  private followSearch(): void {
    const storefront = this.storefront;
    if (storefront === this.subscribedTo) return;
    this.unsubscribeSearch?.();
    this.subscribedTo = storefront;
    this.unsubscribeSearch = storefront
      ? storefront.search.subscribe((query) => {
          this.query = query;
          this.page = 1;
        })
      : null;
    this.query = storefront?.search.query ?? '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.followSearch();
    // A new selection starts again from page one (infinite mode reloads from the top).
    const selection = ['series', 'category', 'sort', 'pageSize', 'query', 'infinite'] as const;
    const has = (key: string) => (changed as Map<PropertyKey, unknown>).has(key);
    if (this.hasUpdated && selection.some(has)) {
      if (!has('page')) this.page = 1;
      this.loaded = null;
      this.moreController?.abort();
    }
    if (this.infinite && !this.virtualizer) {
      void import('./grid-virtualizer.js').then((module) => (this.virtualizer = module));
    }
  }

  private choose(change: Partial<Pick<SfProductGrid, 'series' | 'category' | 'sort'>>): void {
    Object.assign(this, change);
    if (change.series !== undefined) this.category = '';
  }

  private goToPage(page: number): void {
    this.page = page;
    this.updateComplete.then(() => this.scrollIntoView?.({ block: 'start', behavior: 'smooth' }));
  }

  private clearSearch(): void {
    if (!this.emit('sf-search', { query: '' }, { cancelable: true })) return;
    this.storefront?.search.setQuery('');
  }

  /** Infinite mode: fetches the next batch when the shopper nears the end. */
  private async loadMore(): Promise<void> {
    const storefront = this.storefront;
    const loaded = this.loaded;
    if (!storefront || !loaded || this.loadingMore || loaded.items.length >= loaded.total) return;
    this.loadingMore = true;
    this.moreError = null;
    const controller = (this.moreController = new AbortController());
    const pageSize = clampPageSize(this.pageSize);
    const page = (loaded.pages ?? 1) + 1;
    const filters = {
      series: this.series || undefined,
      category: this.category || undefined,
      sort: this.sort,
      page,
      pageSize,
    };
    try {
      let next: GridItem[];
      let total = loaded.total;
      if (loaded.query) {
        const found = await storefront.search.search(loaded.query, { ...filters, signal: controller.signal });
        next = found.items.map(({ product, hit }) => ({ product, terms: hit.terms }));
      } else {
        const page = await storefront.catalog.list(filters, { signal: controller.signal });
        next = page.items.map((product) => ({ product }));
        // Products dropped on this page (they failed validation) lower the count.
        total = Math.min(total, page.total);
      }
      if (controller.signal.aborted || this.loaded !== loaded) return;
      const known = new Set(loaded.items.map((item) => item.product.id));
      const items = [...loaded.items, ...next.filter((item) => !known.has(item.product.id))];
      this.loaded = {
        ...loaded,
        items,
        pages: page,
        total: next.length === 0 ? items.length : Math.max(items.length, total),
      };
    } catch (error) {
      const failure = toStorefrontError(error);
      if (failure.code !== 'aborted') this.moreError = failure;
    } finally {
      if (this.moreController === controller) this.loadingMore = false;
    }
  }

  private onRangeChanged(last: number): void {
    const loaded = this.loaded;
    if (loaded && last >= loaded.items.length - Math.max(4, clampPageSize(this.pageSize) / 2)) void this.loadMore();
  }

  private renderCard(item: GridItem): TemplateResult {
    return html`<sf-product-card
      .product=${item.product}
      .terms=${item.terms ?? []}
      href=${this.productHref ?? nothing}
      lang=${this.lang || nothing}
    ></sf-product-card>`;
  }

  private renderChips(locale: string) {
    if (this.hideFilters) return nothing;
    const facets = this.facets.value;
    if (!facets) return nothing;
    const categories = facets.categories.filter((facet) => !this.series || !facet.series || facet.series === this.series);
    const chip = (label: string, pressed: boolean, run: () => void) =>
      html`<button type="button" part="chip" class="chip" aria-pressed=${String(pressed)} @click=${run}>${label}</button>`;
    const group = (label: string, items: Facet[], current: string, key: 'series' | 'category') =>
      items.length === 0
        ? nothing
        : html`<div class="filters" part="filters" role="group" aria-label=${label}>
            <span class="filters-label" aria-hidden="true">${label}</span>
            ${chip(gridMessage(locale, 'filter.all'), current === '', () => this.choose({ [key]: '' }))}
            ${items.map((facet) => chip(facetTitle(facet, locale), current === facet.id, () => this.choose({ [key]: facet.id })))}
          </div>`;
    return html`${group(gridMessage(locale, 'filter.series'), facets.series, this.series, 'series')}
    ${group(gridMessage(locale, 'filter.category'), categories, this.category, 'category')}`;
  }

  private renderToolbar(locale: string, result: GridResult | null) {
    const sortId = 'sort';
    return html`<div class="toolbar" part="toolbar">
      ${
        this.query && !this.ignoreSearch
          ? html`<div class="search-summary" part="search-summary">
              <span>${gridMessage(locale, 'search.results', { query: this.query })}</span>
              <button type="button" class="link" @click=${this.clearSearch}>${gridMessage(locale, 'search.clear')}</button>
            </div>`
          : nothing
      }
      ${this.renderChips(locale)}
      <div class="toolbar-row" ?data-separated=${!this.hideFilters && !!this.facets.value}>
        <p class="count" part="count" role="status">
          ${result ? gridMessage(locale, 'count', { count: result.total.toLocaleString(locale) }) : nothing}
        </p>
        ${
          this.hideFilters
            ? nothing
            : html`<label class="sort" for=${sortId}>
                <span>${gridMessage(locale, 'sort.label')}</span>
                <select
                  id=${sortId}
                  part="sort"
                  .value=${this.sort}
                  @change=${(event: Event) => this.choose({ sort: (event.target as HTMLSelectElement).value as SortOrder })}
                >
                  ${SORT_ORDERS.map(
                    (order) =>
                      html`<option value=${order} ?selected=${order === this.sort}>
                        ${gridMessage(locale, `sort.${order}`)}
                      </option>`,
                  )}
                </select>
              </label>`
        }
      </div>
    </div>`;
  }

  private renderSkeletons(count: number) {
    return html`<ul class="grid" part="grid" aria-busy="true">
      ${Array.from(
        { length: Math.min(count, 12) },
        () =>
          html`<li class="item" part="item">
            <div class="skeleton" part="skeleton" aria-hidden="true">
              <div class="skeleton-image"></div>
              <div class="skeleton-line"></div>
              <div class="skeleton-line short"></div>
            </div>
          </li>`,
      )}
    </ul>`;
  }

  private renderEmpty(locale: string, result: GridResult) {
    if (result.query) {
      return renderNotice({
        tone: 'info',
        title: gridMessage(locale, 'empty.search', { query: result.query }),
        body: gridMessage(locale, 'empty.hint'),
        action: { label: gridMessage(locale, 'action.showAll'), run: () => this.clearSearch() },
      });
    }
    if (this.series || this.category) {
      return renderNotice({
        tone: 'info',
        title: gridMessage(locale, 'empty.category'),
        action: {
          label: gridMessage(locale, 'action.showAll'),
          run: () => this.choose({ series: '', category: '' }),
        },
      });
    }
    return renderNotice({ tone: 'info', title: gridMessage(locale, 'empty.all') });
  }

  private renderPagination(locale: string, result: GridResult) {
    const pageSize = clampPageSize(this.pageSize);
    const pages = Math.ceil(result.total / pageSize);
    if (pages <= 1) return nothing;
    const page = Math.min(Math.max(1, this.page), pages);
    return html`<nav class="pagination" part="pagination" aria-label=${gridMessage(locale, 'page.nav')}>
      <button
        type="button"
        part="page"
        class="page step"
        aria-disabled=${page <= 1 ? 'true' : 'false'}
        aria-label=${gridMessage(locale, 'page.prev')}
        @click=${() => page > 1 && this.goToPage(page - 1)}
      >
        ‹
      </button>
      ${pageWindow(page, pages).map((p) =>
        p === null
          ? html`<span class="gap" aria-hidden="true">…</span>`
          : html`<button
              type="button"
              part="page"
              class="page"
              aria-label=${gridMessage(locale, 'page.number', { page: p })}
              aria-current=${p === page ? 'page' : nothing}
              @click=${() => this.goToPage(p)}
            >
              ${p}
            </button>`,
      )}
      <button
        type="button"
        part="page"
        class="page step"
        aria-disabled=${page >= pages ? 'true' : 'false'}
        aria-label=${gridMessage(locale, 'page.next')}
        @click=${() => page < pages && this.goToPage(page + 1)}
      >
        ›
      </button>
      <span class="visually-hidden" role="status">${gridMessage(locale, 'page.status', { page, pages })}</span>
    </nav>`;
  }

  private renderItems(locale: string, result: GridResult) {
    if (!this.infinite) {
      return html`<ul class="grid" part="grid" aria-label=${gridMessage(locale, 'label')}>
          ${repeat(
            result.items,
            (item) => item.product.id,
            (item) => html`<li class="item" part="item">${this.renderCard(item)}</li>`,
          )}
        </ul>
        ${this.renderPagination(locale, result)}`;
    }
    const loaded = this.loaded ?? result;
    const more = loaded.items.length < loaded.total;
    return html`${
        this.virtualizer
          ? this.virtualizer.renderVirtualGrid(
              loaded.items,
              (item) => this.renderCard(item),
              (last) => this.onRangeChanged(last),
              gridMessage(locale, 'label'),
              Math.max(200, Math.floor(this.itemHeight) || 440),
            )
          : html`<ul class="grid" part="grid" aria-label=${gridMessage(locale, 'label')}>
              ${loaded.items
                .slice(0, clampPageSize(this.pageSize))
                .map((item) => html`<li class="item" part="item">${this.renderCard(item)}</li>`)}
            </ul>`
      }
      <div class="more" role="status">
        ${
          this.moreError
            ? renderNotice({
                tone: 'error',
                title: errorMessage(locale, this.moreError.code),
                action: { label: t(locale, 'action.retry'), run: () => void this.loadMore() },
              })
            : this.loadingMore
              ? html`<span class="spinner" aria-hidden="true"></span>${gridMessage(locale, 'loading.more')}`
              : more
                ? nothing
                : gridMessage(locale, 'loading.end', { count: loaded.items.length.toLocaleString(locale) })
        }
      </div>`;
  }

  protected override render() {
    const binding = this.store.binding;
    const locale = widgetLocale(this, this.store.state);
    if (binding.kind === 'missing') {
      return renderNotice({ tone: 'warning', title: t(locale, 'store.missing.title'), body: t(locale, 'store.missing.body') });
    }
    const state = this.store.state;
    if (state?.status === 'error' && state.error) {
      if (binding.kind === 'provided') return nothing;
      return renderNotice({ tone: 'error', title: t(locale, 'store.config.title'), body: configMessage(locale, state.error) });
    }
    const result = this.results.value ?? this.shown;
    const pending = !this.storefront || this.results.status === 0 || this.results.status === 1;
    const error = this.results.status === 3 ? toStorefrontError(this.results.error) : null;
    // Infinite mode counts what the loaded pages say (a later page may have dropped products).
    return html`${this.renderToolbar(locale, this.infinite && this.loaded ? this.loaded : result)}
      ${
        error && error.code !== 'aborted'
          ? renderNotice({
              tone: 'error',
              title: errorMessage(locale, error.code),
              action: { label: t(locale, 'action.retry'), run: () => void this.results.run() },
            })
          : nothing
      }
      ${result?.stale ? renderNotice({ tone: 'warning', title: gridMessage(locale, staleMessage(result.staleReason)) }) : nothing}
      <div class="body" aria-busy=${String(pending)}>
        ${
          !result
            ? pending
              ? html`<span class="visually-hidden" role="status">${gridMessage(locale, 'loading')}</span>${this.renderSkeletons(
                    clampPageSize(this.pageSize),
                  )}`
              : nothing
            : result.items.length === 0 && result.total === 0
              ? pending
                ? this.renderSkeletons(clampPageSize(this.pageSize))
                : this.renderEmpty(locale, result)
              : this.renderItems(locale, result)
        }
      </div>`;
  }
}

defineElement('sf-product-grid', SfProductGrid);

declare global {
  interface HTMLElementTagNameMap {
    'sf-product-grid': SfProductGrid;
  }
}
