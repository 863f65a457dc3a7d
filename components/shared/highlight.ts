import { html, type TemplateResult } from 'lit';
import { matchRanges, splitByRanges } from '../../src/search/highlight.js';

/**
 * `text` with the stretches matching `terms` wrapped in `<mark part="highlight">`. The text
 * goes in through Lit text bindings: a product title holding markup shows as text.
 */
export function renderHighlighted(text: string, terms: readonly string[] | undefined): TemplateResult | string {
  if (!terms || terms.length === 0) return text;
  const pieces = splitByRanges(text, matchRanges(text, terms));
  return html`${pieces.map((piece) => (piece.match ? html`<mark part="highlight">${piece.text}</mark>` : piece.text))}`;
}
