import { css } from 'lit';

/*
 * A pill button in the kit's red, like the 加入购物车 button of a Chinese shop, with an optional
 * stepper of the same height before it; one short status line below for what happened.
 */
export const addToCartStyles = css`
  :host {
    display: inline-block;
    vertical-align: top;
    width: var(--sf-add-to-cart-width, auto);
    max-width: 100%;
    --_bg: var(--sf-add-to-cart-background, var(--_primary));
    --_fg: var(--sf-add-to-cart-color, var(--_on-primary));
    --_r: var(--sf-add-to-cart-radius, 999px);
    --_h: var(--sf-add-to-cart-height, 42px);
    --_ok: var(--sf-add-to-cart-success-color, var(--_success));
  }
  :host > .status {
    font-size: 13px;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 10px;
  }

  /* ---------------------------------------------------------------- the button */
  button[part='button'] {
    position: relative;
    display: inline-flex;
    flex: 1 1 auto;
    align-items: center;
    justify-content: center;
    gap: 7px;
    min-width: 9.5em;
    min-height: var(--_h);
    padding: 6px var(--sf-add-to-cart-padding, 22px);
    border: 0;
    border-radius: var(--_r);
    background: var(--_bg);
    color: var(--_fg);
    font-size: var(--sf-add-to-cart-font-size, 15px);
    font-weight: var(--sf-add-to-cart-font-weight, 600);
    line-height: 1.3;
    letter-spacing: 0.04em;
    white-space: nowrap;
    cursor: pointer;
    box-shadow: 0 1px 2px color-mix(in srgb, var(--_bg) 30%, transparent);
    transition:
      box-shadow 0.2s ease,
      transform 0.1s ease;
  }
  /* Colours change at once between states (never half-way and hard to read), softly under the pointer. */
  button[part='button']:hover:not(:disabled, [aria-disabled='true']) {
    transition:
      background-color 0.15s ease,
      box-shadow 0.2s ease,
      transform 0.1s ease;
    background: color-mix(in srgb, var(--_bg) 88%, #000);
    box-shadow: 0 4px 14px color-mix(in srgb, var(--_bg) 32%, transparent);
  }
  button[part='button']:active:not(:disabled, [aria-disabled='true']) {
    transform: scale(0.97);
  }
  button[part='button'][data-state='adding'] {
    cursor: progress;
    background: color-mix(in srgb, var(--_bg) 82%, var(--_surface));
  }
  /* Waiting for the product: the usual colours under a slow sheen, so nothing jumps when it is ready. */
  button[part='button'][data-state='loading'] {
    overflow: hidden;
    cursor: progress;
  }
  button[part='button'][data-state='loading']::after {
    content: '';
    position: absolute;
    inset: 0;
    background: linear-gradient(100deg, transparent 30%, rgb(255 255 255 / 22%) 50%, transparent 70%);
    background-size: 250% 100%;
    animation: sf-sheen 1.6s ease-in-out infinite;
  }
  @keyframes sf-sheen {
    from {
      background-position: 120% 0;
    }
    to {
      background-position: -120% 0;
    }
  }
  button[part='button'][data-state='added'],
  button[part='button'][data-state='added']:hover {
    background: var(--_ok);
    box-shadow: 0 2px 10px color-mix(in srgb, var(--_ok) 30%, transparent);
  }
  button[part='button']:disabled {
    background: var(--_subtle);
    color: var(--_muted);
    cursor: not-allowed;
    box-shadow: inset 0 0 0 1px var(--_border);
    letter-spacing: 0.06em;
  }
  .icon {
    width: 18px;
    height: 18px;
    flex: none;
  }
  .check {
    animation: sf-pop 0.3s cubic-bezier(0.3, 1.6, 0.6, 1);
  }
  @keyframes sf-pop {
    from {
      transform: scale(0.3);
      opacity: 0;
    }
  }
  slot {
    display: contents;
  }
  .spinner {
    width: 15px;
    height: 15px;
    flex: none;
    border: 2px solid color-mix(in srgb, currentColor 35%, transparent);
    border-top-color: currentColor;
    border-radius: 50%;
    animation: sf-spin 0.8s linear infinite;
  }

  /* ---------------------------------------------------------------- the stepper */
  .stepper {
    display: inline-flex;
    flex: none;
    align-items: stretch;
    height: var(--_h);
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_r);
    background: var(--_surface);
  }
  .stepper:focus-within {
    border-color: color-mix(in srgb, var(--_bg) 55%, var(--_border));
  }
  .step {
    display: grid;
    place-items: center;
    width: 38px;
    padding: 0;
    border: 0;
    background: transparent;
    color: var(--_text);
    cursor: pointer;
  }
  .step svg {
    width: 14px;
    height: 14px;
  }
  .step:hover:not([aria-disabled='true']) {
    background: var(--_subtle);
    color: var(--_bg);
  }
  .step[aria-disabled='true'] {
    color: color-mix(in srgb, var(--_muted) 45%, transparent);
    cursor: not-allowed;
  }
  .step:focus-visible,
  .stepper input:focus-visible {
    outline-offset: -3px;
  }
  .stepper input {
    width: 3.2em;
    min-width: 0;
    padding: 0;
    border: 0;
    border-inline: 1px solid var(--_border);
    background: transparent;
    color: var(--_text);
    font: inherit;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    text-align: center;
    appearance: textfield;
    -moz-appearance: textfield;
  }
  .stepper input::-webkit-inner-spin-button,
  .stepper input::-webkit-outer-spin-button {
    margin: 0;
    appearance: none;
  }
  .stepper input:disabled {
    color: var(--_muted);
  }

  /* ---------------------------------------------------------------- the status line */
  /* The status line never widens the element (a long message would stretch the button): it
     takes the button's width, at least 18em, and wraps. */
  .status {
    display: grid;
    gap: 4px;
    width: 0;
    min-width: 100%;
  }
  .status:has(.text) {
    min-width: max(100%, 18em);
  }
  .line {
    display: flex;
    align-items: flex-start;
    gap: 6px;
    margin: 0;
    color: var(--_muted);
    line-height: 1.45;
  }
  .line:empty {
    display: none;
  }
  .status:has(.text) {
    margin-top: 8px;
  }
  .line .text {
    overflow-wrap: anywhere;
  }
  .line[data-tone='warning'] {
    color: var(--_warning);
  }
  .line[data-tone='error'] {
    color: var(--_danger);
  }
  .line[data-tone='success'] {
    color: var(--_success);
  }
  .line strong {
    font-weight: 600;
  }
  .status-icon {
    width: 16px;
    height: 16px;
    flex: none;
    margin-top: 1px;
  }
  .retry {
    margin-inline-start: 6px;
    vertical-align: 1px;
    padding: 0 10px;
    border: 1px solid currentColor;
    border-radius: 999px;
    background: var(--_surface);
    color: inherit;
    font-size: 12px;
    line-height: 20px;
    cursor: pointer;
  }
  .retry:hover {
    background: color-mix(in srgb, currentColor 8%, var(--_surface));
  }
`;
