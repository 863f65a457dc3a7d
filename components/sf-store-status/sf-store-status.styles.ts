import { css } from 'lit';

export const storeStatusStyles = css`
  :host {
    display: block;
  }
  .status {
    position: relative;
    display: flex;
    align-items: center;
    gap: 10px;
    flex-wrap: wrap;
    padding: var(--sf-store-status-padding, 10px 14px);
    border: 1px solid var(--_border);
    border-radius: var(--sf-store-status-radius, 999px);
    background: var(--sf-store-status-background, var(--_surface));
    width: fit-content;
    max-width: 100%;
  }
  .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--_success);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_success) 20%, transparent);
  }
  .dot[data-persistent='false'] {
    background: var(--_warning);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_warning) 20%, transparent);
  }
  .label {
    font-weight: 600;
  }
  .label,
  .count,
  .storage {
    white-space: nowrap;
  }
  :host([compact]) .status {
    padding: var(--sf-store-status-padding, 6px 12px);
  }
  .spinner.small {
    width: 12px;
    height: 12px;
    margin: 0;
  }
  :host([compact]) .count::before {
    content: none;
  }
  .count,
  .storage {
    color: var(--_muted);
  }
  .count::before,
  .storage::before {
    content: '·';
    margin-inline-end: 10px;
    color: var(--_border);
  }
`;
