import { Task, TaskStatus } from '@lit/task';
import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { productText, stockState } from '../../src/catalog/product-view.js';
import { MAX_LINE_QUANTITY } from '../../src/cart/cart-store.js';
import { toStorefrontError, type StorefrontErrorCode } from '../../src/core/errors.js';
import type { Locale } from '../../src/core/locale.js';
import type { Product } from '../../src/core/types.js';
import { baseStyles } from '../shared/base-styles.js';
import { configMessage } from '../shared/config-message.js';
import { widgetLocale } from '../shared/locale.js';
import { errorMessage, t } from '../shared/messages.js';
import { defineElement, SfElement } from '../shared/sf-element.js';
import { StoreController } from '../shared/store-controller.js';
import { msg } from './sf-add-to-cart.messages.js';
import { addToCartStyles } from './sf-add-to-cart.styles.js';

/** What the loader found for a sku (null: the store has no such product). */
interface Loaded {
  sku: string;
  product: Product | null;
}

/** What the status line under the button says after a click. */
type Feedback =
  | { kind: 'added'; count: number }
  | { kind: 'capped'; count: number }
  /** Nothing added: the line holds all the stock ('stock') or the most a line may hold ('limit', 999). */
  | { kind: 'stock' | 'limit'; max: number | null }
  /** The shop's data for the product cannot be sold (wrong currency, no price). */
  | { kind: 'unbuyable' }
  | { kind: 'error'; code: StorefrontErrorCode }
  | null;

/** How long the check mark and "已加入购物车" stay on the button. */
export const ADDED_MS = 2000;

const CART_ICON = svg`<path d="M3 4h2.2l2.1 10.2a1.5 1.5 0 0 0 1.5 1.2h7.6a1.5 1.5 0 0 0 1.5-1.1L19.6 8H6.3" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/><circle cx="9" cy="19.5" r="1.4" fill="currentColor"/><circle cx="16.5" cy="19.5" r="1.4" fill="currentColor"/>`;
const CHECK_ICON = svg`<path d="m5.5 12.5 4 4L18.5 7.5" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>`;
const WARN_ICON = svg`<path d="M10 2.5 18 17H2z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/><path d="M10 8v4M10 14.4v.1" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`;
const ERROR_ICON = svg`<circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="m7 7 6 6m0-6-6 6" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`;

/**
 * The quantity to add for a `quantity` attribute or property: a whole number from 1 to 999.
 * Anything else is mended (2.5 -> 2, -1 -> 1, 1e9 -> 999, 'abc' -> 1) and `warning` says so.
 */
export function normalizeQuantity(value: unknown): { quantity: number; warning: string | null } {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(number)) return { quantity: 1, warning: 'it is not a number' };
  const whole = Math.floor(number);
  if (whole < 1) return { quantity: 1, warning: 'it is less than 1' };
  if (whole > MAX_LINE_QUANTITY) return { quantity: MAX_LINE_QUANTITY, warning: `it is more than ${MAX_LINE_QUANTITY}` };
  if (whole !== number) return { quantity: whole, warning: 'it is not a whole number' };
  return { quantity: whole, warning: null };
}

