import { html, type TemplateResult } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { grid } from '@lit-labs/virtualizer/layouts/grid.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';

/*
 * The infinite-scroll grid, loaded only when a grid asks for `infinite` (the virtualizer is
 * 8 kB that a page of 24 products does not need). The page itself scrolls; the virtualizer
 * keeps only the cards near the viewport in the DOM, so 10,000 products cost what 30 do.
 */
const layouts = new Map<number, ReturnType<typeof grid>>();
function layoutFor(itemHeight: number) {
  let layout = layouts.get(itemHeight);
  if (!layout) {
    layout = grid({
      itemSize: { width: '230px', height: `${itemHeight}px` },
      gap: '20px',
      flex: { preserve: 'height' },
      justify: 'start',
    });
    layouts.set(itemHeight, layout);
  }
  return layout;
}

export function renderVirtualGrid<T extends { product: { id: string } }>(
  items: T[],
  renderItem: (item: T) => TemplateResult,
  onRange: (last: number) => void,
  label: string,
  itemHeight: number,
): TemplateResult {
  return html`<div
    class="virtual-grid"
    part="grid"
    role="list"
    aria-label=${label}
    @rangeChanged=${(event: RangeChangedEvent) => onRange(event.last)}
  >
    ${virtualize({
      items,
      layout: layoutFor(itemHeight),
      keyFunction: (item: T) => item.product.id,
      renderItem: (item: T) => html`<div class="item" part="item" role="listitem">${renderItem(item)}</div>`,
    })}
  </div>`;
}
