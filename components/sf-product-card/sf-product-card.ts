import { Task, TaskStatus } from '@lit/task';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import {
  countdown,
  groupBuyView,
  primaryImage,
  priceView,
  productText,
  ratingView,
  stockState,
  upcomingSale,
  type GroupBuyView,
  type PriceView,
  type StockState,
} from '../../src/catalog/product-view.js';
import { toStorefrontError, type StorefrontErrorCode } from '../../src/core/errors.js';
import { formatDate, type Locale } from '../../src/core/locale.js';
import { formatMoney, type Money } from '../../src/core/money.js';
import type { Product } from '../../src/core/types.js';
import { baseStyles, noticeStyles } from '../shared/base-styles.js';
import { configMessage } from '../shared/config-message.js';
import { renderHighlighted } from '../shared/highlight.js';
import { widgetLocale } from '../shared/locale.js';
import { errorMessage, t } from '../shared/messages.js';
import { renderNotice } from '../shared/notice.js';
import { defineElement, SfElement } from '../shared/sf-element.js';
import { StoreController } from '../shared/store-controller.js';
import { msg } from './sf-product-card.messages.js';
import { productCardStyles } from './sf-product-card.styles.js';

/** What the loader found for a sku (null: the store has no such product). */
interface Loaded {
  sku: string;
  product: Product | null;
}

type Feedback = { kind: 'added' } | { kind: 'error'; code: StorefrontErrorCode } | { kind: 'no-store' } | null;

/** A timer never waits longer than this before looking at the clock again. */
const MAX_TIMER_MS = 3_600_000;
/** How long "已加入购物车" stays under the button. */
const FEEDBACK_MS = 5000;

const STAR = 'M10 1.6l2.5 5.2 5.7.8-4.1 4 1 5.7L10 14.6l-5.1 2.7 1-5.7-4.1-4 5.7-.8z';
const STARS = svg`${[0, 1, 2, 3, 4].map((i) => svg`<path transform="translate(${i * 20} 0)" d=${STAR} />`)}`;
const CART_ICON = svg`<path d="M3 4h2.2l2.1 10.2a1.5 1.5 0 0 0 1.5 1.2h7.6a1.5 1.5 0 0 0 1.5-1.1L19.6 8H6.3" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/><circle cx="9" cy="19.5" r="1.4" fill="currentColor"/><circle cx="16.5" cy="19.5" r="1.4" fill="currentColor"/>`;
const CHECK_ICON = svg`<path d="m5 10.5 3.2 3.2L15 7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`;
const BOLT_ICON = svg`<path d="M11.5 1.5 4 11h5l-1 7.5L15.5 9h-5z" fill="currentColor"/>`;
const BAG_ICON = svg`<path d="M12 22h24l-2 20H14z" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linejoin="round"/><path d="M19 22v-3a5 5 0 0 1 10 0v3" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/>`;

const pad = (value: number): string => String(value).padStart(2, '0');

/** `¥1,299.00` split so the symbol and cents can be set smaller than the yuan, as shops do. */
function renderAmount(money: Money, locale: Locale): TemplateResult {
  const text = formatMoney(money, locale);
  const match = /^([^\d]*?)(\d[\d,\s]*)([.,]\d+)?$/u.exec(text);
  if (!match) return html`${text}`;
  const [, symbol = '', whole = '', fraction] = match;
  return html`${symbol ? html`<span class="symbol">${symbol}</span>` : nothing}<span class="whole">${whole}</span>${
      fraction ? html`<span class="fraction">${fraction}</span>` : nothing
    }`;
}

/** Money without a zero fraction (`¥100` instead of `¥100.00`), for badges. */
function shortMoney(money: Money, locale: Locale): string {
  return formatMoney(money, locale).replace(/\.0+$/, '');
}

