import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { toStorefrontError } from '../../src/core/errors.js';
import { baseStyles, noticeStyles } from '../shared/base-styles.js';
import { widgetLocale } from '../shared/locale.js';
import { configMessage } from '../shared/config-message.js';
import { errorMessage, t } from '../shared/messages.js';
import { renderNotice } from '../shared/notice.js';
import { defineElement, SfElement } from '../shared/sf-element.js';
import { StoreController } from '../shared/store-controller.js';
import { storeStatusStyles } from './sf-store-status.styles.js';

/**
 * Shows whether the page's store is connected, how many products its catalog holds and
 * whether the cart is saved in this browser. Useful on a promo page while it is being set
 * up, and the smallest example of a widget consuming a store.
 *
 * @summary Store connection status and catalog size.
 * @tagname sf-store-status
 * @csspart status - The pill shown once connected.
 * @csspart notice - The box shown while connecting, on error, or when the page has no store.
 * @csspart notice-action - The retry button.
 * @cssprop --sf-store-status-background - Background of the pill.
 * @cssprop --sf-store-status-radius - Corner radius of the pill (default 999px).
 * @cssprop --sf-store-status-padding - Padding of the pill.
 */
export class SfStoreStatus extends SfElement {
  static override styles = [baseStyles, noticeStyles, storeStatusStyles];

  /** Only the status dot and the catalog count (for a page header); the rest is for screen readers. */
  @property({ type: Boolean, reflect: true }) compact = false;

  private readonly store = new StoreController(this);

  private readonly count = new Task(this, {
    task: async ([storefront], { signal }) => {
      if (!storefront) return null;
      const page = await storefront.catalog.list({ pageSize: 1 }, { signal });
      return page.total;
    },
    args: () => [this.store.state?.status === 'ready' ? this.store.state.storefront : null] as const,
  });

  private renderConnecting(locale: string) {
    if (!this.compact) return renderNotice({ tone: 'loading', title: t(locale, 'store.connecting') });
    return html`<div class="status" part="status" role="status">
      <span class="spinner small" aria-hidden="true"></span><span class="count">${t(locale, 'store.connecting')}</span>
    </div>`;
  }

  protected override render() {
    const binding = this.store.binding;
    const locale = widgetLocale(this, this.store.state);
    if (binding.kind === 'missing') {
      return renderNotice({ tone: 'warning', title: t(locale, 'store.missing.title'), body: t(locale, 'store.missing.body') });
    }
    const state = this.store.state;
    if (!state || state.status === 'connecting' || !state.storefront) {
      if (state?.status === 'error' && state.error) {
        // Inside the misconfigured <sf-store>, its own notice right above says it all.
        if (binding.kind === 'provided') return nothing;
        return renderNotice({ tone: 'error', title: t(locale, 'store.config.title'), body: configMessage(locale, state.error) });
      }
      return this.renderConnecting(locale);
    }
    const storefront = state.storefront;
    const persistent = storefront.storage.persistent;
    return this.count.render({
      pending: () => this.renderConnecting(locale),
      error: (error) =>
        renderNotice({
          tone: 'error',
          title: errorMessage(locale, toStorefrontError(error).code),
          action: { label: t(locale, 'action.retry'), run: () => void this.count.run() },
        }),
      complete: (total) =>
        html`<div class="status" part="status" role="status">
          <span class="dot" data-persistent=${String(persistent)} aria-hidden="true"></span>
          <span class=${this.compact ? 'visually-hidden' : 'label'}>${t(locale, 'store.ready')}</span>
          ${total === null ? nothing : html`<span class="count">${t(locale, 'store.catalogCount', { count: total })}</span>`}
          <span class=${this.compact ? 'visually-hidden' : 'storage'}
            >${t(locale, persistent ? 'store.persistent' : 'store.memoryOnly')}</span
          >
        </div>`,
    });
  }
}

defineElement('sf-store-status', SfStoreStatus);

declare global {
  interface HTMLElementTagNameMap {
    'sf-store-status': SfStoreStatus;
  }
}
