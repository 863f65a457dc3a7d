import { ContextProvider } from '@lit/context';
import { css, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { StorefrontAdapter } from '../../src/adapter/adapter.js';
import { StorefrontError, toStorefrontError } from '../../src/core/errors.js';
import { resolveLocale, type Locale } from '../../src/core/locale.js';
import { createStorefront, type Storefront } from '../../src/storefront.js';
import { baseStyles, noticeStyles } from '../shared/base-styles.js';
import { providerChanged, registerProvider } from '../shared/default-store.js';
import { configMessage } from '../shared/config-message.js';
import { t } from '../shared/messages.js';
import { renderNotice } from '../shared/notice.js';
import { defineElement, SfElement } from '../shared/sf-element.js';
import { storeContext, type StoreState } from '../shared/store-context.js';
import { acquireStorefront, releaseStorefront } from './store-registry.js';
import { resolveStoreConfig, type StoreConfig } from './store-config.js';

/** The properties that make a store: changing one swaps the store. */
const CONFIG_KEYS = ['adapter', 'endpoint', 'currency', 'storeId', 'latency', 'timeout'] as const;
type ConfigSnapshot = Pick<SfStore, (typeof CONFIG_KEYS)[number]>;

/**
 * Connects the widgets inside it to a shop backend and to the browser's storage. Widgets
 * elsewhere on the page that are inside no `<sf-store>` use the first `<sf-store>` of the
 * document. It takes no room of its own (`display: contents`); when it is set up wrongly it
 * shows a message saying which attribute is wrong.
 *
 * @summary Store provider: adapter, storage and locale for the widgets of a page.
 * @tagname sf-store
 * @slot - The page content holding the widgets.
 * @event sf-store-ready - Storage is open; `detail: { storeId, persistent }`.
 * @event sf-store-error - The store could not be set up; `detail: { error }` (a StorefrontError with code `config`,
 *   or `network` when the REST adapter's code could not be downloaded).
 * @csspart notice - The box explaining a configuration error.
 * @csspart notice-action - Its button, if any.
 * @cssprop --sf-color-primary - Accent colour of every widget (default #d0342c).
 * @cssprop --sf-font-family - Font of every widget.
 */
export class SfStore extends SfElement {
  static override styles = [
    baseStyles,
    noticeStyles,
    css`
      :host {
        display: contents;
      }
      .notice {
        margin-block-end: 16px;
      }
    `,
  ];

  /**
   * `local` (the in-browser demo shop, default) or `rest` (the kit's REST contract at `endpoint`;
   * implied when `endpoint` is set). From script it may also be set to an adapter object of your
   * own, at any time, also before the element is defined.
   */
  @property() adapter: string | StorefrontAdapter | undefined;
  /** Base URL of a backend speaking the kit's REST contract. */
  @property() endpoint: string | undefined;
  /** `zh-CN` (default) or `en`. */
  @property() locale: string | undefined;
  /** ISO 4217 currency (default CNY). */
  @property() currency: string | undefined;
  /** Separates the data of several shops on one site (letters, digits, `-`, `_`). */
  @property({ attribute: 'store-id' }) storeId: string | undefined;
  /** Simulated latency of the local adapter in ms, to preview loading states. */
  @property({ type: Number }) latency: number | undefined;
  /** How long a backend call may take before widgets show a timeout with a retry (ms, default 10000). */
  @property({ type: Number }) timeout: number | undefined;

  private state: StoreState = { status: 'connecting', storefront: null, error: null, locale: resolveLocale(undefined) };
  private readonly provider = new ContextProvider(this, { context: storeContext, initialValue: this.state });
  private current: { storeId: string; storefront: Storefront } | null = null;
  private unregister: (() => void) | null = null;
  private generation = 0;
  /** The settings the current store (or configuration error) was made from. */
  private configuredWith: ConfigSnapshot | null = null;

  /** The storefront once configured (its `ready` may still be pending). */
  get storefront(): Storefront | null {
    return this.current?.storefront ?? null;
  }

  /** Resolves with the storefront once storage is open; rejects with a configuration error. */
  async whenReady(): Promise<Storefront> {
    // Attribute changes reconfigure on the next update: let it happen first.
    await this.updateComplete;
    const { status, storefront, error } = this.state;
    if (status === 'ready' && storefront) return storefront;
    if (status === 'error' && error) throw error;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.removeEventListener('sf-store-ready', done);
        this.removeEventListener('sf-store-error', done);
        resolve();
      };
      this.addEventListener('sf-store-ready', done);
      this.addEventListener('sf-store-error', done);
    });
    return this.whenReady();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const currentState = () => this.state;
    this.unregister = registerProvider({
      element: this,
      get state() {
        return currentState();
      },
    });
    // The first setup waits for the first update, so that properties a page sets right after
    // loading the bundle (or before the element was defined) are used, not the defaults. A
    // reconnected element (moved in the DOM) sets up again at once.
    if (this.hasUpdated && !this.current && this.state.status !== 'error') this.configure();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unregister?.();
    this.unregister = null;
    this.release();
    this.state = { ...this.state, status: 'connecting', storefront: null };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Reconfigure only when a setting differs from the one the current store was made with
    // (the first update reports every attribute as changed).
    if (!this.hasUpdated || CONFIG_KEYS.some((key) => changed.has(key) && this[key] !== this.configuredWith?.[key])) {
      this.configure();
    } else if (changed.has('locale')) this.setState({ ...this.state, locale: resolveLocale(this.locale) });
  }

  private snapshot(): ConfigSnapshot {
    return Object.fromEntries(CONFIG_KEYS.map((key) => [key, this[key]])) as ConfigSnapshot;
  }

  private release(): void {
    if (this.current) releaseStorefront(this.current.storeId, this.current.storefront);
    this.current = null;
  }

  private setState(state: StoreState): void {
    this.state = state;
    this.provider.setValue(state);
    providerChanged();
    this.requestUpdate();
  }

  private configure(): void {
    if (!this.isConnected) return;
    const generation = ++this.generation;
    this.configuredWith = this.snapshot();
    this.release();
    const locale = resolveLocale(this.locale ?? document.documentElement.lang);
    let config: StoreConfig;
    try {
      config = resolveStoreConfig(this);
    } catch (error) {
      this.fail(toStorefrontError(error, 'config'), locale);
      return;
    }
    this.setState({ status: 'connecting', storefront: null, error: null, locale });
    if (!config.load) {
      this.connect(config, generation, locale);
      return;
    }
    config.load().then(
      () => {
        if (generation === this.generation && this.isConnected) this.connect(config, generation, locale);
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        const reason = error instanceof Error ? error.message : String(error);
        const failure = new StorefrontError('network', `Could not load the REST adapter's code: ${reason}`, {
          detail: { field: 'load', value: config.signature },
          cause: error,
        });
        this.fail(failure, locale);
      },
    );
  }

  /** Makes (or shares) the storefront of a resolved configuration and waits for its storage. */
  private connect(config: StoreConfig, generation: number, locale: Locale): void {
    let storefront: Storefront;
    try {
      storefront = acquireStorefront(
        config.storeId,
        config.signature,
        () =>
          createStorefront({
            adapter: config.createAdapter(),
            storeId: config.storeId,
            currency: config.currency,
            locale,
            timeout: this.timeout,
          }),
        config.ownsAdapter,
      );
      this.current = { storeId: config.storeId, storefront };
    } catch (error) {
      this.fail(toStorefrontError(error, 'config'), locale);
      return;
    }
    void storefront.ready.then(() => {
      if (generation !== this.generation) return;
      this.setState({
        status: 'ready',
        storefront,
        error: null,
        locale: resolveLocale(this.locale ?? document.documentElement.lang),
      });
      this.emit('sf-store-ready', { storeId: storefront.storeId, persistent: storefront.storage.persistent });
    });
  }

  private fail(failure: StorefrontError, locale: Locale): void {
    console.error(`[storefront-elements] <sf-store>: ${failure.message}`);
    this.setState({ status: 'error', storefront: null, error: failure, locale });
    this.emit('sf-store-error', { error: failure });
  }

  protected override render() {
    const { status, error, locale } = this.state;
    return html`${
        status === 'error' && error
          ? renderNotice({ tone: 'error', title: t(locale, 'store.config.title'), body: configMessage(locale, error) })
          : nothing
      }<slot></slot>`;
  }
}

defineElement('sf-store', SfStore);

declare global {
  interface HTMLElementTagNameMap {
    'sf-store': SfStore;
  }
}
