import * as v from 'valibot';
import { requireCapability, type CallOptions, type StorefrontAdapter } from '../adapter/adapter.js';
import type { MemberSource } from '../account/account-store.js';
import type { CartStore } from '../cart/cart-store.js';
import type { CheckoutOptions } from '../cart/cart-view.js';
import { DEFAULT_TIMEOUT_MS, withDeadline } from '../core/deadline.js';
import { StorefrontError, throwIfAborted, toStorefrontError } from '../core/errors.js';
import { isMoney } from '../core/money.js';
import { CheckoutSessionSchema, describeIssues, PaymentMethodSchema } from '../core/schemas.js';
import type { CheckoutRequest, CheckoutSession, PaymentMethod } from '../core/types.js';

/** How long the payment methods are reused before they are asked for again (ms). */
const METHODS_TTL = 60_000;
/** Failures after which the request may have reached the shop: a retry reuses the idempotency key. */
// Failures after which the order may exist on the server anyway: a retry must reuse the key.
const MAYBE_ARRIVED = new Set(['network', 'timeout', 'unavailable', 'aborted']);

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/u;

/** A phone number (5-15 digits, spaces, dashes, parentheses, a leading +) or an e-mail address. */
function checkContact(contact: unknown): string | undefined {
  if (contact === undefined || contact === null || contact === '') return undefined;
  const text = typeof contact === 'string' ? contact.trim() : '';
  const digits = text.replace(/[\s()+-]/g, '');
  if (text.length > 254 || !(EMAIL.test(text) || /^\d{5,15}$/.test(digits))) {
    throw new StorefrontError('validation', 'Enter a phone number or an e-mail address to track the order with.', {
      detail: { field: 'contact', reason: 'format' },
    });
  }
  return text;
}

