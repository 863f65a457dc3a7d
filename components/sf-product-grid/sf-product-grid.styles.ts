import { css } from 'lit';

export const productGridStyles = css`
  :host {
    display: block;
    --_gap: var(--sf-product-grid-gap, 20px);
    --_min: var(--sf-product-grid-min-column, 220px);
  }
  .toolbar {
    display: grid;
    gap: 12px;
    margin-block-end: 20px;
  }
  .search-summary {
    overflow-wrap: anywhere;
    min-width: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 14px;
    font-size: 1.15em;
    font-weight: 600;
  }
  .link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font-size: 0.85em;
    font-weight: 500;
    cursor: pointer;
    text-decoration: underline;
    text-underline-offset: 3px;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .filters-label {
    min-width: 3em;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .chip {
    padding: 5px 14px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--sf-product-grid-chip-background, var(--_surface));
    color: var(--_text);
    font-size: 0.92em;
    cursor: pointer;
    transition:
      background 0.15s,
      border-color 0.15s,
      color 0.15s;
  }
  .chip:hover {
    border-color: var(--_primary);
    color: var(--_primary);
  }
  .chip[aria-pressed='true'] {
    border-color: transparent;
    background: var(--sf-product-grid-chip-active-background, var(--_primary));
    color: var(--_on-primary);
  }
  .toolbar-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px 16px;
  }
  .toolbar-row[data-separated] {
    padding-block-start: 12px;
    border-top: 1px solid var(--_border);
  }
  .count {
    margin: 0;
    color: var(--_muted);
    font-size: 0.92em;
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    color: var(--_muted);
    font-size: 0.92em;
  }
  select {
    padding: 6px 30px 6px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface)
      url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 12 12'%3E%3Cpath d='m3 4.5 3 3 3-3' fill='none' stroke='%23646b75' stroke-width='1.5'/%3E%3C/svg%3E")
      no-repeat right 10px center / 12px;
    color: var(--_text);
    font: inherit;
    appearance: none;
    cursor: pointer;
  }
  .notice {
    margin-block-end: 16px;
  }
  .body[aria-busy='true'] .grid {
    opacity: 0.55;
    transition: opacity 0.2s 0.15s;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(var(--_min), 100%), 1fr));
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    display: block;
    min-width: 0;
  }
  .item > sf-product-card {
    height: 100%;
  }
  .virtual-grid {
    display: block;
    min-height: 400px;
  }
  .virtual-grid .item {
    overflow: hidden;
  }
  .skeleton {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow: hidden;
  }
  .skeleton-image,
  .skeleton-line {
    background: linear-gradient(
      90deg,
      var(--_subtle) 0%,
      color-mix(in srgb, var(--_border) 60%, var(--_subtle)) 50%,
      var(--_subtle) 100%
    );
    background-size: 200% 100%;
    animation: sf-grid-shimmer 1.3s ease-in-out infinite;
  }
  .skeleton-image {
    aspect-ratio: 1;
  }
  .skeleton-line {
    height: 14px;
    margin: 14px 16px 0;
    border-radius: 4px;
  }
  .skeleton-line.short {
    width: 40%;
    margin-block-end: 18px;
  }
  @keyframes sf-grid-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  .pagination {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    align-items: center;
    gap: 6px;
    margin-block-start: 28px;
  }
  .page {
    min-width: 38px;
    height: 38px;
    padding: 0 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .page:hover:not([aria-disabled='true']) {
    border-color: var(--_primary);
    color: var(--_primary);
  }
  .page[aria-current='page'] {
    border-color: var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  .page[aria-disabled='true'] {
    opacity: 0.4;
    cursor: default;
  }
  .step {
    font-size: 1.2em;
  }
  .gap {
    padding: 0 4px;
    color: var(--_muted);
  }
  .more {
    display: flex;
    justify-content: center;
    align-items: center;
    gap: 10px;
    min-height: 56px;
    margin-block-start: 16px;
    color: var(--_muted);
    font-size: 0.92em;
  }
  .more .notice {
    width: 100%;
  }
`;
