import { LitElement } from 'lit';
import type { SfEventDetails, SfEventName } from '../../src/core/events.js';

/** Base of every `sf-*` element: a typed `emit` for `sf-*` events that bubble out of shadow DOM. */
export class SfElement extends LitElement {
  /** `lang` is the widget's own language (before its store's): a change re-renders it. */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) this.requestUpdate();
  }

  /** Dispatches `name`; returns false when a cancelable event was vetoed by the page. */
  emit<K extends SfEventName>(name: K, detail: SfEventDetails[K], options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(
      new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
    );
  }
}

/** Defines a custom element unless it already is (two copies of the kit on one page). */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
