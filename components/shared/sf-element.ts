import { LitElement } from 'lit';
import type { SfEventDetails, SfEventName } from '../../src/core/events.js';

/** Base of every `sf-*` element: a typed `emit` for `sf-*` events that bubble out of shadow DOM. */
export class SfElement extends LitElement {
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
