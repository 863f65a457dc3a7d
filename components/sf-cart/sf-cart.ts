import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { MAX_LINE_QUANTITY } from '../../src/cart/cart-store.js';
import type { CartLineView, CartView } from '../../src/cart/cart-view.js';
import { primaryImage, priceView, productText } from '../../src/catalog/product-view.js';
import { toStorefrontError, type StorefrontError } from '../../src/core/errors.js';
import type { Locale } from '../../src/core/locale.js';
import { formatMoney, isMoney, type Money } from '../../src/core/money.js';
import type { CheckoutSession, Product } from '../../src/core/types.js';
import type { Storefront } from '../../src/storefront.js';
import { baseStyles, noticeStyles } from '../shared/base-styles.js';
import { configMessage } from '../shared/config-message.js';
import { widgetLocale } from '../shared/locale.js';
import { errorMessage, t } from '../shared/messages.js';
import { renderNotice } from '../shared/notice.js';
import { defineElement, SfElement } from '../shared/sf-element.js';
import { StoreController } from '../shared/store-controller.js';
import { adjustmentRows, contactValid, parseQuantity, shortMoney } from './cart-format.js';
import {
  BAG_ICON,
  CART_ICON,
  CHECK_ICON,
  CLOSE_ICON,
  GIFT_ICON,
  MINUS_ICON,
  PLUS_ICON,
  SUCCESS_ICON,
  TRASH_ICON,
  TRUCK_ICON,
  paymentMark,
} from './cart-icons.js';
import { deepActiveElement, wrapTab } from './focus.js';
import { msg } from './sf-cart.messages.js';
import { cartStyles } from './sf-cart.styles.js';

/** A message under one line's quantity stepper. */
interface LineMessage {
  tone: 'info' | 'error';
  text: string;
}

/** A saved line for "undo". */
interface SavedLine {
  sku: string;
  quantity: number;
}

interface Toast {
  text: string;
  /** Lines "undo" puts back. */
  undo?: SavedLine[];
  tone?: 'info' | 'error';
}

type CheckoutState =
  | { kind: 'idle' }
  | { kind: 'submitting' }
  | { kind: 'redirecting' }
  | { kind: 'error'; error: StorefrontError }
  | { kind: 'done'; session: CheckoutSession; cleared: boolean };

/** How long the "undo" toast stays. */
const UNDO_MS = 8000;
/** How long an information toast stays. */
const TOAST_MS = 4000;

/** The reason a `validation` rejection names when stock is short, with the most that is left. */
function stockLimit(error: StorefrontError): number | null {
  const { reason, max } = error.detail;
  return reason === 'stock' && typeof max === 'number' && Number.isSafeInteger(max) ? Math.max(0, max) : null;
}

/** Only http(s) and same-page links are followed: a backend must not hand us `javascript:`. */
function safeUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.trim() === '') return null;
  if (url.startsWith('#')) return url;
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * The shopper's cart (购物车): every line with its picture, price and a quantity stepper;
 * remove one or clear all (with undo); the promotions that apply (VIP, 满减, 换购, 包邮, the
 * 7折 floor), the free-shipping progress and the ¥1 add-on offer; "bought together"
 * suggestions; the totals; payment methods and checkout.
 *
 * As a drawer (the default) it is a modal dialog sliding in from the right: it opens with
 * `show()`, the `open` attribute, or when an `<sf-cart-button>` of the same store fires
 * `sf-cart-open`; Escape, the close button and a click on the backdrop close it, and focus
 * goes back to what opened it. With `mode="inline"` it is part of the page (a cart page).
 *
 * @summary Cart drawer or cart page: lines, quantities, promotions, totals and checkout.
 * @tagname sf-cart
 * @event sf-checkout - Before the shopper is handed to payment; cancelable (`preventDefault()` to run checkout yourself). `detail: { paymentMethod, total }`.
 * @event sf-add-to-cart - Before a suggestion or the add-on item goes into the cart; cancelable. `detail: { sku, quantity }`.
 * @slot footer - Content under the checkout button (service promises, a note on delivery).
 * @csspart dialog - The drawer's panel (inside the native `<dialog>`).
 * @csspart backdrop - The shade behind the drawer; a click on it closes the drawer.
 * @csspart header - The title bar with the item count and the close button.
 * @csspart close - The drawer's close button.
 * @csspart body - The cart's content: the scrolling area of the drawer, the whole cart inline.
 * @csspart member - The VIP / free-shipping-card badges of a signed-in member.
 * @csspart lines - The list of lines.
 * @csspart line - One line; `[data-status="unavailable"|"sold-out"]` when it cannot be bought.
 * @csspart line-image - A line's picture.
 * @csspart line-title - A line's title.
 * @csspart line-price - A line's unit price.
 * @csspart line-total - A line's total.
 * @csspart quantity - A line's quantity stepper (− input +).
 * @csspart remove - A line's remove button.
 * @csspart clear - The "clear cart" button.
 * @csspart adjustments - The list of savings (flash sale, VIP, 满减, 换购, 7折 floor).
 * @csspart shipping-progress - "再买 ¥X 包邮" with its progress bar, or "已享包邮".
 * @csspart add-on - The ¥1 换购 offer.
 * @csspart suggestions - The "bought together" list.
 * @csspart summary - Subtotal, savings, shipping and total.
 * @csspart total - The amount to pay.
 * @csspart payment - The payment method choice.
 * @csspart contact - The contact field.
 * @csspart checkout - The checkout button.
 * @csspart footer - The drawer's bottom bar holding the checkout button.
 * @csspart empty - The empty-cart message.
 * @csspart success - The "order placed" panel.
 * @csspart toast - The undo / information toast.
 * @csspart notice - Loading, error, store and cart-wide messages.
 * @csspart notice-action - Their buttons.
 * @cssprop --sf-cart-width - Width of the drawer (default min(440px, 100vw)).
 * @cssprop --sf-cart-backdrop - Colour of the shade behind the drawer (default rgb(17 20 24 / 45%)).
 * @cssprop --sf-cart-accent - Colour of prices, the total, progress and the checkout button (default the primary colour).
 * @cssprop --sf-cart-background - Background of the drawer and the cart page (default the surface colour).
 * @cssprop --sf-cart-radius - Corner radius of boxes and buttons (default var(--sf-radius, 12px)).
 * @cssprop --sf-cart-image-size - Size of a line's picture (default 84px).
 * @cssprop --sf-cart-checkout-background - Checkout button background (default the accent).
 * @cssprop --sf-cart-checkout-color - Checkout button text colour (default the on-primary colour).
 */
export class SfCart extends SfElement {
  static override styles = [baseStyles, noticeStyles, cartStyles];

  /** `drawer` (default): a modal panel from the right; `inline`: part of the page. */
  @property({ reflect: true }) mode: 'drawer' | 'inline' = 'drawer';
  /** Whether the drawer is open (drawer mode only). */
  @property({ type: Boolean, reflect: true }) open = false;
  /** Where "去逛逛" (continue shopping) leads; without it, it closes the drawer. */
  @property({ attribute: 'continue-href' }) continueHref: string | undefined;
  /** Link of each product's title; `{sku}` is replaced by the sku. */
  @property({ attribute: 'product-href' }) productHref: string | undefined;

