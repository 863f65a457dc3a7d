import type { StoreState } from './store-context.js';

/**
 * The page's default store, for widgets scattered outside any `<sf-store>` (a cart button in
 * the header, a grid in the body). It is the store set from script with
 * `setDefaultStorefront`, else the first connected `<sf-store>` in document order.
 */
export interface StoreSource {
  readonly element: Element | null;
  readonly state: StoreState;
}

type Listener = () => void;

interface Registry {
  providers: Set<StoreSource>;
  scripted: StoreSource | null;
  listeners: Set<Listener>;
}

// Kept on globalThis so two copies of the kit on one page share one default.
const KEY = Symbol.for('storefront-elements/default-store');
const registry: Registry = ((globalThis as Record<symbol, Registry | undefined>)[KEY] ??= {
  providers: new Set(),
  scripted: null,
  listeners: new Set(),
});

function notify(): void {
  for (const listener of [...registry.listeners]) listener();
}

export function registerProvider(source: StoreSource): () => void {
  registry.providers.add(source);
  notify();
  return () => {
    registry.providers.delete(source);
    notify();
  };
}

/** Tell the registry a provider's state changed (it connected, failed...). */
export function providerChanged(): void {
  notify();
}

export function setScriptedDefault(source: StoreSource | null): void {
  registry.scripted = source;
  notify();
}

export function defaultStoreSource(): StoreSource | null {
  if (registry.scripted) return registry.scripted;
  let first: StoreSource | null = null;
  for (const source of registry.providers) {
    const element = source.element;
    if (!element?.isConnected) continue;
    if (!first || (first.element && first.element.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING)) {
      first = source;
    }
  }
  return first;
}

export function onDefaultStoreChange(listener: Listener): () => void {
  registry.listeners.add(listener);
  return () => registry.listeners.delete(listener);
}

/**
 * Makes a storefront created in script the page's default store, for widgets outside any
 * `<sf-store>`. Pass null to go back to the first `<sf-store>` of the page.
 */
export function setDefaultStorefront(storefront: import('../../src/storefront.js').Storefront | null): void {
  if (!storefront) {
    setScriptedDefault(null);
    return;
  }
  const source: { element: null; state: StoreState } = {
    element: null,
    state: { status: 'connecting', storefront: null, error: null, locale: storefront.locale },
  };
  setScriptedDefault(source);
  void storefront.ready.then(() => {
    source.state = { status: 'ready', storefront, error: null, locale: storefront.locale };
    notify();
  });
}