/**
 * An add-to-cart button for one product, to place next to a product on any page:
 * `<sf-add-to-cart sku="CC-TEE-001"></sf-add-to-cart>`. It fires the cancelable
 * `sf-add-to-cart` event first (the page may veto it), then adds `quantity` units to the
 * store's cart. It loads the product to know its stock: a sold-out product or an unknown sku
 * gives a disabled button that says why. When the cart holds all there is, the SDK caps the
 * line and the element says how many it could add ("库存不足，已为你加入 N 件").
 *
 * With `show-quantity`, a − n + stepper comes before the button (at most the stock, 999).
 * While adding, the button is busy and ignores clicks (one click, one add); afterwards it
 * shows a check mark for two seconds and a polite live region announces "已加入购物车".
 * Errors are announced with a retry.
 *
 * @summary An add-to-cart button (with an optional quantity stepper) for one SKU.
 * @tagname sf-add-to-cart
 * @slot - Custom content of the button (text, an icon); default: a cart icon and "加入购物车". Replaced by the reason when the button is disabled (已售罄, 商品不存在).
 * @event sf-add-to-cart - Before the product goes into the cart; `detail: { sku, quantity }`. Cancelable: call `preventDefault()` to keep the cart unchanged (and handle it yourself).
 * @csspart button - The add-to-cart button.
 * @csspart quantity - The − n + stepper (with `show-quantity`).
 * @csspart quantity-input - The number field of the stepper.
 * @csspart quantity-button - The − and + buttons of the stepper.
 * @csspart status - The line under the button: added, not enough stock, errors, a missing store.
 * @csspart status-action - The retry button in the status line.
 * @cssprop --sf-add-to-cart-background - Button background (default `--sf-color-primary`, #d0342c).
 * @cssprop --sf-add-to-cart-color - Button text colour (default `--sf-color-on-primary`, #fff).
 * @cssprop --sf-add-to-cart-radius - Corner radius of the button and the stepper (default 999px).
 * @cssprop --sf-add-to-cart-height - Height of the button and the stepper (default 42px).
 * @cssprop --sf-add-to-cart-padding - Horizontal padding of the button (default 22px).
 * @cssprop --sf-add-to-cart-font-size - Font size of the button (default 15px).
 * @cssprop --sf-add-to-cart-font-weight - Font weight of the button (default 600).
 * @cssprop --sf-add-to-cart-success-color - Background while the check mark shows (default `--sf-color-success`, #1a7f37).
 * @cssprop --sf-add-to-cart-width - Width of the element; the button fills what the stepper leaves (default auto; `100%` to fill a column).
 */
export class SfAddToCart extends SfElement {
  static override styles = [baseStyles, addToCartStyles];

  /** The product to add. */
  @property() sku: string | undefined;

  /**
   * How many units to add, 1-999 (default 1). Other values are mended with a console warning:
   * 'abc' -> 1, -1 -> 1, 2.5 -> 2, 1e9 -> 999.
   */
  @property({
    converter: { fromAttribute: (value: string | null) => (value === null ? 1 : value.trim() === '' ? NaN : Number(value)) },
  })
  quantity = 1;

  /** Shows a − n + stepper before the button, starting at `quantity`. */
  @property({ type: Boolean, attribute: 'show-quantity', reflect: true }) showQuantity = false;

  /** The quantity the next click adds (the stepper's value). */
  @state() private chosen = 1;
  @state() private adding = false;
  /** The check mark shows on the button. */
  @state() private justAdded = false;
  @state() private feedback: Feedback = null;

  private readonly store = new StoreController(this);
  private addedTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly loader = new Task(this, {
    task: async ([storefront, sku], { signal }): Promise<Loaded | null> => {
      if (!storefront || !sku) return null;
      return { sku, product: await storefront.catalog.get(sku, { signal }) };
    },
    args: () => {
      const state = this.store.state;
      return [state?.status === 'ready' ? state.storefront : null, this.sku?.trim() ?? ''] as const;
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.addedTimer);
    this.justAdded = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('quantity')) {
      const { quantity, warning } = normalizeQuantity(this.quantity);
      if (warning) {
        const raw = this.getAttribute('quantity') ?? String(this.quantity);
        console.warn(`[storefront-elements] <sf-add-to-cart> quantity "${raw}" is not valid (${warning}); using ${quantity}.`);
      }
      this.chosen = quantity;
    }
    if (changed.has('sku')) {
      this.feedback = null;
      this.justAdded = false;
    }
  }

  /** The product as loaded for the current sku, `null` when the store has none, `undefined` while unknown. */
  private get product(): Product | null | undefined {
    const value = this.loader.value;
    return value && value.sku === (this.sku?.trim() ?? '') ? value.product : undefined;
  }