/**
 * One product as a card: picture, title, price (with the struck-through reference price and
 * the saving), rating, stock, a live 限时特卖 countdown (the price switches back by itself when
 * the sale ends), the 团购 progress, and an add-to-cart button. Give it a `sku` and it loads
 * the product from the page's store; a product grid hands it a `product` instead.
 *
 * It adapts to the width it is given (container queries): a vertical card when narrow, picture
 * on the left from about 520px wide. Every state is designed: loading skeleton, not found,
 * error with retry, no store on the page, and broken products (no picture, no title, no price).
 *
 * @summary A product card for one SKU: price, flash sale countdown, group buy, add to cart.
 * @tagname sf-product-card
 * @event sf-add-to-cart - Before the product goes into the cart; `detail: { sku, quantity: 1 }`. Cancelable: call `preventDefault()` to handle the click yourself and keep the cart unchanged.
 * @csspart card - The card (an `<article>`), also while loading.
 * @csspart media - The picture's frame (fixed aspect ratio).
 * @csspart image - The product picture (`<img>`), or the placeholder drawn when there is none.
 * @csspart placeholder - The placeholder drawn when the product has no usable picture (also `image`).
 * @csspart badge - The "-N%" badge on the picture when the price is reduced.
 * @csspart sold-out - The "已售罄" seal over the picture of a sold-out product.
 * @csspart body - Everything beside or below the picture.
 * @csspart countdown - The flash-sale bar: "限时特卖 · 距结束 02:13:05" (also the "starts at" bar of an upcoming sale).
 * @csspart title - The product title (a heading, `h3` unless `heading-level` says otherwise).
 * @csspart title-link - The title's link, when `href` is set.
 * @csspart highlight - The stretches of the title matching `terms` (`<mark>`).
 * @csspart description - The description, shown in the wide layout only.
 * @csspart rating - The stars and "4.8 分 · 1,234 条评价".
 * @csspart price - The price to pay now (or "暂无报价").
 * @csspart compare-price - The struck-through reference price.
 * @csspart saving - The "省¥X" tag next to the price.
 * @csspart stock - The stock state: 有货 / 仅剩 N 件 / 已售罄.
 * @csspart shipping - The "包邮" tag of products that ship free.
 * @csspart group-buy - The 团购 box: group price, progress, deadline, presale stock.
 * @csspart progress - The group-buy progress bar (`role="progressbar"`).
 * @csspart progress-fill - The filled stretch of the progress bar.
 * @csspart button - The add-to-cart button.
 * @csspart feedback - The "已加入购物车" or error line under the button.
 * @csspart notice - The box shown when the product is not found, on error, or when the page has no store.
 * @csspart notice-action - The retry button of the error box.
 * @cssprop --sf-product-card-background - Card background (default `--sf-color-surface`, #fff).
 * @cssprop --sf-product-card-border-color - Card border colour (default `--sf-color-border`).
 * @cssprop --sf-product-card-radius - Card corner radius (default `--sf-radius`, 12px).
 * @cssprop --sf-product-card-padding - Space inside the card's text column (default 16px).
 * @cssprop --sf-product-card-shadow - Card shadow at rest.
 * @cssprop --sf-product-card-shadow-hover - Card shadow under the pointer.
 * @cssprop --sf-product-card-accent - Sale colour: price, badge, countdown, progress (default `--sf-color-primary`, #d0342c).
 * @cssprop --sf-product-card-price-color - Colour of the price (default the accent).
 * @cssprop --sf-product-card-price-size - Font size of the price (default 24px).
 * @cssprop --sf-product-card-title-size - Font size of the title (default 15px; 18px in the wide layout).
 * @cssprop --sf-product-card-image-ratio - Aspect ratio of the picture (default `1 / 1`).
 * @cssprop --sf-product-card-image-fit - `object-fit` of the picture (default `cover`).
 * @cssprop --sf-product-card-image-background - Backdrop of the picture and placeholder (default `--sf-color-subtle`).
 * @cssprop --sf-product-card-image-width - Width of the picture in the wide layout (default 42%).
 * @cssprop --sf-product-card-star-color - Colour of the rating stars (default #f5a524).
 * @cssprop --sf-product-card-button-background - Add-to-cart button background (default the accent).
 * @cssprop --sf-product-card-button-color - Add-to-cart button text colour (default `--sf-color-on-primary`, #fff).
 * @cssprop --sf-product-card-button-radius - Add-to-cart button corner radius (default 999px).
 */
export class SfProductCard extends SfElement {
  static override styles = [baseStyles, noticeStyles, productCardStyles];

  /** The product to show, loaded from the page's store. `product` takes precedence when set. */
  @property() sku: string | undefined;

  /** A product object handed in (by a product grid, or a script): shown as is, nothing is fetched. */
  @property({ attribute: false }) product: Product | undefined;

