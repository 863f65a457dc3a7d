import { html, nothing, svg } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { CartLine } from '../../src/core/types.js';
import type { Locale } from '../../src/core/locale.js';
import type { Storefront } from '../../src/storefront.js';
import { baseStyles } from '../shared/base-styles.js';
import { configMessage } from '../shared/config-message.js';
import { widgetLocale } from '../shared/locale.js';
import { t } from '../shared/messages.js';
import { defineElement, SfElement } from '../shared/sf-element.js';
import { StoreController } from '../shared/store-controller.js';
import { msg } from './sf-cart-button.messages.js';
import { cartButtonStyles } from './sf-cart-button.styles.js';

/** Counts above this show as "99+". */
export const BADGE_MAX = 99;

const BAG_ICON = svg`<path d="M5.5 8.5h13l-1 11a1.5 1.5 0 0 1-1.5 1.4H8a1.5 1.5 0 0 1-1.5-1.4z" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linejoin="round"/><path d="M9 10.5V7a3 3 0 0 1 6 0v3.5" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round"/>`;

/**
 * The cart icon for a page header: a button with a badge counting the units in the cart (in
 * sync with every tab), "99+" past 99. Its accessible name says the count ("购物车，3 件商品"),
 * and a polite live region announces it when it changes. When the count grows, the badge
 * gives a little bump (not under `prefers-reduced-motion`).
 *
 * A click fires `sf-cart-open`; an `<sf-cart>` drawer on the page (or the page itself) answers
 * it with `preventDefault()` and opens. When nobody does, the button goes to `href` (a cart
 * page) if it has one. Like every widget it works outside any `<sf-store>` (the page's first
 * store), so it can sit in a header far from the shop.
 *
 * @summary Cart icon button with a live count badge; opens the page's cart.
 * @tagname sf-cart-button
 * @event sf-cart-open - On click; `detail: { storeId }`. Cancelable: an `<sf-cart>` (or your page) calls `preventDefault()` when it opens the cart; otherwise the button follows `href`.
 * @csspart button - The button.
 * @csspart icon - The cart icon.
 * @csspart badge - The count badge (hidden while the cart is empty).
 * @csspart label - The text next to the icon (with the `label` attribute).
 * @cssprop --sf-cart-button-size - Height (and width without a label) of the button (default 42px).
 * @cssprop --sf-cart-button-color - Colour of the icon and label (default `--sf-color-text`).
 * @cssprop --sf-cart-button-background - Background of the button (default transparent).
 * @cssprop --sf-cart-button-hover-background - Background under the pointer (default `--sf-color-subtle`).
 * @cssprop --sf-cart-button-border - Border of the button (default none).
 * @cssprop --sf-cart-button-radius - Corner radius of the button (default 999px).
 * @cssprop --sf-cart-button-icon-size - Size of the icon (default 24px).
 * @cssprop --sf-cart-button-badge-background - Badge background (default `--sf-color-primary`, #d0342c).
 * @cssprop --sf-cart-button-badge-color - Badge text colour (default `--sf-color-on-primary`, #fff).
 * @cssprop --sf-cart-button-badge-ring - The ring around the badge, best the header's colour (default `--sf-color-surface`, #fff).
 */
export class SfCartButton extends SfElement {
  static override styles = [baseStyles, cartButtonStyles];

  /**
   * Where to go on click when no `<sf-cart>` on the page opens (a cart page such as `/cart`).
   * Without it, and without a cart on the page, a click does nothing (and says why in the console once).
   */
  @property() href: string | undefined;

  /**
   * Shows text next to the icon: the attribute alone shows "购物车" (Cart), a value shows that
   * text instead. The accessible name begins with it.
   */
  @property() label: string | undefined;

  /** Units in the cart; null until the cart has been read. */
  @state() private count: number | null = null;
  /** What the live region says (only after a change, not on load). */
  @state() private announcement = '';

  @query('[part="badge"]') private badge!: HTMLElement | null;