  /** The most the stepper offers: the stock when known, else 999. */
  private get maxQuantity(): number {
    const product = this.product;
    const stock = product ? stockState(product) : null;
    return stock && (stock.kind === 'low' || stock.kind === 'in-stock')
      ? Math.min(stock.left, MAX_LINE_QUANTITY)
      : MAX_LINE_QUANTITY;
  }

  private storefront() {
    const state = this.store.state;
    return state?.status === 'ready' ? state.storefront : null;
  }

  /** Why the button cannot add now (shown as its text), or null. */
  private disabledReason(locale: Locale): string | null {
    if (!(this.sku?.trim() ?? '')) return msg(locale, 'noSku');
    const product = this.product;
    if (product === null) return msg(locale, 'unknown');
    if (product && stockState(product).kind === 'sold-out') return msg(locale, 'soldOut');
    return null;
  }

  /** Still waiting for the store or the product: the button shows but waits. */
  private get waiting(): boolean {
    const binding = this.store.binding;
    if (binding.kind === 'missing') return false;
    const state = this.store.state;
    if (state?.status === 'error') return false;
    if (!this.storefront()) return true;
    return this.loader.status === TaskStatus.PENDING && this.product === undefined;
  }

  protected override render() {
    const locale = widgetLocale(this, this.store.state);
    const reason = this.disabledReason(locale);
    const waiting = reason === null && this.waiting;
    const noStore = this.store.binding.kind === 'missing' || this.store.state?.status === 'error';
    return html`<div class="row" lang=${locale}>
        ${this.showQuantity ? this.renderStepper(locale, reason !== null || noStore) : nothing}
        ${this.renderButton(locale, reason, waiting, noStore)}
      </div>
      ${this.renderStatus(locale, waiting)}`;
  }

  private renderButton(locale: Locale, reason: string | null, waiting: boolean, noStore: boolean) {
    const product = this.product;
    const title = product ? productText(product, locale).title : '';
    const busy = this.adding || waiting;
    const state = reason !== null ? 'disabled' : this.adding ? 'adding' : this.justAdded ? 'added' : waiting ? 'loading' : 'idle';
    let content;
    if (reason !== null) content = html`<span class="label">${reason}</span>`;
    else if (this.adding) {
      content = html`<span class="spinner" aria-hidden="true"></span><span class="label">${msg(locale, 'adding')}</span>`;
    } else if (this.justAdded) {
      content = html`<svg class="icon check" viewBox="0 0 24 24" aria-hidden="true">${CHECK_ICON}</svg
        ><span class="label">${msg(locale, 'added')}</span>`;
    } else {
      content = html`<slot
        ><svg class="icon" viewBox="0 0 24 24" aria-hidden="true">${CART_ICON}</svg
        ><span class="label">${msg(locale, 'add')}</span></slot
      >`;
    }
    return html`<button
      type="button"
      part="button"
      data-state=${state}
      ?disabled=${reason !== null || noStore}
      aria-busy=${busy ? 'true' : 'false'}
      aria-disabled=${busy ? 'true' : nothing}
      @click=${this.onClick}
    >
      ${content}${title && reason === null ? html`<span class="visually-hidden">${msg(locale, 'for', { title })}</span>` : nothing}
    </button>`;
  }