  @state() private view: CartView | null = null;
  @state() private loadError: StorefrontError | null = null;
  /** Quantities written but not yet back in the view, per sku. */
  @state() private pending = new Map<string, number>();
  @state() private messages = new Map<string, LineMessage>();
  @state() private confirmingClear = false;
  @state() private toast: Toast | null = null;
  @state() private paymentMethod = '';
  @state() private contact = '';
  @state() private contactError = false;
  @state() private checkoutState: CheckoutState = { kind: 'idle' };
  /** Skus being added (suggestions, the add-on). */
  @state() private adding = new Set<string>();

  @query('dialog') private dialog!: HTMLDialogElement | null;

  private readonly store = new StoreController(this, () => this.connectCart());
  private subscribedTo: Storefront | null = null;
  private unsubscribeView: (() => void) | null = null;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private opener: HTMLElement | null = null;
  private savedOverflow: string | null = null;
  private writes = new Map<string, number>();

  private get storefront(): Storefront | null {
    const state = this.store.state;
    return state?.status === 'ready' ? state.storefront : null;
  }

  private readonly payments = new Task(this, {
    task: async ([storefront]) => (storefront ? storefront.paymentMethods() : null),
    args: () => [this.storefront] as const,
    onComplete: (methods) => {
      if (methods && !methods.some((method) => method.id === this.paymentMethod)) this.paymentMethod = methods[0]?.id ?? '';
    },
  });

  /** Opens the drawer (drawer mode). */
  show(): void {
    this.open = true;
  }

  /** Closes the drawer; focus goes back to what opened it. */
  hide(): void {
    this.open = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('sf-cart-open', this.onCartOpen);
    this.connectCart();
    // Moved in the page while open: the dialog left the top layer; show it as a modal again.
    if (this.hasUpdated && this.open) void this.updateComplete.then(() => this.syncDialog());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('sf-cart-open', this.onCartOpen);
    this.unsubscribeView?.();
    this.unsubscribeView = null;
    this.subscribedTo = null;
    clearTimeout(this.toastTimer);
    this.unlockScroll();
    // Without a close event: the element is only leaving the page (maybe to come back), `open` stays.
    this.dialog?.removeAttribute('open');
  }

  /** An `<sf-cart-button>` of this store asks for the cart: the first drawer of that store answers. */
  private readonly onCartOpen = (event: Event) => {
    const detail = (event as CustomEvent<{ storeId?: unknown }>).detail;
    const storefront = this.storefront;
    if (this.mode === 'inline' || event.defaultPrevented || !storefront || detail?.storeId !== storefront.storeId) return;
    event.preventDefault();
    // Focus goes back to what was focused (the button inside an <sf-cart-button>), else the event's source.
    const active = deepActiveElement();
    const source = event.composedPath()[0];
    this.opener =
      active instanceof HTMLElement && active !== document.body ? active : source instanceof HTMLElement ? source : null;
    this.open = true;
  };

  /** Follows the cart view of the current store. */
  private connectCart(): void {
    const storefront = this.storefront;
    if (storefront === this.subscribedTo) return;
    this.unsubscribeView?.();
    this.unsubscribeView = null;
    this.subscribedTo = storefront;
    this.view = null;
    this.loadError = null;
    this.checkoutState = { kind: 'idle' };
    if (!storefront) return;
    const cart = storefront.cart;
    this.unsubscribeView = cart.subscribeView((view) => {
      if (this.subscribedTo !== storefront) return;
      this.view = view;
      this.loadError = null;
      this.settlePending(view);
    });
    this.loadFirstView(storefront);
  }

  /** The first view through `view()` too, so a failure shows an error instead of a skeleton forever. */
  private loadFirstView(storefront: Storefront): void {
    this.loadError = null;
    storefront.cart.view().then(
      (view) => {
        if (this.subscribedTo === storefront && !this.view) this.view = view;
      },
      (error: unknown) => {
        if (this.subscribedTo === storefront && !this.view) this.loadError = toStorefrontError(error);
      },
    );
  }

  /** Drops pending quantities the view now shows. */
  private settlePending(view: CartView): void {
    if (this.pending.size === 0) return;
    const next = new Map(this.pending);
    for (const [sku, quantity] of this.pending) {
      const line = view.lines.find((entry) => entry.line.sku === sku);
      if (!line || line.line.quantity === quantity) next.delete(sku);
    }
    if (next.size !== this.pending.size) this.pending = next;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.connectCart();
    if (changed.has('mode') && this.mode !== 'drawer' && this.mode !== 'inline') this.mode = 'drawer';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') || changed.has('mode')) this.syncDialog();
    this.restoreFocusAfterRemove();
  }

  /** A line removed from the keyboard: once it is gone from the view, focus the next remove button. */
  private pendingFocus: { sku: string; index: number } | null = null;

