import { css } from 'lit';

/* A quiet header icon, with the count in a red pill on its shoulder: the one thing that asks to be seen. */
export const cartButtonStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    --_size: var(--sf-cart-button-size, 42px);
    --_fg: var(--sf-cart-button-color, var(--_text));
    --_badge-bg: var(--sf-cart-button-badge-background, var(--_primary));
    --_badge-fg: var(--sf-cart-button-badge-color, var(--_on-primary));
  }

  /* The part selector outranks the base styles' ":host > *" text colour. */
  button[part='button'] {
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    min-width: var(--_size);
    height: var(--_size);
    padding: 0;
    border: var(--sf-cart-button-border, 0);
    border-radius: var(--sf-cart-button-radius, 999px);
    background: var(--sf-cart-button-background, transparent);
    color: var(--_fg);
    line-height: 1;
    cursor: pointer;
    transition:
      background-color 0.15s ease,
      color 0.15s ease;
  }
  button[data-labelled='true'] {
    padding: 0 16px 0 12px;
  }
  button[part='button']:hover {
    background: var(--sf-cart-button-hover-background, var(--_subtle));
  }
  button:active .icon {
    transform: scale(0.92);
  }

  .icon-wrap {
    position: relative;
    display: inline-grid;
    place-items: center;
  }
  .icon {
    width: var(--sf-cart-button-icon-size, 24px);
    height: var(--sf-cart-button-icon-size, 24px);
    transition: transform 0.1s ease;
  }
  button[data-loading='true'] .icon {
    opacity: 0.75;
  }

  .badge {
    position: absolute;
    top: -7px;
    left: calc(100% - 9px);
    display: inline-grid;
    place-items: center;
    min-width: 18px;
    height: 18px;
    padding: 0 5px;
    border-radius: 999px;
    background: var(--_badge-bg);
    color: var(--_badge-fg);
    font-size: 11px;
    font-weight: 700;
    line-height: 1;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0;
    white-space: nowrap;
    /* A ring of the page's colour keeps the pill apart from the icon. */
    box-shadow: 0 0 0 2px var(--sf-cart-button-badge-ring, var(--_surface));
  }
  .badge::after {
    content: attr(data-count);
  }
  .badge[hidden] {
    display: none;
  }
  .badge[data-wide='false'] {
    padding: 0;
    width: 18px;
  }

  .problem-dot {
    position: absolute;
    top: -3px;
    right: -3px;
    width: 9px;
    height: 9px;
    border-radius: 50%;
    background: var(--_warning);
    box-shadow: 0 0 0 2px var(--_surface);
  }

  .label {
    font-size: 15px;
    font-weight: 500;
    white-space: nowrap;
  }
  /* With a label the count follows it, in line: "购物车 3". */
  button[data-labelled='true'] .badge {
    position: static;
    margin-inline-start: -2px;
    box-shadow: none;
  }
`;