  private renderStepper(locale: Locale, disabled: boolean) {
    const max = this.maxQuantity;
    const value = Math.min(this.chosen, max);
    const atMin = disabled || value <= 1;
    const atMax = disabled || value >= max;
    return html`<div class="stepper" part="quantity" role="group" aria-label=${msg(locale, 'quantity.label')}>
      <button
        type="button"
        part="quantity-button"
        class="step"
        aria-label=${msg(locale, 'quantity.decrease')}
        aria-disabled=${atMin ? 'true' : 'false'}
        @click=${() => !atMin && this.setChosen(value - 1)}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M3.5 8h9" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
        </svg>
      </button>
      <input
        part="quantity-input"
        type="number"
        inputmode="numeric"
        min="1"
        max=${max}
        step="1"
        .value=${String(value)}
        ?disabled=${disabled}
        aria-label=${msg(locale, 'quantity.label')}
        title=${msg(locale, 'quantity.max', { max })}
        @change=${this.onQuantityInput}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === 'Enter') {
            this.onQuantityInput(event);
            void this.add();
          }
        }}
      />
      <button
        type="button"
        part="quantity-button"
        class="step"
        aria-label=${msg(locale, 'quantity.increase')}
        aria-disabled=${atMax ? 'true' : 'false'}
        @click=${() => !atMax && this.setChosen(value + 1)}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M3.5 8h9M8 3.5v9" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
        </svg>
      </button>
    </div>`;
  }

  private renderStatus(locale: Locale, waiting: boolean) {
    const feedback = this.feedback;
    let polite: unknown = nothing;
    let tone = 'info';
    let alert: unknown = nothing;
    const binding = this.store.binding;
    const state = this.store.state;
    if (binding.kind === 'missing') {
      tone = 'warning';
      polite = html`<span class="text"
        ><strong>${t(locale, 'store.missing.title')}</strong> ${t(locale, 'store.missing.body')}</span
      >`;
    } else if (state?.status === 'error' && state.error) {
      tone = 'warning';
      polite = html`<span class="text"
        ><strong>${t(locale, 'store.config.title')}</strong> ${configMessage(locale, state.error)}</span
      >`;
    } else if (!(this.sku?.trim() ?? '')) {
      tone = 'warning';
      polite = html`<span class="text">${msg(locale, 'noSku.body')}</span>`;
    } else if (this.product === null) {
      tone = 'muted';
      polite = html`<span class="text">${msg(locale, 'unknown.body', { sku: this.sku?.trim() ?? '' })}</span>`;
    } else if (feedback?.kind === 'added') {
      tone = 'success';
      polite = html`<span class="visually-hidden"
        >${feedback.count > 1 ? msg(locale, 'addedCount', { count: feedback.count }) : msg(locale, 'added')}</span
      >`;
    } else if (feedback?.kind === 'capped') {
      tone = 'warning';
      polite = html`<svg class="status-icon" viewBox="0 0 20 20" aria-hidden="true">${WARN_ICON}</svg
        ><span class="text">${msg(locale, 'capped', { count: feedback.count })}</span>`;
    } else if (feedback?.kind === 'stock' || feedback?.kind === 'limit') {
      tone = 'warning';
      const text =
        feedback.kind === 'limit'
          ? msg(locale, 'lineMax', { max: feedback.max ?? MAX_LINE_QUANTITY })
          : feedback.max
            ? msg(locale, 'limit.max', { max: feedback.max })
            : msg(locale, 'limit');
      polite = html`<svg class="status-icon" viewBox="0 0 20 20" aria-hidden="true">${WARN_ICON}</svg
        ><span class="text">${text}</span>`;
    } else if (feedback?.kind === 'unbuyable') {
      tone = 'warning';
      polite = html`<svg class="status-icon" viewBox="0 0 20 20" aria-hidden="true">${WARN_ICON}</svg
        ><span class="text">${msg(locale, 'unbuyable')}</span>`;
    } else if (waiting && this.storefront()) {
      polite = html`<span class="visually-hidden">${msg(locale, 'loading')}</span>`;
    }
    if (feedback?.kind === 'error') {
      alert = html`<p class="line" role="alert" data-tone="error">
        <svg class="status-icon" viewBox="0 0 20 20" aria-hidden="true">${ERROR_ICON}</svg
        ><span class="text"
          >${errorMessage(locale, feedback.code)}
          <button type="button" part="status-action" class="retry" @click=${() => void this.add()}>
            ${t(locale, 'action.retry')}
          </button></span
        >
      </p>`;
    } else if (this.loader.status === TaskStatus.ERROR && this.storefront() && (this.sku?.trim() ?? '')) {
      // The stock could not be read; adding still works (the SDK keeps it until the shop answers).
      const reason = errorMessage(locale, toStorefrontError(this.loader.error).code);
      alert = html`<p class="line" role="alert" data-tone="error">
        <svg class="status-icon" viewBox="0 0 20 20" aria-hidden="true">${ERROR_ICON}</svg
        ><span class="text"
          >${reason}
          <button type="button" part="status-action" class="retry" @click=${() => void this.loader.run()}>
            ${t(locale, 'action.retry')}
          </button></span
        >
      </p>`;
    }
    return html`<div class="status" part="status">
      <p class="line" role="status" data-tone=${tone}>${polite}</p>
      ${alert}
    </div>`;
  }