  private restoreFocusAfterRemove(): void {
    const pending = this.pendingFocus;
    if (!pending || this.view?.lines.some((entry) => entry.line.sku === pending.sku)) return;
    this.pendingFocus = null;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('button.remove')];
    (buttons[Math.min(pending.index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#heading'))?.focus();
  }

  /** Opens or closes the native dialog to match `open`. */
  private syncDialog(): void {
    const dialog = this.dialog;
    const wanted = this.mode === 'drawer' && this.open && this.isConnected;
    if (!dialog) {
      this.unlockScroll();
      return;
    }
    if (wanted && !dialog.open) {
      if (!this.opener) {
        const active = deepActiveElement();
        this.opener = active instanceof HTMLElement && active !== document.body ? active : null;
      }
      dialog.showModal();
      this.lockScroll();
      // Focus the close button (the first thing a keyboard user may want), not the first line's stepper.
      this.renderRoot.querySelector<HTMLElement>('.close')?.focus();
    } else if (!wanted && dialog.open) {
      dialog.close();
    }
  }

  private lockScroll(): void {
    if (this.savedOverflow !== null) return;
    const root = document.documentElement;
    this.savedOverflow = root.style.overflow;
    root.style.overflow = 'hidden';
  }

  private unlockScroll(): void {
    if (this.savedOverflow === null) return;
    document.documentElement.style.overflow = this.savedOverflow;
    this.savedOverflow = null;
  }

  /** The dialog closed (our `hide()`, Escape the browser handled itself, a form method=dialog). */
  private onDialogClose(): void {
    this.unlockScroll();
    this.confirmingClear = false;
    if (this.open) this.open = false;
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
  }

  private onDialogCancel(event: Event): void {
    // Escape: close through `open`, so the property, the attribute and the dialog agree.
    event.preventDefault();
    this.hide();
  }

  /** A click on the shade closes the drawer (Escape does the same from the keyboard). */
  private onDialogClick(event: MouseEvent): void {
    const target = event.target as Element | null;
    if (target === event.currentTarget || target?.classList.contains('backdrop')) this.hide();
  }

  private onDialogKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
    const panel = this.renderRoot.querySelector('.panel');
    if (panel && wrapTab(panel, event.shiftKey)) event.preventDefault();
  }

  /* ---------------------------------------------------------------- rendering */

  override render() {
    const locale = widgetLocale(this, this.store.state);
    const content = this.renderContent(locale);
    if (this.mode === 'inline') {
      return html`<section class="cart inline" part="body" lang=${locale} aria-labelledby="heading">
        ${this.renderHeader(locale, false)} ${content}
      </section>`;
    }
    return html`<dialog
      class="drawer"
      aria-modal="true"
      aria-labelledby="heading"
      lang=${locale}
      @close=${this.onDialogClose}
      @cancel=${this.onDialogCancel}
      @keydown=${this.onDialogKeydown}
      @click=${this.onDialogClick}
    >
      <div class="backdrop" part="backdrop" aria-hidden="true"></div>
      <div class="panel cart" part="dialog">
        ${this.renderHeader(locale, true)}
        <div class="scroll" part="body">${content}</div>
        <div class="toast-dock">${this.renderToast(locale)}</div>
        ${this.renderFooter(locale)}
      </div>
    </dialog>`;
  }

  private renderHeader(locale: Locale, drawer: boolean) {
    const count = this.view?.count ?? 0;
    return html`<div class="header" part="header">
      <h2 id="heading" class="heading" tabindex="-1">
        ${msg(locale, 'title')}${
          count > 0
            ? html`<span class="count" aria-hidden="true">${msg(locale, 'count', { count })}</span
                ><span class="visually-hidden">${msg(locale, 'countLabel', { count })}</span>`
            : nothing
        }
      </h2>
      ${this.renderMember(locale)}
      ${
        drawer
          ? html`<button
              type="button"
              class="close icon-button"
              part="close"
              aria-label=${msg(locale, 'close')}
              @click=${this.hide}
            >
              <svg viewBox="0 0 24 24" aria-hidden="true">${CLOSE_ICON}</svg>
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderMember(locale: Locale) {
    const member = this.view?.member;
    if (!member || (member.tier !== 'vip' && member.shippingCard !== true)) return nothing;
    return html`<p class="member" part="member">
      ${member.tier === 'vip' ? html`<span class="badge vip">${msg(locale, 'member.vip')}</span>` : nothing}
      ${member.shippingCard === true ? html`<span class="badge card">${msg(locale, 'member.card')}</span>` : nothing}
    </p>`;
  }

  private renderContent(locale: Locale): TemplateResult {
    const binding = this.store.binding;
    if (binding.kind === 'missing') {
      return renderNotice({ tone: 'info', title: t(locale, 'store.missing.title'), body: t(locale, 'store.missing.body') });
    }
    const state = this.store.state;
    if (state?.status === 'error' && state.error) {
      return renderNotice({ tone: 'error', title: t(locale, 'store.config.title'), body: configMessage(locale, state.error) });
    }
    if (this.checkoutState.kind === 'done') {
      return html`${this.renderSuccess(locale, this.checkoutState)}${this.inlineToast(locale)}`;
    }
    const view = this.view;
    if (!view) {
      if (this.loadError) {
        const storefront = this.storefront;
        return renderNotice({
          tone: 'error',
          title: msg(locale, 'error.title'),
          body: errorMessage(locale, this.loadError.code),
          action: storefront ? { label: t(locale, 'action.retry'), run: () => this.loadFirstView(storefront) } : undefined,
        });
      }
      return this.renderSkeleton(locale);
    }
    if (view.lines.length === 0) {
      return html`${this.renderCartNotices(locale, view)}${this.renderEmpty(locale)}${this.inlineToast(locale)}`;
    }
    return html`<div class="layout">
        <div class="main">
          ${this.renderCartNotices(locale, view)} ${this.renderLines(locale, view)} ${this.renderShipping(locale, view)}
          ${this.renderAddOn(locale, view)} ${this.renderSuggestions(locale, view)}
        </div>
        <div class="aside">
          ${this.renderSummary(locale, view)} ${this.renderPayment(locale)}
          ${this.mode === 'inline' ? this.renderCheckout(locale, view) : nothing}
        </div>
      </div>
      ${this.inlineToast(locale)}`;
  }

  /** Inline, the toast sticks to the bottom of the cart; in the drawer it sits above the checkout bar. */
  private inlineToast(locale: Locale) {
    return this.mode === 'inline' ? this.renderToast(locale) : nothing;
  }

  private renderSkeleton(locale: Locale) {
    return html`<div class="skeleton" role="status">
      ${[0, 1, 2].map(
        () =>
          html`<div class="skeleton-line" aria-hidden="true">
            <div class="shimmer image"></div>
            <div class="skeleton-text">
              <div class="shimmer text long"></div>
              <div class="shimmer text short"></div>
              <div class="shimmer text price"></div>
            </div>
          </div>`,
      )}
      <span class="visually-hidden">${msg(locale, 'loading')}</span>
    </div>`;
  }

  private renderEmpty(locale: Locale) {
    const label = msg(locale, 'empty.continue');
    const action = this.continueHref
      ? html`<a class="pill-button" href=${this.continueHref}>${label}</a>`
      : this.mode === 'drawer'
        ? html`<button type="button" class="pill-button" @click=${this.hide}>${label}</button>`
        : nothing;
    return html`<div class="empty" part="empty" role="status">
      <span class="empty-mark" aria-hidden="true"><svg viewBox="0 0 24 24">${CART_ICON}</svg></span>
      <p class="empty-title">${msg(locale, 'empty.title')}</p>
      <p class="empty-body">${msg(locale, 'empty.body')}</p>
      ${action}
    </div>`;
  }

  private renderCartNotices(locale: Locale, view: CartView) {
    const dropped = view.dropped;
    return html`${
      typeof dropped === 'number' && dropped > 0
        ? renderNotice({ tone: 'warning', title: msg(locale, 'dropped', { count: dropped }) })
        : nothing
    }${view.stale ? renderNotice({ tone: 'warning', title: msg(locale, 'stale') }) : nothing}`;
  }

  /* ---------------------------------------------------------------- lines */

  private titleFor(product: Product | null, sku: string, locale: Locale): string {
    if (!product) return msg(locale, 'unknownSku', { sku });
    return productText(product, locale).title || msg(locale, 'untitled');
  }

  private renderLines(locale: Locale, view: CartView) {
    const count = view.count;
    return html`<div class="lines-head">
        <span class="lines-count">${msg(locale, 'countLabel', { count })}</span>
        ${
          this.confirmingClear
            ? nothing
            : html`<button type="button" class="link-button" part="clear" @click=${this.askClear}>
                ${msg(locale, 'clear.button')}
              </button>`
        }
      </div>
      ${
        this.confirmingClear
          ? html`<div class="confirm" role="group" aria-labelledby="confirm-text">
              <p id="confirm-text">${msg(locale, 'clear.confirm', { count })}</p>
              <div class="confirm-actions">
                <button type="button" class="pill-button ghost" data-action="cancel-clear" @click=${this.cancelClear}>
                  ${msg(locale, 'clear.no')}
                </button>
                <button type="button" class="pill-button danger" data-action="confirm-clear" @click=${() => void this.clearAll()}>
                  ${msg(locale, 'clear.yes')}
                </button>
              </div>
            </div>`
          : nothing
      }
      <ul class="lines" part="lines">
        ${repeat(
          view.lines,
          (entry) => entry.line.key,
          (entry, index) => this.renderLine(locale, entry, index),
        )}
      </ul>`;
  }

  private renderLine(locale: Locale, entry: CartLineView, index: number) {
    const { line, product, status, priced } = entry;
    const sku = line.sku;
    const title = this.titleFor(product, sku, locale);
    const image = product ? primaryImage(product) : null;
    const available = status === 'ok' && priced !== null;
    const link = this.productHref && product ? this.productHref.replaceAll('{sku}', encodeURIComponent(sku)) : undefined;
    const message = this.messages.get(sku);
    return html`<li class="line" part="line" data-status=${status} data-sku=${sku}>
      <div class="line-media">
        ${
          image
            ? html`<img
                part="line-image"
                src=${image.src}
                alt=""
                width=${image.width ?? 168}
                height=${image.height ?? 168}
                loading="lazy"
                decoding="async"
              />`
            : html`<span class="placeholder" part="line-image"
                ><svg viewBox="0 0 24 24" aria-hidden="true">${BAG_ICON}</svg></span
              >`
        }
        ${!available ? html`<span class="seal">${this.statusLabel(locale, entry)}</span>` : nothing}
      </div>
      <div class="line-main">
        <div class="line-top">
          <h3 class="line-title" part="line-title">
            ${priced?.flashSale ? html`<span class="tag flash">${msg(locale, 'line.flash')}</span>` : nothing}
            ${priced?.addOn ? html`<span class="tag add-on">${msg(locale, 'line.addOn')}</span>` : nothing}
            ${link ? html`<a href=${link}>${title}</a>` : title}
          </h3>
          <button
            type="button"
            class="icon-button remove"
            part="remove"
            data-index=${index}
            aria-label=${msg(locale, 'line.remove', { title })}
            @click=${() => void this.removeLine(entry, title, index)}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true">${TRASH_ICON}</svg>
          </button>
        </div>
        ${available ? this.renderLinePrice(locale, entry) : this.renderUnavailable(locale, entry)}
        ${entry.priceChanged && available ? this.renderPriceChanged(locale, entry) : nothing}
        ${entry.capped && available ? this.renderCapped(locale, entry, title) : nothing}
        ${
          message
            ? html`<p
                class="line-message"
                data-tone=${message.tone}
                id=${`qty-msg-${index}`}
                role=${message.tone === 'error' ? 'alert' : 'status'}
              >
                ${message.text}
              </p>`
            : nothing
        }
      </div>
    </li>`;
  }

  private renderLinePrice(locale: Locale, entry: CartLineView) {
    const priced = entry.priced!;
    const product = entry.product;
    const index = this.view?.lines.indexOf(entry) ?? 0;
    const title = this.titleFor(product, entry.line.sku, locale);
    const compare = priced.flashSale
      ? priced.listPrice
      : product && isMoney(product.compareAtPrice) && product.compareAtPrice.amount > priced.unitPrice.amount
        ? product.compareAtPrice
        : null;
    const listTotal = isMoney(priced.listPrice) ? priced.listPrice.amount * priced.quantity : 0;
    const struckTotal = listTotal > priced.lineTotal.amount ? { amount: listTotal, currency: priced.lineTotal.currency } : null;
    return html`<p class="line-price" part="line-price">
        <span class="visually-hidden">${msg(locale, 'line.unitPrice')}</span>${formatMoney(priced.unitPrice, locale)}
        ${
          compare
            ? html`<s class="was"
                ><span class="visually-hidden">${msg(locale, 'line.listPrice')}</span>${formatMoney(compare, locale)}</s
              >`
            : nothing
        }
      </p>
      ${
        priced.addOn && priced.addOnPrice
          ? html`<p class="line-note">${msg(locale, 'line.addOnNote', { price: formatMoney(priced.addOnPrice, locale) })}</p>`
          : nothing
      }
      <div class="line-bottom">
        ${this.renderStepper(locale, entry, title, index)}
        <p class="line-total" part="line-total">
          <span class="visually-hidden">${msg(locale, 'line.total')}</span>
          ${struckTotal ? html`<s class="was">${formatMoney(struckTotal, locale)}</s>` : nothing}
          <span class="amount">${formatMoney(priced.lineTotal, locale)}</span>
        </p>
      </div>`;
  }

  private renderStepper(locale: Locale, entry: CartLineView, title: string, index: number) {
    const sku = entry.line.sku;
    const quantity = this.pending.get(sku) ?? entry.line.quantity;
    const max = Math.max(1, entry.maxQuantity);
    const message = this.messages.get(sku);
    const stockLimited = entry.maxQuantity < MAX_LINE_QUANTITY;
    return html`<div class="stepper" part="quantity" role="group" aria-label=${msg(locale, 'qty.label', { title })}>
        <button
          type="button"
          class="step"
          data-step="-1"
          aria-label=${msg(locale, 'qty.decrease', { title })}
          aria-disabled=${quantity <= 1 ? 'true' : 'false'}
          @click=${() => this.step(entry, quantity, -1, locale)}
        >
          <svg viewBox="0 0 20 20" aria-hidden="true">${MINUS_ICON}</svg>
        </button>
        <input
          type="text"
          inputmode="numeric"
          autocomplete="off"
          enterkeyhint="done"
          maxlength="6"
          aria-label=${msg(locale, 'qty.label', { title })}
          aria-invalid=${message?.tone === 'error' ? 'true' : 'false'}
          aria-describedby=${message ? `qty-msg-${index}` : nothing}
          .value=${live(String(quantity))}
          @change=${(event: Event) => this.typed(entry, event.target as HTMLInputElement, locale)}
          @keydown=${(event: KeyboardEvent) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              this.typed(entry, event.target as HTMLInputElement, locale);
            }
          }}
        />
        <button
          type="button"
          class="step"
          data-step="1"
          aria-label=${msg(locale, 'qty.increase', { title })}
          aria-disabled=${quantity >= max ? 'true' : 'false'}
          @click=${() => this.step(entry, quantity, 1, locale)}
        >
          <svg viewBox="0 0 20 20" aria-hidden="true">${PLUS_ICON}</svg>
        </button>
      </div>
      ${
        stockLimited && quantity >= max && !message && !entry.capped
          ? html`<span class="stock-left">${msg(locale, 'qty.stockLeft', { max })}</span>`
          : nothing
      }`;
  }

  private renderUnavailable(locale: Locale, entry: CartLineView) {
    const reason = entry.status === 'sold-out' ? undefined : entry.reason;
    const note =
      reason === 'offline'
        ? 'line.reason.offline'
        : reason === 'invalid'
          ? 'line.reason.invalid'
          : reason === 'price' || reason === 'currency'
            ? 'line.reason.price'
            : 'line.unavailableNote';
    return html`<p class="line-status">${this.statusLabel(locale, entry)} · ×${entry.line.quantity}</p>
      <p class="line-note">${msg(locale, note)}</p>`;
  }

  /** 已售罄, 已下架, or 暂不可购 (offline, broken data). */
  private statusLabel(locale: Locale, entry: CartLineView): string {
    if (entry.status === 'sold-out') return msg(locale, 'line.soldOut');
    return msg(locale, !entry.reason || entry.reason === 'removed' ? 'line.unavailable' : 'line.notBuyable');
  }

  private renderPriceChanged(locale: Locale, entry: CartLineView) {
    const change = entry.priceChanged!;
    return html`<div class="line-alert" role="status">
      <span
        >${msg(locale, 'line.priceChanged', { from: formatMoney(change.from, locale), to: formatMoney(change.to, locale) })}</span
      >
      <button type="button" class="link-button" @click=${() => void this.acknowledge(entry.line.sku)}>
        ${msg(locale, 'line.priceChangedOk')}
      </button>
    </div>`;
  }

  private renderCapped(locale: Locale, entry: CartLineView, title: string) {
    const max = entry.maxQuantity;
    return html`<div class="line-alert warning" role="status">
      <span>${msg(locale, 'line.capped', { max })}</span>
      ${
        max >= 1
          ? html`<button
              type="button"
              class="link-button"
              aria-label=${msg(locale, 'line.setToMaxOf', { max, title })}
              @click=${() => void this.changeQuantity(entry, max, locale)}
            >
              ${msg(locale, 'line.setToMax', { max })}
            </button>`
          : nothing
      }
    </div>`;
  }

  /* ---------------------------------------------------------------- promotions */

  private renderShipping(locale: Locale, view: CartView) {
    const priced = view.priced;
    const gap = view.freeShippingGap;
    if (gap && isMoney(gap) && gap.amount > 0) {
      const qualifying = priced.qualifyingSubtotal.amount;
      const threshold = qualifying + gap.amount;
      const ratio = threshold > 0 ? Math.min(1, Math.max(0, qualifying / threshold)) : 0;
      const text = msg(locale, 'ship.gap', { gap: formatMoney(gap, locale) });
      return html`<div class="promo shipping" part="shipping-progress">
        <p class="promo-text"><svg viewBox="0 0 20 20" aria-hidden="true">${TRUCK_ICON}</svg><span>${text}</span></p>
        <div
          class="progress"
          role="progressbar"
          aria-label=${msg(locale, 'ship.label')}
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${Math.round(ratio * 100)}
          aria-valuetext=${text}
        >
          <div class="progress-fill" style=${styleMap({ width: `${Math.round(ratio * 1000) / 10}%` })}></div>
        </div>
      </div>`;
    }
    const waiver = priced.adjustments.find((adjustment) => adjustment.applies === 'shipping');
    if (!waiver || priced.shipping.amount !== 0) return nothing;
    const key =
      waiver.kind === 'shipping-card' ? 'ship.freeCard' : waiver.kind === 'shipping-free-items' ? 'ship.freeItems' : 'ship.free';
    return html`<div class="promo shipping done" part="shipping-progress">
      <p class="promo-text"><svg viewBox="0 0 20 20" aria-hidden="true">${CHECK_ICON}</svg><span>${msg(locale, key)}</span></p>
    </div>`;
  }

  private renderAddOn(locale: Locale, view: CartView) {
    const offer = view.addOnOffer;
    if (!offer || !isMoney(offer.price)) return nothing;
    const product = view.addOnProduct && view.addOnProduct.sku === offer.sku ? view.addOnProduct : null;
    if (!product) return nothing;
    const title = this.titleFor(product, offer.sku, locale);
    const price = shortMoney(offer.price, locale);
    const image = primaryImage(product);
    const applied = offer.unlocked && offer.inCart;
    let body: TemplateResult;
    if (applied) {
      body = html`<p class="promo-text">
        <svg viewBox="0 0 20 20" aria-hidden="true">${CHECK_ICON}</svg
        ><span>${msg(locale, 'addOn.applied', { price, title })}</span>
      </p>`;
    } else if (offer.unlocked) {
      const busy = this.adding.has(offer.sku);
      body = html`<button
        type="button"
        class="add-on-button"
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => void this.addProduct(offer.sku, title, locale)}
      >
        ${busy ? msg(locale, 'addOn.adding') : msg(locale, 'addOn.add', { price, title })}
      </button>`;
    } else {
      body = html`<p class="promo-text">
        <span>${msg(locale, 'addOn.locked', { gap: formatMoney(offer.missing, locale), price, title })}</span>
      </p>`;
    }
    return html`<div
      class="promo add-on"
      part="add-on"
      data-state=${applied ? 'applied' : offer.unlocked ? 'unlocked' : 'locked'}
    >
      <span class="add-on-mark" aria-hidden="true">
        ${image ? html`<img src=${image.src} alt="" loading="lazy" decoding="async" />` : html`<svg viewBox="0 0 20 20">${GIFT_ICON}</svg>`}
      </span>
      <div class="add-on-body">
        <p class="promo-label">${msg(locale, 'addOn.heading', { price })}</p>
        ${body}
      </div>
    </div>`;
  }

  private renderSuggestions(locale: Locale, view: CartView) {
    const now = view.at;
    const items = view.suggestions.filter((product) => product && typeof product.sku === 'string').slice(0, 6);
    if (items.length === 0) return nothing;
    return html`<section class="suggestions" part="suggestions" aria-labelledby="suggest-heading">
      <h3 id="suggest-heading" class="section-title">${msg(locale, 'suggest.heading')}</h3>
      <ul class="suggest-list">
        ${repeat(
          items,
          (product) => product.sku,
          (product) => {
            const title = this.titleFor(product, product.sku, locale);
            const image = primaryImage(product);
            const price = priceView(product, now).price;
            const busy = this.adding.has(product.sku);
            return html`<li class="suggest">
              <span class="suggest-media">
                ${
                  image
                    ? html`<img src=${image.src} alt="" width="96" height="96" loading="lazy" decoding="async" />`
                    : html`<svg viewBox="0 0 24 24" aria-hidden="true">${BAG_ICON}</svg>`
                }
              </span>
              <span class="suggest-title">${title}</span>
              <span class="suggest-row">
                <span class="suggest-price">${price ? formatMoney(price, locale) : '—'}</span>
                <button
                  type="button"
                  class="suggest-add"
                  aria-label=${msg(locale, 'suggest.add', { title })}
                  aria-disabled=${busy || !price ? 'true' : 'false'}
                  @click=${() => (price ? void this.addProduct(product.sku, title, locale, true) : undefined)}
                >
                  <svg viewBox="0 0 20 20" aria-hidden="true">${PLUS_ICON}</svg>
                </button>
              </span>
            </li>`;
          },
        )}
      </ul>
    </section>`;
  }

  /* ---------------------------------------------------------------- summary and checkout */

  private renderSummary(locale: Locale, view: CartView) {
    const priced = view.priced;
    const titles = new Map(view.lines.map((entry) => [entry.line.sku, this.titleFor(entry.product, entry.line.sku, locale)]));
    const addOnTitle = view.addOnProduct ? this.titleFor(view.addOnProduct, view.addOnProduct.sku, locale) : '';
    const titleOf = (sku: string | undefined) =>
      sku ? (titles.get(sku) ?? (sku === view.addOnOffer?.sku ? addOnTitle : sku)) : '';
    const merchandise = priced.adjustments.filter((adjustment) => adjustment.applies !== 'shipping');
    const rows = adjustmentRows(merchandise, locale, titleOf);
    const waiver = priced.adjustments.find((adjustment) => adjustment.applies === 'shipping');
    const waiverLabel = waiver ? adjustmentRows([waiver], locale, titleOf)[0]?.label : undefined;
    const waived = waiver ? { amount: Math.abs(waiver.amount.amount), currency: waiver.amount.currency } : null;
    return html`<section class="summary" part="summary" aria-labelledby="summary-heading">
      <h3 id="summary-heading" class="section-title">${msg(locale, 'sum.heading')}</h3>
      <dl class="sum-rows">
        <div class="sum-row">
          <dt>${msg(locale, 'sum.subtotal')}</dt>
          <dd>${formatMoney(priced.subtotal, locale)}</dd>
        </div>
        ${
          rows.length > 0
            ? html`<div class="sum-row adjustments-row">
                <dt class="visually-hidden">${msg(locale, 'adj.heading')}</dt>
                <dd>
                  <ul class="adjustments" part="adjustments" aria-label=${msg(locale, 'adj.heading')}>
                    ${rows.map(
                      (row) =>
                        html`<li class="adjustment" data-kind=${row.kind}>
                          <span class="adj-label">${row.label}</span>
                          <span class="adj-amount">${this.signed(row.amount, locale)}</span>
                        </li>`,
                    )}
                  </ul>
                </dd>
              </div>`
            : nothing
        }
        ${
          priced.discount.amount > 0
            ? html`<div class="sum-row discount">
                <dt>${msg(locale, 'sum.discount')}</dt>
                <dd>-${formatMoney(priced.discount, locale)}</dd>
              </div>`
            : nothing
        }
        <div class="sum-row">
          <dt>${msg(locale, 'sum.shipping')}${waiverLabel ? html`<span class="sum-note">${waiverLabel}</span>` : nothing}</dt>
          <dd>
            ${
              priced.shipping.amount === 0
                ? html`${waived && waived.amount > 0 ? html`<s class="was">${formatMoney(waived, locale)}</s>` : nothing}
                  ${msg(locale, 'sum.shippingFree')}`
                : formatMoney(priced.shipping, locale)
            }
          </dd>
        </div>
        <div class="sum-row total-row">
          <dt>${msg(locale, 'sum.total')}</dt>
          <dd class="total" part="total">${formatMoney(priced.total, locale)}</dd>
        </div>
      </dl>
      ${
        priced.discount.amount > 0
          ? html`<p class="saved">${msg(locale, 'sum.saved', { amount: formatMoney(priced.discount, locale) })}</p>`
          : nothing
      }
    </section>`;
  }

  private signed(money: Money, locale: Locale): string {
    const text = formatMoney({ amount: Math.abs(money.amount), currency: money.currency }, locale);
    return money.amount < 0 ? `-${text}` : `+${text}`;
  }

  private renderPayment(locale: Locale) {
    const methods = this.payments.value;
    const status = this.payments.status;
    let choices: TemplateResult | typeof nothing = nothing;
    if (status === TaskStatus.ERROR && !methods && toStorefrontError(this.payments.error).code === 'unsupported') {
      choices = html`<p class="muted">${msg(locale, 'pay.none')}</p>`;
    } else if (status === TaskStatus.ERROR && !methods) {
      choices = renderNotice({
        tone: 'error',
        title: errorMessage(locale, toStorefrontError(this.payments.error).code),
        action: { label: t(locale, 'action.retry'), run: () => void this.payments.run() },
      });
    } else if (!methods) {
      choices = html`<p class="muted" role="status">${msg(locale, 'pay.loading')}</p>`;
    } else if (methods.length === 0) {
      choices = html`<p class="muted">${msg(locale, 'pay.none')}</p>`;
    } else {
      choices = html`<div class="methods">
        ${methods.map((method) => {
          const title = (locale === 'en' && method.translations?.en?.title) || method.title || method.id;
          return html`<label class="method" data-method=${method.id}>
            <input
              type="radio"
              name="payment"
              .value=${method.id}
              .checked=${live(method.id === this.paymentMethod)}
              @change=${() => (this.paymentMethod = method.id)}
            />
            <svg class="method-mark" viewBox="0 0 28 28" aria-hidden="true">${paymentMark(method.id)}</svg>
            <span class="method-title">${title}</span>
            <svg class="method-check" viewBox="0 0 20 20" aria-hidden="true">${CHECK_ICON}</svg>
          </label>`;
        })}
      </div>`;
    }
    return html`<fieldset class="payment" part="payment">
        <legend class="section-title">${msg(locale, 'pay.legend')}</legend>
        ${choices}
      </fieldset>
      <div class="contact" part="contact">
        <label for="contact">${msg(locale, 'contact.label')}<span class="muted">${msg(locale, 'contact.optional')}</span></label>
        <input
          id="contact"
          type="text"
          autocomplete="on"
          maxlength="254"
          .value=${live(this.contact)}
          aria-invalid=${this.contactError ? 'true' : 'false'}
          aria-describedby=${this.contactError ? 'contact-error' : nothing}
          @input=${(event: Event) => {
            this.contact = (event.target as HTMLInputElement).value;
            if (this.contactError && contactValid(this.contact)) this.contactError = false;
          }}
          @change=${() => (this.contactError = !contactValid(this.contact))}
        />
        ${this.contactError ? html`<p id="contact-error" class="field-error" role="alert">${msg(locale, 'contact.invalid')}</p>` : nothing}
      </div>`;
  }

  /** Why checkout cannot start now, or null. */
  private blockedReason(locale: Locale, view: CartView): string | null {
    if (view.lines.some((entry) => entry.status !== 'ok')) return msg(locale, 'unavailable.block');
    if (view.lines.some((entry) => entry.capped)) return msg(locale, 'capped.block');
    const methods = this.payments.value;
    if (!methods && this.payments.status === TaskStatus.ERROR) {
      const code = toStorefrontError(this.payments.error).code;
      return msg(locale, code === 'unsupported' ? 'checkout.error.unsupported' : 'pay.failed');
    }
    if (methods && methods.length === 0) return msg(locale, 'pay.none');
    if (methods && !this.paymentMethod) return msg(locale, 'checkout.noPayment');
    return null;
  }

  private renderCheckout(locale: Locale, view: CartView) {
    const state = this.checkoutState;
    const reason = this.blockedReason(locale, view);
    const busy = state.kind === 'submitting' || state.kind === 'redirecting';
    const noMethods = !this.payments.value;
    const total = formatMoney(view.priced.total, locale);
    return html`<div class="checkout-box">
      ${state.kind === 'error' ? this.renderCheckoutError(locale, state.error) : nothing}
      <button
        type="button"
        class="checkout"
        part="checkout"
        ?disabled=${reason !== null || noMethods}
        aria-disabled=${busy ? 'true' : nothing}
        aria-describedby=${reason ? 'checkout-reason' : nothing}
        @click=${() => void this.submitCheckout(locale)}
      >
        ${
          busy
            ? html`<span class="button-spinner" aria-hidden="true"></span>${msg(
                  locale,
                  state.kind === 'redirecting' ? 'checkout.redirecting' : 'checkout.submitting',
                )}`
            : msg(locale, 'checkout.button', { total })
        }
      </button>
      ${reason ? html`<p id="checkout-reason" class="checkout-reason">${reason}</p>` : nothing}
      <slot name="footer"></slot>
    </div>`;
  }

  private renderCheckoutError(locale: Locale, error: StorefrontError) {
    let title: string;
    if (error.code === 'conflict') title = msg(locale, 'checkout.error.conflict');
    else if (error.code === 'unsupported') title = msg(locale, 'checkout.error.unsupported');
    else if (error.code === 'validation') {
      const { field, reason } = error.detail;
      title =
        field === 'paymentMethod'
          ? msg(locale, 'checkout.noPayment')
          : field === 'lines' && reason === 'stock'
            ? msg(locale, 'capped.block')
            : field === 'lines' && (reason === 'sold-out' || reason === 'unavailable')
              ? msg(locale, 'unavailable.block')
              : errorMessage(locale, 'validation');
    } else title = errorMessage(locale, error.code);
    return renderNotice({ tone: 'error', title, body: msg(locale, 'checkout.keep') });
  }

  private renderFooter(locale: Locale) {
    const view = this.view;
    if (!view || view.lines.length === 0 || this.checkoutState.kind === 'done' || this.loadError) return nothing;
    if (this.store.state?.status !== 'ready') return nothing;
    const discount = view.priced.discount;
    return html`<div class="footer" part="footer">
      <div class="footer-total">
        <span>${msg(locale, 'sum.total')}</span>
        <strong class="footer-amount">${formatMoney(view.priced.total, locale)}</strong>
        ${discount.amount > 0 ? html`<span class="saved">${msg(locale, 'sum.saved', { amount: formatMoney(discount, locale) })}</span>` : nothing}
      </div>
      ${this.renderCheckout(locale, view)}
    </div>`;
  }

  private renderSuccess(locale: Locale, state: Extract<CheckoutState, { kind: 'done' }>) {
    const { orderNumber } = state.session;
    const continueLabel = msg(locale, 'success.continue');
    return html`<div class="success" part="success" role="status">
      <svg class="success-mark" viewBox="0 0 48 48" aria-hidden="true">${SUCCESS_ICON}</svg>
      <p class="success-title" tabindex="-1">${msg(locale, 'success.title')}</p>
      <p class="order-number"><span>${msg(locale, 'success.number')}</span> <strong>${orderNumber}</strong></p>
      <p class="success-body">${msg(locale, 'success.body')}</p>
      <div class="success-actions">
        ${
          state.cleared
            ? html`<p class="muted">${msg(locale, 'success.cleared')}</p>`
            : html`<button type="button" class="pill-button danger" @click=${() => void this.clearAfterOrder()}>
                ${msg(locale, 'success.clear')}
              </button>`
        }
        ${
          this.continueHref
            ? html`<a class="pill-button ghost" href=${this.continueHref}>${continueLabel}</a>`
            : this.mode === 'drawer'
              ? html`<button type="button" class="pill-button ghost" @click=${this.hide}>${continueLabel}</button>`
              : nothing
        }
        <button type="button" class="link-button" @click=${() => (this.checkoutState = { kind: 'idle' })}>
          ${msg(locale, 'success.back')}
        </button>
      </div>
    </div>`;
  }

  private renderToast(locale: Locale) {
    const toast = this.toast;
    return html`<div class="toast-region" role="status">
      ${
        toast
          ? html`<div class="toast" part="toast" data-tone=${toast.tone ?? 'info'}>
              <span class="toast-text">${toast.text}</span>
              ${
                toast.undo
                  ? html`<button type="button" class="toast-undo" @click=${() => void this.undo()}>
                      ${msg(locale, 'toast.undo')}
                    </button>`
                  : nothing
              }
              <button
                type="button"
                class="toast-close icon-button"
                aria-label=${msg(locale, 'toast.dismiss')}
                @click=${this.dismissToast}
              >
                <svg viewBox="0 0 24 24" aria-hidden="true">${CLOSE_ICON}</svg>
              </button>
            </div>`
          : nothing
      }
    </div>`;
  }

  /* ---------------------------------------------------------------- actions */

  private setMessage(sku: string, message: LineMessage | null): void {
    const next = new Map(this.messages);
    if (message) next.set(sku, message);
    else next.delete(sku);
    this.messages = next;
  }

  private showToast(toast: Toast): void {
    clearTimeout(this.toastTimer);
    this.toast = toast;
    this.toastTimer = setTimeout(
      () => {
        // The undo button had focus (after "clear all"): hand it to the heading before it goes.
        if (this.renderRoot.querySelector('.toast')?.contains(this.shadowRoot?.activeElement ?? null)) {
          this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
        }
        this.toast = null;
      },
      toast.undo ? UNDO_MS : TOAST_MS,
    );
  }

  private readonly dismissToast = () => {
    clearTimeout(this.toastTimer);
    this.toast = null;
  };

  private step(entry: CartLineView, current: number, delta: number, locale: Locale): void {
    const max = Math.max(1, entry.maxQuantity);
    const next = current + delta;
    if (next < 1) return;
    if (next > max) {
      const stockLimited = entry.maxQuantity < MAX_LINE_QUANTITY;
      this.setMessage(entry.line.sku, { tone: 'info', text: msg(locale, stockLimited ? 'qty.stockLeft' : 'qty.atMax', { max }) });
      return;
    }
    void this.changeQuantity(entry, next, locale);
  }

  /** The quantity box lost focus or got Enter: store a good number, explain a bad one. */
  private typed(entry: CartLineView, input: HTMLInputElement, locale: Locale): void {
    const sku = entry.line.sku;
    const current = this.pending.get(sku) ?? entry.line.quantity;
    const max = Math.max(1, entry.maxQuantity);
    const parsed = parseQuantity(input.value, max);
    const stockLimited = entry.maxQuantity < MAX_LINE_QUANTITY;
    switch (parsed.kind) {
      case 'invalid':
        input.value = String(current);
        this.setMessage(sku, { tone: 'error', text: msg(locale, 'qty.invalid', { max }) });
        return;
      case 'zero':
        input.value = String(current);
        this.setMessage(sku, { tone: 'error', text: msg(locale, 'qty.zero') });
        return;
      case 'clamped':
        input.value = String(parsed.quantity);
        void this.changeQuantity(entry, parsed.quantity, locale, {
          tone: 'info',
          text: msg(locale, stockLimited ? 'qty.clampedStock' : 'qty.clampedMax', { max }),
        });
        return;
      case 'ok':
        input.value = String(parsed.quantity);
        if (parsed.quantity === current) this.setMessage(sku, null);
        else void this.changeQuantity(entry, parsed.quantity, locale);
    }
  }

  private async changeQuantity(entry: CartLineView, quantity: number, locale: Locale, note?: LineMessage): Promise<void> {
    const storefront = this.storefront;
    if (!storefront) return;
    const sku = entry.line.sku;
    const ticket = (this.writes.get(sku) ?? 0) + 1;
    this.writes.set(sku, ticket);
    this.pending = new Map(this.pending).set(sku, quantity);
    this.setMessage(sku, note ?? null);
    try {
      await storefront.cart.setQuantity(sku, quantity);
    } catch (error) {
      const failure = toStorefrontError(error);
      const max = stockLimit(failure);
      if (max !== null && max >= 1 && max < quantity) {
        // Stock went down meanwhile: take what is left and say so.
        this.setMessage(sku, { tone: 'info', text: msg(locale, 'qty.clampedStock', { max }) });
        try {
          await storefront.cart.setQuantity(sku, max);
        } catch {
          /* the view shows what is stored */
        }
      } else {
        this.setMessage(sku, { tone: 'error', text: errorMessage(locale, failure.code) });
      }
    } finally {
      if (this.writes.get(sku) === ticket) {
        const next = new Map(this.pending);
        next.delete(sku);
        this.pending = next;
      }
    }
  }

  private async removeLine(entry: CartLineView, title: string, index: number): Promise<void> {
    const storefront = this.storefront;
    if (!storefront) return;
    const locale = widgetLocale(this, this.store.state);
    const saved: SavedLine = { sku: entry.line.sku, quantity: entry.line.quantity };
    try {
      await storefront.cart.remove(saved.sku);
    } catch (error) {
      this.setMessage(saved.sku, { tone: 'error', text: errorMessage(locale, toStorefrontError(error).code) });
      return;
    }
    this.setMessage(saved.sku, null);
    this.showToast({ text: msg(locale, 'toast.removed', { title }), undo: [saved] });
    // The button goes with the line when the new view arrives: then focus the next line's
    // remove button, else the heading (updated() does it), so focus never drops to <body>.
    this.pendingFocus = { sku: saved.sku, index };
    this.restoreFocusAfterRemove();
  }

  private askClear(): void {
    this.confirmingClear = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-action="cancel-clear"]')?.focus());
  }

  private cancelClear(): void {
    this.confirmingClear = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="clear"]')?.focus());
  }

