import { ContextConsumer, ContextRoot } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { defaultStoreSource, onDefaultStoreChange } from './default-store.js';
import { storeContext, type StoreState } from './store-context.js';

// A ContextRoot replays requests of widgets that upgraded before their <sf-store>, so script
// order does not matter. One per document, shared by every copy of the kit.
const ROOT_KEY = Symbol.for('storefront-elements/context-root');
function ensureContextRoot(): void {
  const holder = globalThis as Record<symbol, unknown>;
  if (holder[ROOT_KEY] || typeof document === 'undefined') return;
  holder[ROOT_KEY] = true;
  new ContextRoot().attach(document.documentElement);
}

/** Where a widget's store comes from, or why it has none. */
export type StoreBinding =
  | { kind: 'provided'; state: StoreState }
  | { kind: 'default'; state: StoreState }
  /** No store yet: an `<sf-store>` may still be on its way (upgrade, late script). */
  | { kind: 'waiting' }
  /** Still none after the grace period: the page is set up without a store. */
  | { kind: 'missing' };

/** How long a widget waits for a store before it says the page has none. */
export const MISSING_STORE_GRACE_MS = 600;

/**
 * Finds the store for a widget: the nearest `<sf-store>` ancestor through context, else the
 * page's default store, else (after a short grace) "missing" so the widget can explain the
 * setup instead of rendering a blank box.
 */
export class StoreController implements ReactiveController {
  binding: StoreBinding = { kind: 'waiting' };
  private provided: StoreState | null = null;
  private unsubscribeDefault: (() => void) | null = null;
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  private graceOver = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onChange?: (binding: StoreBinding) => void,
  ) {
    ensureContextRoot();
    new ContextConsumer(host, {
      context: storeContext,
      subscribe: true,
      callback: (state) => {
        this.provided = state;
        this.resolve();
      },
    });
    host.addController(this);
  }

  /** The store's state when there is one. */
  get state(): StoreState | null {
    return this.binding.kind === 'provided' || this.binding.kind === 'default' ? this.binding.state : null;
  }

  hostConnected(): void {
    this.unsubscribeDefault = onDefaultStoreChange(() => this.resolve());
    this.graceTimer = setTimeout(() => {
      this.graceOver = true;
      this.resolve();
    }, MISSING_STORE_GRACE_MS);
    this.resolve();
  }

  hostDisconnected(): void {
    // Moved out of its <sf-store>: the context asks again on reconnect, and the page default
    // takes over if nothing answers.
    this.provided = null;
    this.unsubscribeDefault?.();
    this.unsubscribeDefault = null;
    clearTimeout(this.graceTimer);
  }

  private resolve(): void {
    let next: StoreBinding;
    if (this.provided) next = { kind: 'provided', state: this.provided };
    else {
      const fallback = defaultStoreSource();
      if (fallback) next = { kind: 'default', state: fallback.state };
      else if (this.graceOver && !document.querySelector('sf-store')) next = { kind: 'missing' };
      else next = { kind: 'waiting' };
    }
    const previous = this.binding;
    const same =
      previous.kind === next.kind && ('state' in previous ? previous.state : null) === ('state' in next ? next.state : null);
    if (same) return;
    this.binding = next;
    this.onChange?.(next);
    this.host.requestUpdate();
  }
}