  /** Search terms (folded, as in a search hit) to highlight in the title. */
  @property({ attribute: false }) terms: string[] = [];

  /** Link of the product page: the title and picture link there. `{sku}` is replaced by the sku. */
  @property() href: string | undefined;

  /** Level of the title's heading, 1-6 (default 3: a card under the page's section headings). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** The clock the sale countdown and deadlines read (epoch ms); defaults to `Date.now`. */
  @property({ attribute: false }) clock: () => number = Date.now;

  @state() private adding = false;
  @state() private feedback: Feedback = null;
  /** The picture that failed to load, so the placeholder shows instead of a broken image. */
  @state() private failedImage: string | null = null;

  private readonly store = new StoreController(this);
  /** The product on screen, so the timer knows what to watch. */
  private shown: Product | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private feedbackTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly loader = new Task(this, {
    task: async ([storefront, sku], { signal }): Promise<Loaded | null> => {
      if (!storefront || !sku) return null;
      return { sku, product: await storefront.catalog.get(sku, { signal }) };
    },
    args: () => {
      const state = this.store.state;
      const storefront = !this.product && state?.status === 'ready' ? state.storefront : null;
      return [storefront, this.sku?.trim() ?? ''] as const;
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page: the countdown restarts on the next render.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    clearTimeout(this.feedbackTimer);
    this.timer = undefined;
  }

  protected override render() {
    const locale = widgetLocale(this, this.store.state);
    this.shown = null;
    if (this.product) return this.renderCard(this.product, locale);
    const binding = this.store.binding;
    if (binding.kind === 'missing') {
      return renderNotice({ tone: 'warning', title: t(locale, 'store.missing.title'), body: t(locale, 'store.missing.body') });
    }
    const state = this.store.state;
    if (state?.status === 'error' && state.error) {
      // Inside the misconfigured <sf-store>, its own notice right above says it all.
      if (binding.kind === 'provided') return nothing;
      return renderNotice({ tone: 'error', title: t(locale, 'store.config.title'), body: configMessage(locale, state.error) });
    }
    const sku = this.sku?.trim() ?? '';
    if (!sku) return renderNotice({ tone: 'info', title: msg(locale, 'noSku.title'), body: msg(locale, 'noSku.body') });
    if (state?.status !== 'ready') return this.renderSkeleton(locale);
    const { status, value } = this.loader;
    if (status === TaskStatus.ERROR) {
      return renderNotice({
        tone: 'error',
        title: errorMessage(locale, toStorefrontError(this.loader.error).code),
        action: { label: t(locale, 'action.retry'), run: () => void this.loader.run() },
      });
    }
    // While a reload for the same sku runs, the last answer stays on screen.
    if (value && value.sku === sku && (status === TaskStatus.COMPLETE || status === TaskStatus.PENDING)) {
      if (value.product) return this.renderCard(value.product, locale);
      return renderNotice({ tone: 'info', title: msg(locale, 'notFound.title', { sku }), body: msg(locale, 'notFound.body') });
    }
    return this.renderSkeleton(locale);
  }

  protected override updated(): void {
    this.schedule();
  }

  /**
   * Re-renders when what the card shows changes by itself: every second of a running sale's
   * countdown, when a sale starts or ends, when a group buy closes.
   */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const product = this.shown;
    if (!product || !this.isConnected) return;
    const now = this.clock();
    const view = priceView(product, now);
    let delay = Number.POSITIVE_INFINITY;
    if (view.sale) delay = (view.sale.endsAt - now) % 1000 || 1000;
    const deadline = groupBuyView(product, now)?.deadline;
    for (const at of [view.changesAt, deadline]) {
      if (typeof at === 'number' && at > now) delay = Math.min(delay, at - now);
    }
    if (!Number.isFinite(delay)) return;
    this.timer = setTimeout(() => this.requestUpdate(), Math.min(Math.max(delay, 20), MAX_TIMER_MS));
  }

  private renderSkeleton(locale: Locale) {
    return html`<div class="card skeleton" part="card" role="status">
      <div class="media" part="media"><div class="shimmer fill"></div></div>
      <div class="body" part="body">
        <div class="shimmer line long"></div>
        <div class="shimmer line short"></div>
        <div class="shimmer line price"></div>
        <div class="shimmer line button"></div>
      </div>
      <span class="visually-hidden">${msg(locale, 'loading')}</span>
    </div>`;
  }

  private renderCard(product: Product, locale: Locale) {
    this.shown = product;
    const now = this.clock();
    const view = priceView(product, now);
    const stock = stockState(product);
    const group = groupBuyView(product, now);
    const rating = ratingView(product);
    const text = productText(product, locale);
    const title = text.title || msg(locale, 'untitled');
    const sku = typeof product.sku === 'string' ? product.sku : '';
    const link = this.href ? this.href.replaceAll('{sku}', encodeURIComponent(sku)) : undefined;
    const soldOut = stock.kind === 'sold-out';
    return html`<article
      class="card"
      part="card"
      lang=${locale}
      aria-labelledby="title"
      data-sold-out=${String(soldOut)}
      data-sale=${String(view.sale !== null)}
    >
      ${this.renderMedia(product, title, view, soldOut, link, locale)}
      <div class="body" part="body">
        ${this.renderSale(product, view, now, locale)} ${this.renderTitle(title, link, !text.title)}
        ${text.description ? html`<p class="description" part="description">${text.description}</p>` : nothing}
        ${rating ? this.renderRating(rating.average, rating.count, locale) : nothing} ${this.renderPrice(view, locale)}
        ${this.renderMeta(product, stock, locale)} ${group ? this.renderGroup(group, locale) : nothing}
        ${this.renderActions(product, sku, title, view, soldOut, locale)}
      </div>
    </article>`;
  }

  private renderMedia(
    product: Product,
    title: string,
    view: PriceView,
    soldOut: boolean,
    link: string | undefined,
    locale: Locale,
  ) {
    const image = primaryImage(product);
    const picture =
      image && this.failedImage !== image.src
        ? html`<img
            part="image"
            src=${image.src}
            alt=${locale === 'zh-CN' && image.alt ? image.alt : title}
            width=${image.width ?? 600}
            height=${image.height ?? 600}
            loading="lazy"
            decoding="async"
            @error=${() => (this.failedImage = image.src)}
          />`
        : html`<div class="placeholder" part="image placeholder">
            <svg viewBox="0 0 48 48" aria-hidden="true">${BAG_ICON}</svg>
            <span>${msg(locale, 'noImage')}</span>
          </div>`;
    return html`<div class="media" part="media">
      ${
        link
          ? // The title carries the same link for keyboards and screen readers; this one is for the pointer.
            html`<a class="media-link" href=${link} tabindex="-1" aria-hidden="true">${picture}</a>`
          : picture
      }
      ${
        view.percentOff
          ? html`<span class="badge" part="badge" aria-hidden="true"
              >${msg(locale, 'price.off', { percent: view.percentOff })}</span
            >`
          : nothing
      }
      ${soldOut ? html`<span class="sold-out-seal" part="sold-out" aria-hidden="true">${msg(locale, 'stock.soldOut')}</span>` : nothing}
    </div>`;
  }

  private renderTitle(title: string, link: string | undefined, untitled: boolean) {
    const content = untitled ? title : renderHighlighted(title, this.terms);
    const inner = link ? html`<a part="title-link" href=${link}>${content}</a>` : content;
    const level = Number.isInteger(this.headingLevel) && this.headingLevel >= 1 && this.headingLevel <= 6 ? this.headingLevel : 3;
    const cls = untitled ? 'title untitled' : 'title';
    switch (level) {
      case 1:
        return html`<h1 class=${cls} part="title" id="title">${inner}</h1>`;
      case 2:
        return html`<h2 class=${cls} part="title" id="title">${inner}</h2>`;
      case 4:
        return html`<h4 class=${cls} part="title" id="title">${inner}</h4>`;
      case 5:
        return html`<h5 class=${cls} part="title" id="title">${inner}</h5>`;
      case 6:
        return html`<h6 class=${cls} part="title" id="title">${inner}</h6>`;
      default:
        return html`<h3 class=${cls} part="title" id="title">${inner}</h3>`;
    }
  }

  private renderSale(product: Product, view: PriceView, now: number, locale: Locale) {
    const zh = locale === 'zh-CN';
    if (view.sale) {
      const left = countdown(view.sale.endsAt, now);
      const label = (zh && view.sale.label) || msg(locale, 'sale.flash');
      return html`<div class="countdown" part="countdown" role="timer">
        <span class="sale-label"><svg viewBox="0 0 20 20" aria-hidden="true">${BOLT_ICON}</svg>${label}</span
        ><span class="sep" aria-hidden="true"> · </span
        ><span class="ends"
          >${msg(locale, 'sale.endsIn')}
          ${left.days > 0 ? html`<span class="days">${msg(locale, 'sale.days', { days: left.days })}</span> ` : nothing}<span
            class="clock"
            ><span class="digit">${pad(left.hours)}</span>:<span class="digit">${pad(left.minutes)}</span>:<span class="digit"
              >${pad(left.seconds)}</span
            ></span
          ></span
        >
      </div>`;
    }
    const upcoming = upcomingSale(product, now);
    if (!upcoming) return nothing;
    const label = (zh && upcoming.label) || msg(locale, 'sale.flash');
    return html`<div class="countdown upcoming" part="countdown">
      <span class="sale-label"><svg viewBox="0 0 20 20" aria-hidden="true">${BOLT_ICON}</svg>${label}</span
      ><span class="sep" aria-hidden="true"> · </span
      ><span class="ends"
        >${msg(locale, 'sale.upcoming', { date: formatDate(upcoming.startsAt, locale, 'datetime') })} ·
        ${msg(locale, 'sale.upcomingPrice', { price: formatMoney(upcoming.price, locale) })}</span
      >
    </div>`;
  }

  private renderRating(average: number, count: number, locale: Locale) {
    const number = new Intl.NumberFormat(locale);
    return html`<div class="rating" part="rating">
      <span class="stars" aria-hidden="true">
        <svg class="stars-base" viewBox="0 0 100 20">${STARS}</svg>
        <svg class="stars-fill" viewBox="0 0 100 20" style=${styleMap({ clipPath: `inset(0 ${100 - average * 20}% 0 0)` })}>
          ${STARS}
        </svg>
      </span>
      <span class="visually-hidden">${msg(locale, 'rating.label')}</span>
      <span class="score">${msg(locale, 'rating.score', { score: average.toFixed(1) })}</span>
      <span class="dot" aria-hidden="true">·</span>
      <span class="reviews"
        >${msg(locale, count === 1 ? 'rating.countOne' : 'rating.count', { count: number.format(count) })}</span
      >
    </div>`;
  }

  private renderPrice(view: PriceView, locale: Locale) {
    if (!view.price) {
      return html`<div class="prices"><p class="price missing" part="price">${msg(locale, 'noPrice')}</p></div>`;
    }
    const was = view.was;
    return html`<div class="prices">
      <p class="price" part="price">
        ${was ? html`<span class="visually-hidden">${msg(locale, 'price.now')}</span>` : nothing}${renderAmount(view.price, locale)}
      </p>
      ${
        was
          ? html`<p class="was">
                <span class="visually-hidden">${msg(locale, 'price.was')}</span
                ><s part="compare-price">${formatMoney(was, locale)}</s>
              </p>
              <span class="saving" part="saving"
                >${msg(locale, 'price.saving', {
                  amount: shortMoney({ amount: was.amount - view.price.amount, currency: was.currency }, locale),
                })}</span
              >`
          : nothing
      }
    </div>`;
  }

  private renderMeta(product: Product, stock: StockState, locale: Locale) {
    const label =
      stock.kind === 'sold-out'
        ? msg(locale, 'stock.soldOut')
        : stock.kind === 'low'
          ? msg(locale, 'stock.low', { count: stock.left })
          : msg(locale, 'stock.in');
    return html`<div class="meta">
      <span class="stock" part="stock" data-state=${stock.kind}><span class="stock-dot" aria-hidden="true"></span>${label}</span>
      ${product.freeShipping === true ? html`<span class="shipping" part="shipping">${msg(locale, 'freeShipping')}</span>` : nothing}
    </div>`;
  }

  private renderGroup(group: GroupBuyView, locale: Locale) {
    const number = new Intl.NumberFormat(locale);
    const progressText = msg(locale, 'group.progress', {
      joined: number.format(group.joined),
      needed: number.format(group.needed),
    });
    const status = group.reached
      ? msg(locale, 'group.reached')
      : group.open
        ? msg(locale, 'group.remaining', { count: number.format(group.needed - group.joined) })
        : '';
    return html`<div class="group" part="group-buy" data-open=${String(group.open)}>
      <div class="group-head">
        <span class="group-tag">${msg(locale, 'group.title')}</span>
        <span class="group-price"
          ><span class="group-price-label">${msg(locale, 'group.price')}</span> ${renderAmount(group.price, locale)}</span
        >
      </div>
      <div
        class="progress"
        part="progress"
        role="progressbar"
        aria-label=${msg(locale, 'group.progressLabel')}
        aria-valuemin="0"
        aria-valuemax=${group.needed}
        aria-valuenow=${Math.min(group.joined, group.needed)}
        aria-valuetext=${progressText}
      >
        <div
          class="progress-fill"
          part="progress-fill"
          style=${styleMap({ width: `${Math.round(group.progress * 1000) / 10}%` })}
        ></div>
      </div>
      <div class="group-line">
        <span class="joined">${progressText}</span>
        ${status ? html`<span class="group-status" data-reached=${String(group.reached)}>${status}</span>` : nothing}
      </div>
      <div class="group-line muted">
        <span class="deadline"
          >${
            group.open
              ? msg(locale, 'group.deadline', { date: formatDate(group.deadline, locale, 'datetime') })
              : msg(locale, 'group.closed')
          }</span
        >
        ${
          group.presaleStock !== undefined
            ? html`<span class="presale">${msg(locale, 'group.presale', { count: number.format(group.presaleStock) })}</span>`
            : nothing
        }
      </div>
    </div>`;
  }

  private renderActions(product: Product, sku: string, title: string, view: PriceView, soldOut: boolean, locale: Locale) {
    const reason = soldOut ? msg(locale, 'stock.soldOut') : !view.price || !sku ? msg(locale, 'noPrice') : null;
    const feedback = this.feedback;
    return html`<div class="actions">
      <button
        type="button"
        part="button"
        ?disabled=${reason !== null}
        aria-disabled=${this.adding ? 'true' : nothing}
        data-adding=${String(this.adding)}
        @click=${() => void this.addToCart(product, sku)}
      >
        ${
          reason ??
          html`${
              this.adding
                ? html`<span class="button-spinner" aria-hidden="true"></span>${msg(locale, 'cart.adding')}`
                : html`<svg viewBox="0 0 24 24" aria-hidden="true">${CART_ICON}</svg>${msg(locale, 'cart.add')}`
            }<span class="visually-hidden">${msg(locale, 'cart.for', { title })}</span>`
        }
      </button>
      <p class="feedback" part="feedback" role="status">
        ${
          feedback?.kind === 'added'
            ? html`<svg viewBox="0 0 20 20" aria-hidden="true">${CHECK_ICON}</svg>${msg(locale, 'cart.added')}`
            : nothing
        }
      </p>
      ${
        feedback && feedback.kind !== 'added'
          ? html`<p class="feedback error" part="feedback" role="alert">
              ${feedback.kind === 'no-store' ? t(locale, 'store.missing.title') : errorMessage(locale, feedback.code)}
            </p>`
          : nothing
      }
    </div>`;
  }

  private async addToCart(product: Product, sku: string): Promise<void> {
    if (this.adding || !sku || !priceView(product, this.clock()).price || stockState(product).kind === 'sold-out') return;
    clearTimeout(this.feedbackTimer);
    this.feedback = null;
    if (!this.emit('sf-add-to-cart', { sku, quantity: 1 }, { cancelable: true })) return;
    const state = this.store.state;
    const storefront = state?.status === 'ready' ? state.storefront : null;
    if (!storefront) {
      this.feedback = { kind: 'no-store' };
      return;
    }
    this.adding = true;
    try {
      await storefront.cart.add(sku, 1);
      this.feedback = { kind: 'added' };
      this.feedbackTimer = setTimeout(() => (this.feedback = null), FEEDBACK_MS);
    } catch (error) {
      this.feedback = { kind: 'error', code: toStorefrontError(error).code };
    } finally {
      this.adding = false;
    }
  }
}

defineElement('sf-product-card', SfProductCard);

declare global {
  interface HTMLElementTagNameMap {
    'sf-product-card': SfProductCard;
  }
}