  private async clearAll(): Promise<void> {
    const storefront = this.storefront;
    const view = this.view;
    if (!storefront || !view) return;
    const locale = widgetLocale(this, this.store.state);
    const saved = view.lines.map((entry) => ({ sku: entry.line.sku, quantity: entry.line.quantity }));
    try {
      await storefront.cart.clear();
    } catch (error) {
      this.confirmingClear = false;
      this.showToast({ text: errorMessage(locale, toStorefrontError(error).code), tone: 'error' });
      return;
    }
    this.confirmingClear = false;
    this.messages = new Map();
    this.showToast({ text: msg(locale, 'toast.cleared'), undo: saved });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.toast-undo')?.focus();
  }

  /** Puts back what the last remove / clear took out. */
  private async undo(): Promise<void> {
    const storefront = this.storefront;
    const saved = this.toast?.undo;
    if (!storefront || !saved) return;
    const locale = widgetLocale(this, this.store.state);
    clearTimeout(this.toastTimer);
    this.toast = null;
    let done = 0;
    let reason = '';
    for (const { sku, quantity } of saved) {
      try {
        await storefront.cart.add(sku, quantity);
        done += 1;
      } catch (error) {
        const failure = toStorefrontError(error);
        const max = stockLimit(failure);
        try {
          if (max !== null && max >= 1) {
            await storefront.cart.add(sku, max);
            done += 1;
            continue;
          }
        } catch {
          /* reported below */
        }
        reason ||= errorMessage(locale, failure.code);
      }
    }
    this.showToast(
      done === saved.length
        ? { text: msg(locale, 'toast.restored') }
        : { text: msg(locale, 'toast.restoredPartly', { done, total: saved.length, reason }), tone: 'error' },
    );
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }

  private async acknowledge(sku: string): Promise<void> {
    const storefront = this.storefront;
    if (!storefront) return;
    try {
      await storefront.cart.acknowledgePriceChange(sku);
    } catch (error) {
      const locale = widgetLocale(this, this.store.state);
      this.setMessage(sku, { tone: 'error', text: errorMessage(locale, toStorefrontError(error).code) });
    }
  }

  /** A suggestion or the add-on item into the cart (after a cancelable `sf-add-to-cart`). */
  private async addProduct(sku: string, title: string, locale: Locale, announce = false): Promise<void> {
    const storefront = this.storefront;
    if (!storefront || this.adding.has(sku)) return;
    if (!this.emit('sf-add-to-cart', { sku, quantity: 1 }, { cancelable: true })) return;
    this.adding = new Set(this.adding).add(sku);
    try {
      await storefront.cart.add(sku, 1);
      if (announce) this.showToast({ text: msg(locale, 'suggest.added', { title }) });
    } catch (error) {
      const failure = toStorefrontError(error);
      const max = stockLimit(failure);
      this.showToast({
        text: max !== null ? msg(locale, 'qty.stockLeft', { max }) : errorMessage(locale, failure.code),
        tone: 'error',
      });
    } finally {
      const next = new Set(this.adding);
      next.delete(sku);
      this.adding = next;
    }
  }