  private readonly store = new StoreController(this, () => this.bind());
  private bound: Storefront | null = null;
  private unsubscribe: (() => void) | null = null;
  private bumpPending = false;
  private hinted = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.bind();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.bound = null;
  }

  /** Follows the cart of the store the element is bound to (again when the store changes). */
  private bind(): void {
    const state = this.store.state;
    const storefront = this.isConnected && state?.status === 'ready' ? state.storefront : null;
    if (storefront === this.bound) return;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.bound = storefront;
    this.count = null;
    this.announcement = '';
    if (storefront) this.unsubscribe = storefront.cart.subscribe((lines) => this.onLines(storefront, lines));
  }

  private onLines(storefront: Storefront, lines: readonly CartLine[]): void {
    if (storefront !== this.bound) return;
    const count = lines.reduce((sum, line) => sum + (Number.isFinite(line.quantity) ? line.quantity : 0), 0);
    const previous = this.count;
    if (previous === count) return;
    this.count = count;
    if (previous === null) return;
    if (count > previous) this.bumpPending = true;
    this.announcement = this.accessibleName(widgetLocale(this, this.store.state));
  }

  private labelText(locale: Locale): string {
    const custom = this.label?.trim();
    return custom || msg(locale, 'label');
  }

  private accessibleName(locale: Locale): string {
    const label = this.labelText(locale);
    if (this.count === null) return label;
    return msg(locale, this.count === 1 ? 'nameOne' : 'name', { label, count: this.count });
  }

  protected override render() {
    const locale = widgetLocale(this, this.store.state);
    const count = this.count;
    const showLabel = this.label !== undefined && this.label !== null;
    const badge = count === null || count <= 0 ? '' : count > BADGE_MAX ? msg(locale, 'overflow') : String(count);
    const binding = this.store.binding;
    const state = this.store.state;
    const problem =
      binding.kind === 'missing'
        ? `${t(locale, 'store.missing.title')}: ${t(locale, 'store.missing.body')}`
        : state?.status === 'error' && state.error
          ? `${t(locale, 'store.config.title')}: ${configMessage(locale, state.error)}`
          : '';
    const loading = !problem && count === null;
    // The button's name says the count; the badge draws it from CSS (content: attr()), so "99+"
    // is not taken for text missing from the name.
    const badgeTemplate = html`<span
      part="badge"
      class="badge"
      aria-hidden="true"
      ?hidden=${!badge}
      data-count=${badge}
      data-wide=${String(badge.length > 1)}
    ></span>`;
    return html`<button
        type="button"
        part="button"
        lang=${locale}
        aria-label=${this.accessibleName(locale)}
        aria-describedby=${problem ? 'problem' : nothing}
        title=${problem || nothing}
        data-loading=${String(loading)}
        data-problem=${String(Boolean(problem))}
        data-labelled=${String(showLabel)}
        @click=${this.onClick}
      >
        <span class="icon-wrap">
          <svg part="icon" class="icon" viewBox="0 0 24 24" aria-hidden="true">${BAG_ICON}</svg>
          ${showLabel ? nothing : badgeTemplate} ${problem ? html`<span class="problem-dot" aria-hidden="true"></span>` : nothing}
        </span>
        ${showLabel ? html`<span part="label" class="label" aria-hidden="true">${this.labelText(locale)}</span>${badgeTemplate}` : nothing}
      </button>
      ${problem ? html`<span id="problem" class="visually-hidden">${problem}</span>` : nothing}
      <span class="visually-hidden" role="status">${this.announcement}</span>`;
  }

  protected override updated(): void {
    if (!this.bumpPending) return;
    this.bumpPending = false;
    const badge = this.badge;
    if (!badge || typeof badge.animate !== 'function') return;
    if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) return;
    badge.animate(
      [
        { transform: 'scale(1)' },
        { transform: 'scale(1.45)', offset: 0.35 },
        { transform: 'scale(0.92)', offset: 0.7 },
        { transform: 'scale(1)' },
      ],
      { duration: 420, easing: 'ease-out' },
    );
  }

  private readonly onClick = (): void => {
    const storeId = this.store.state?.storefront?.storeId ?? '';
    // An <sf-cart> on the page (or the page itself) calls preventDefault() when it opens.
    const unhandled = this.emit('sf-cart-open', { storeId }, { cancelable: true });
    if (!unhandled) return;
    const href = this.href?.trim();
    if (href) {
      window.location.assign(href);
      return;
    }
    if (!this.hinted) {
      this.hinted = true;
      console.warn(
        '[storefront-elements] <sf-cart-button> was clicked, but there is no <sf-cart> on the page to open ' +
          '(nothing handled sf-cart-open) and no href to go to: add an <sf-cart> or set href="/cart".',
      );
    }
  };
}

defineElement('sf-cart-button', SfCartButton);

declare global {
  interface HTMLElementTagNameMap {
    'sf-cart-button': SfCartButton;
  }
}