/** Only http(s) addresses (absolute, or relative to the page): never `javascript:` or `data:`. */
function safeUrl(url: string): boolean {
  try {
    const base = typeof location === 'object' && location?.href ? location.href : 'http://localhost/';
    const protocol = new URL(url, base).protocol;
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Hands the cart to the shop's checkout: checks it (not empty, every line available and within
 * the stock, a payment method the shop offers), then asks the adapter to begin a checkout at the
 * total the shopper saw. The cart is kept: the page goes to the returned `url` to pay.
 */
export class CheckoutService {
  private methods: { at: number; promise: Promise<PaymentMethod[]> } | null = null;
  private inFlight: Promise<CheckoutSession> | null = null;
  /** The last attempt that may have reached the shop, so a retry of the same cart reuses its key. */
  private lastAttempt: { fingerprint: string; key: string } | null = null;

  constructor(
    private readonly adapter: StorefrontAdapter,
    private readonly cart: CartStore,
    private readonly account: MemberSource | null,
    private readonly timeout: number = DEFAULT_TIMEOUT_MS,
  ) {}

  private call<T>(options: CallOptions, run: (options: CallOptions) => Promise<T>): Promise<T> {
    return withDeadline((signal) => run({ ...options, signal }), this.timeout, options.signal).catch((error: unknown) => {
      throw toStorefrontError(error);
    });
  }

  /** The payment methods the shop offers (validated; reused for a minute). */
  async paymentMethods(options: CallOptions = {}): Promise<PaymentMethod[]> {
    const checkout = requireCapability(this.adapter, 'checkout');
    const cached = this.methods;
    if (cached && Date.now() - cached.at < METHODS_TTL && !options.signal) return structuredClone(await cached.promise);
    const promise = this.call(options, (call) => checkout.paymentMethods(call)).then((raw: unknown) => {
      const result = v.safeParse(v.array(PaymentMethodSchema), raw);
      if (!result.success) {
        throw new StorefrontError(
          'invalid-response',
          `The ${this.adapter.name} adapter sent malformed payment methods: ${describeIssues(result.issues)}.`,
        );
      }
      return result.output;
    });
    const entry = { at: Date.now(), promise };
    this.methods = entry;
    promise.catch(() => {
      if (this.methods === entry) this.methods = null;
    });
    return structuredClone(await promise);
  }

  /**
   * Begins a checkout. While one is in flight, calling again (a double click) returns the same
   * promise. Rejects with `validation` (detail.field 'lines' / 'paymentMethod' / 'contact' and a
   * reason) when the cart cannot be ordered, `unsupported` without the checkout capability,
   * the adapter's error (`network`, `timeout`, `conflict` when prices moved...) otherwise.
   */
  begin(options: CheckoutOptions): Promise<CheckoutSession> {
    if (this.inFlight) return this.inFlight;
    const running = this.run(options).finally(() => {
      if (this.inFlight === running) this.inFlight = null;
    });
    this.inFlight = running;
    return running;
  }

  private async run(options: CheckoutOptions): Promise<CheckoutSession> {
    const checkout = requireCapability(this.adapter, 'checkout');
    const signal = options?.signal;
    throwIfAborted(signal);
    const paymentMethod = typeof options?.paymentMethod === 'string' ? options.paymentMethod.trim() : '';
    if (!paymentMethod) {
      throw new StorefrontError('validation', 'Choose a payment method.', {
        detail: { field: 'paymentMethod', reason: 'missing' },
      });
    }
    const contact = checkContact(options.contact);

    const view = await this.cart.view({ signal });
    if (view.lines.length === 0) {
      throw new StorefrontError('validation', 'The cart is empty.', { detail: { field: 'lines', reason: 'empty' } });
    }
    const blocked = view.lines.filter((line) => line.status !== 'ok');
    // A line unavailable only because the shop cannot be reached: that is the error to report.
    const unreachable = blocked.find((line) => line.reason === 'offline');
    if (unreachable) {
      const cause = view.errors?.find((error) => error.sku === unreachable.line.sku);
      throw new StorefrontError(cause?.code ?? 'network', cause?.message ?? 'The shop cannot be reached right now.', {
        detail: { sku: unreachable.line.sku },
      });
    }
    if (blocked.length > 0) {
      const skus = blocked.map((line) => line.line.sku);
      const soldOut = blocked.every((line) => line.status === 'sold-out');
      throw new StorefrontError(
        'validation',
        `${soldOut ? 'Sold out' : 'No longer available'}: ${skus.join(', ')}. Remove ${skus.length > 1 ? 'them' : 'it'} to check out.`,
        {
          detail: {
            field: 'lines',
            reason: soldOut ? 'sold-out' : 'unavailable',
            skus,
            lines: blocked.map((line) => ({ sku: line.line.sku, status: line.status, reason: line.reason })),
          },
        },
      );
    }
    const capped = view.lines.filter((line) => line.capped);
    if (capped.length > 0) {
      throw new StorefrontError('validation', `Fewer left than in the cart: ${capped.map((line) => line.line.sku).join(', ')}.`, {
        detail: {
          field: 'lines',
          reason: 'stock',
          skus: capped.map((line) => line.line.sku),
          lines: capped.map((line) => ({ sku: line.line.sku, max: line.maxQuantity })),
        },
      });
    }

    const methods = await this.paymentMethods({ signal });
    if (!methods.some((method) => method.id === paymentMethod)) {
      throw new StorefrontError('validation', `The shop does not offer the payment method "${paymentMethod}".`, {
        detail: { field: 'paymentMethod', reason: 'unknown', value: paymentMethod, offered: methods.map((method) => method.id) },
      });
    }

    const expectedTotal = isMoney(options.expectedTotal) ? options.expectedTotal : view.priced.total;
    const memberId = this.account?.member?.id;
    const request: CheckoutRequest = {
      lines: view.lines.map((line) => ({ sku: line.line.sku, quantity: line.line.quantity })),
      paymentMethod,
      ...(memberId ? { memberId } : {}),
      ...(contact ? { contact } : {}),
      expectedTotal,
    };
    const fingerprint = JSON.stringify(request);
    const idempotencyKey =
      this.lastAttempt?.fingerprint === fingerprint ? this.lastAttempt.key : `checkout-${crypto.randomUUID()}`;
    let raw: unknown;
    try {
      raw = await this.call({ signal }, (call) => checkout.begin(request, { ...call, idempotencyKey }));
    } catch (error) {
      const failure = toStorefrontError(error);
      // The order may exist already: retrying this cart must not place a second one.
      this.lastAttempt = MAYBE_ARRIVED.has(failure.code) ? { fingerprint, key: idempotencyKey } : null;
      // Prices or stock moved: show the shopper the cart as it is now.
      if (failure.code === 'conflict') this.cart.refresh();
      throw failure;
    }
    this.lastAttempt = null;
    const result = v.safeParse(CheckoutSessionSchema, raw);
    if (!result.success || !safeUrl(result.output.url)) {
      throw new StorefrontError(
        'invalid-response',
        `The ${this.adapter.name} adapter sent a malformed checkout session${result.success ? ' (the payment address is not http or https)' : `: ${describeIssues(result.issues)}`}.`,
      );
    }
    return result.output;
  }
}