  private async submitCheckout(locale: Locale): Promise<void> {
    const storefront = this.storefront;
    const view = this.view;
    const state = this.checkoutState;
    if (!storefront || !view || state.kind === 'submitting' || state.kind === 'redirecting') return;
    if (this.blockedReason(locale, view) !== null || !this.paymentMethod) return;
    if (!contactValid(this.contact)) {
      this.contactError = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#contact')?.focus();
      return;
    }
    const paymentMethod = this.paymentMethod;
    if (!this.emit('sf-checkout', { paymentMethod, total: view.priced.total }, { cancelable: true })) return;
    this.checkoutState = { kind: 'submitting' };
    const contact = this.contact.trim();
    try {
      const session = await storefront.checkout({
        paymentMethod,
        expectedTotal: view.priced.total,
        ...(contact ? { contact } : {}),
      });
      const url = safeUrl(session?.url);
      if (!url || typeof session.orderNumber !== 'string') {
        throw toStorefrontError(new Error('The checkout answer has no usable payment address.'), 'invalid-response');
      }
      if (url.startsWith('#')) {
        // The local adapter: no payment page; the hash tells the host page, the panel tells the shopper.
        location.assign(url);
        this.checkoutState = { kind: 'done', session, cleared: false };
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('.success-title')?.focus();
      } else {
        this.checkoutState = { kind: 'redirecting' };
        location.assign(url);
      }
    } catch (error) {
      const failure = toStorefrontError(error);
      if (failure.code === 'validation' && failure.detail.field === 'contact') {
        this.checkoutState = { kind: 'idle' };
        this.contactError = true;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#contact')?.focus();
        return;
      }
      this.checkoutState = { kind: 'error', error: failure };
    }
  }

  private async clearAfterOrder(): Promise<void> {
    const storefront = this.storefront;
    const state = this.checkoutState;
    if (!storefront || state.kind !== 'done') return;
    try {
      await storefront.cart.clear();
      this.checkoutState = { ...state, cleared: true };
    } catch (error) {
      const locale = widgetLocale(this, this.store.state);
      this.showToast({ text: errorMessage(locale, toStorefrontError(error).code), tone: 'error' });
    }
  }
}

defineElement('sf-cart', SfCart);

declare global {
  interface HTMLElementTagNameMap {
    'sf-cart': SfCart;
  }
}