  private setChosen(value: number): void {
    this.chosen = Math.min(Math.max(1, value), this.maxQuantity);
    if (this.feedback?.kind !== 'error') this.feedback = null;
  }

  private onQuantityInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const { quantity } = normalizeQuantity(input.value);
    this.setChosen(quantity);
    // Show the mended value even when it equals the old one (Lit would not touch the input).
    input.value = String(this.chosen);
  }

  private readonly onClick = (): void => {
    if (!this.waiting) void this.add();
  };

  /**
   * Adds the chosen quantity: fires `sf-add-to-cart`, then calls the cart unless the page
   * vetoed it. Resolves when done (nothing happens while an add is running).
   */
  async add(): Promise<void> {
    const locale = widgetLocale(this, this.store.state);
    const sku = this.sku?.trim() ?? '';
    if (this.adding || this.waiting || !sku || this.disabledReason(locale) !== null) return;
    const storefront = this.storefront();
    if (!storefront) return;
    // The stepper shows at most the stock; without it the asked quantity goes to the cart, which
    // caps it at the stock and says so.
    const quantity = this.showQuantity ? Math.min(this.chosen, this.maxQuantity) : this.chosen;
    clearTimeout(this.addedTimer);
    this.justAdded = false;
    this.feedback = null;
    if (!this.emit('sf-add-to-cart', { sku, quantity }, { cancelable: true })) return;
    this.adding = true;
    try {
      const before = (await storefront.cart.lines()).find((line) => line.sku === sku && !line.variant)?.quantity ?? 0;
      const line = await storefront.cart.add(sku, quantity);
      const capped = (line as { capped?: boolean }).capped === true;
      const added = Math.max(0, line.quantity - before);
      this.feedback = capped ? { kind: 'capped', count: added || line.quantity } : { kind: 'added', count: quantity };
      this.justAdded = true;
      this.addedTimer = setTimeout(() => {
        this.justAdded = false;
        if (this.feedback?.kind === 'added') this.feedback = null;
      }, ADDED_MS);
    } catch (error) {
      const failure = toStorefrontError(error);
      const reason = failure.code === 'validation' ? failure.detail['reason'] : undefined;
      const max = failure.detail['max'];
      if (reason === 'stock' || reason === 'limit') {
        this.feedback = { kind: reason, max: typeof max === 'number' && max > 0 ? max : null };
      } else if (reason === 'currency' || reason === 'price' || reason === 'invalid') {
        this.feedback = { kind: 'unbuyable' };
      } else if (failure.code === 'not-found') {
        // The product went away since it was loaded: load it again to show "商品不存在".
        this.feedback = null;
        void this.loader.run();
      } else if (failure.code !== 'aborted') {
        this.feedback = { kind: 'error', code: failure.code };
      }
    } finally {
      this.adding = false;
    }
  }
}

defineElement('sf-add-to-cart', SfAddToCart);

declare global {
  interface HTMLElementTagNameMap {
    'sf-add-to-cart': SfAddToCart;
  }
}
