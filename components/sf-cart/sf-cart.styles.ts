import { css } from 'lit';

/*
 * A quiet cart in the manner of the Xiaomi and Muji stores: white panel, hairlines, square
 * pictures, one red accent for money and the checkout button. Drawer: a panel from the right
 * over a soft shade, the checkout bar pinned at the bottom. Inline: lines on the left and the
 * summary on the right from 720px of the element's own width.
 */
export const cartStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_accent: var(--sf-cart-accent, var(--_primary));
    --_bg: var(--sf-cart-background, var(--_surface));
    --_cart-radius: var(--sf-cart-radius, var(--_radius));
    --_image: var(--sf-cart-image-size, 84px);
    --_checkout-bg: var(--sf-cart-checkout-background, var(--_accent));
    --_checkout-fg: var(--sf-cart-checkout-color, var(--_on-primary));
  }
  /* A drawer takes no room in the page: it lives in the top layer when open. */
  :host(:not([mode='inline'])) {
    display: contents;
  }

  button,
  input {
    font: inherit;
    color: inherit;
  }
  p {
    margin: 0;
  }
  h2,
  h3 {
    margin: 0;
  }
  a {
    color: inherit;
  }

  /* ---------------------------------------------------------------- the drawer */
  dialog.drawer {
    position: fixed;
    inset: 0;
    width: 100%;
    height: 100%;
    max-width: none;
    max-height: none;
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    overflow: hidden;
    font-family: var(--_font);
    font-size: var(--sf-font-size, 15px);
    line-height: 1.5;
    color: var(--_text);
  }
  dialog.drawer::backdrop {
    background: transparent;
  }
  dialog.drawer:not([open]) {
    display: none;
  }
  .backdrop {
    position: absolute;
    inset: 0;
    background: var(--sf-cart-backdrop, rgb(17 20 24 / 45%));
    animation: sf-cart-fade 0.2s ease;
  }
  .panel {
    position: absolute;
    top: 0;
    right: 0;
    bottom: 0;
    display: flex;
    flex-direction: column;
    width: var(--sf-cart-width, min(440px, 100vw));
    max-width: 100vw;
    background: var(--_bg);
    box-shadow: -12px 0 40px rgb(16 24 40 / 16%);
    animation: sf-cart-slide 0.28s cubic-bezier(0.2, 0.8, 0.2, 1);
    container-type: inline-size;
  }
  .scroll {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 4px 20px 24px;
  }
  @keyframes sf-cart-slide {
    from {
      transform: translateX(100%);
    }
  }
  @keyframes sf-cart-fade {
    from {
      opacity: 0;
    }
  }

  /* ---------------------------------------------------------------- header */
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 10px;
    padding: 18px 20px 14px;
    border-bottom: 1px solid var(--_border);
  }
  .inline .header {
    padding: 0 0 14px;
  }
  .heading {
    font-size: 20px;
    font-weight: 600;
    letter-spacing: 0.02em;
    line-height: 1.3;
  }
  .heading:focus {
    outline: none;
  }
  .heading:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .count {
    margin-inline-start: 2px;
    color: var(--_muted);
    font-size: 15px;
    font-weight: 400;
  }
  .member {
    display: flex;
    gap: 6px;
  }
  .badge {
    padding: 1px 8px;
    border-radius: 999px;
    font-size: 12px;
    font-weight: 600;
    line-height: 1.7;
    white-space: nowrap;
  }
  .badge.vip {
    background: linear-gradient(100deg, #3a2b12, #6b4f1d);
    color: #f6dca0;
  }
  .badge.card {
    background: color-mix(in srgb, var(--_success) 12%, var(--_surface));
    color: var(--_success);
  }
  .close {
    margin-inline-start: auto;
    margin-inline-end: -8px;
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 36px;
    height: 36px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
    transition:
      background-color 0.15s ease,
      color 0.15s ease;
  }
  .icon-button:hover {
    background: var(--_subtle);
    color: var(--_text);
  }
  .icon-button svg {
    width: 22px;
    height: 22px;
  }

  /* ---------------------------------------------------------------- layout */
  .inline {
    padding: 24px;
    border: 1px solid var(--_border);
    border-radius: var(--_cart-radius);
    background: var(--_bg);
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 20px;
  }
  .main,
  .aside {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    align-content: start;
    gap: 16px;
    min-width: 0;
  }
  @container (min-width: 860px) {
    .inline .layout {
      grid-template-columns: minmax(0, 1fr) minmax(280px, 340px);
      gap: 32px;
    }
    .inline .summary {
      padding-top: 0;
      border-top: 0;
    }
    .inline .aside {
      position: sticky;
      top: 16px;
      align-self: start;
      padding: 20px;
      border-radius: var(--_cart-radius);
      background: var(--_subtle);
    }
  }
  .notice {
    margin-top: 12px;
  }
  .muted {
    color: var(--_muted);
    font-size: 13px;
  }
  .section-title {
    margin: 0 0 10px;
    padding: 0;
    font-size: 15px;
    font-weight: 600;
  }

  /* ---------------------------------------------------------------- lines */
  .lines-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
    padding: 12px 0 0;
    color: var(--_muted);
    font-size: 13px;
  }
  .link-button {
    padding: 2px 0;
    border: 0;
    background: none;
    color: var(--_muted);
    font-size: 13px;
    text-decoration: underline;
    text-underline-offset: 3px;
    text-decoration-color: color-mix(in srgb, currentColor 40%, transparent);
    cursor: pointer;
  }
  .link-button:hover {
    color: var(--_accent);
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 10px 16px;
    margin-top: 10px;
    padding: 12px 14px;
    border: 1px solid color-mix(in srgb, var(--_danger) 30%, transparent);
    border-radius: var(--_radius-small);
    background: color-mix(in srgb, var(--_danger) 5%, var(--_surface));
    font-size: 14px;
  }
  .confirm-actions {
    display: flex;
    gap: 8px;
  }
  .lines {
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .line {
    display: grid;
    grid-template-columns: var(--_image) minmax(0, 1fr);
    gap: 14px;
    padding: 16px 0;
    border-bottom: 1px solid var(--_border);
  }
  .line:last-child {
    border-bottom: 0;
  }
  .line-media {
    position: relative;
    width: var(--_image);
    height: var(--_image);
    overflow: hidden;
    border-radius: var(--_radius-small);
    background: var(--_subtle);
  }
  .line-media img,
  .line-media .placeholder {
    display: grid;
    place-items: center;
    width: 100%;
    height: 100%;
    object-fit: cover;
    color: color-mix(in srgb, var(--_muted) 60%, transparent);
  }
  .placeholder svg {
    width: 34px;
    height: 34px;
  }
  .seal {
    position: absolute;
    inset: auto 0 0;
    padding: 2px 0;
    background: rgb(31 35 40 / 70%);
    color: #fff;
    font-size: 12px;
    text-align: center;
    letter-spacing: 0.08em;
  }
  .line[data-status='unavailable'] .line-media img,
  .line[data-status='sold-out'] .line-media img,
  .line[data-status='unavailable'] .placeholder,
  .line[data-status='sold-out'] .placeholder {
    filter: grayscale(1);
    opacity: 0.5;
  }
  .line[data-status='unavailable'] .line-title,
  .line[data-status='sold-out'] .line-title {
    color: var(--_muted);
  }
  .line-main {
    display: grid;
    align-content: start;
    gap: 6px;
    min-width: 0;
  }
  .line-top {
    display: flex;
    align-items: flex-start;
    gap: 8px;
  }
  .line-title {
    flex: 1;
    display: -webkit-box;
    overflow: hidden;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    font-size: 15px;
    font-weight: 500;
    line-height: 1.45;
    overflow-wrap: anywhere;
  }
  .line-title a {
    text-decoration: none;
  }
  .line-title a:hover {
    color: var(--_accent);
  }
  .remove {
    width: 30px;
    height: 30px;
    margin: -4px -6px 0 0;
  }
  .remove svg {
    width: 18px;
    height: 18px;
  }
  .remove:hover {
    color: var(--_danger);
  }
  .tag {
    display: inline-block;
    margin-inline-end: 6px;
    padding: 0 5px;
    border-radius: 3px;
    font-size: 11px;
    font-weight: 600;
    line-height: 1.6;
    vertical-align: 2px;
    letter-spacing: 0.04em;
  }
  .tag.flash {
    background: var(--_accent);
    color: var(--_on-primary);
  }
  .tag.add-on {
    border: 1px solid var(--_accent);
    color: var(--_accent);
    line-height: 1.45;
  }
  .line-price {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 2px 8px;
    color: var(--_text);
    font-size: 14px;
    font-variant-numeric: tabular-nums;
  }
  .was {
    color: var(--_muted);
    font-size: 12px;
    font-weight: 400;
  }
  .line-note {
    color: var(--_muted);
    font-size: 12px;
  }
  .line-status {
    color: var(--_muted);
    font-size: 13px;
    font-weight: 600;
  }
  .muted-amount {
    font-weight: 400;
  }
  .line-bottom {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px 12px;
    margin-top: 2px;
  }
  .line-total {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
    line-height: 1.3;
  }
  .line-total .amount {
    color: var(--_accent);
    font-size: 16px;
    font-weight: 700;
  }

  /* ---------------------------------------------------------------- stepper */
  .stepper {
    display: inline-flex;
    align-items: stretch;
    height: 32px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_surface);
  }
  .stepper:focus-within {
    border-color: color-mix(in srgb, var(--_accent) 60%, var(--_border));
  }
  .step {
    display: grid;
    place-items: center;
    width: 32px;
    padding: 0;
    border: 0;
    background: transparent;
    color: var(--_text);
    cursor: pointer;
  }
  .step:first-child {
    border-radius: 5px 0 0 5px;
  }
  .step:last-child {
    border-radius: 0 5px 5px 0;
  }
  .step:hover:not([aria-disabled='true']) {
    background: var(--_subtle);
    color: var(--_accent);
  }
  .step[aria-disabled='true'] {
    color: color-mix(in srgb, var(--_muted) 45%, transparent);
    cursor: not-allowed;
  }
  .step svg {
    width: 16px;
    height: 16px;
  }
  .stepper input {
    width: 44px;
    padding: 0;
    border: 0;
    border-inline: 1px solid var(--_border);
    background: transparent;
    font-size: 14px;
    font-variant-numeric: tabular-nums;
    text-align: center;
  }
  .stepper input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: -1px;
  }
  .stepper input[aria-invalid='true'] {
    color: var(--_danger);
  }
  .stock-left {
    color: var(--_warning);
    font-size: 12px;
    font-weight: 600;
  }
  .line-message {
    font-size: 12px;
    color: var(--_muted);
  }
  .line-message[data-tone='error'] {
    color: var(--_danger);
  }
  .line-alert {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 4px 10px;
    padding: 6px 10px;
    border-radius: 6px;
    background: color-mix(in srgb, var(--_accent) 7%, var(--_surface));
    color: var(--_text);
    font-size: 12px;
  }
  .line-alert.warning {
    background: color-mix(in srgb, var(--_warning) 10%, var(--_surface));
  }
  .line-alert .link-button {
    color: var(--_accent);
    font-size: 12px;
    font-weight: 600;
  }

  /* ---------------------------------------------------------------- promotions */
  .promo {
    display: grid;
    gap: 8px;
    padding: 12px 14px;
    border-radius: var(--_radius-small);
    background: color-mix(in srgb, var(--_accent) 5%, var(--_surface));
    font-size: 13px;
  }
  .promo-text {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .promo-text svg {
    flex: none;
    width: 18px;
    height: 18px;
    color: var(--_accent);
  }
  .promo.done {
    background: color-mix(in srgb, var(--_success) 8%, var(--_surface));
  }
  .promo.done svg {
    color: var(--_success);
  }
  .progress {
    height: 6px;
    overflow: hidden;
    border-radius: 999px;
    background: color-mix(in srgb, var(--_accent) 14%, var(--_surface));
  }
  .progress-fill {
    height: 100%;
    border-radius: inherit;
    background: linear-gradient(90deg, color-mix(in srgb, var(--_accent) 65%, #ff9a3c), var(--_accent));
    transition: width 0.4s ease;
  }
  .add-on {
    grid-template-columns: 48px minmax(0, 1fr);
    align-items: center;
    gap: 12px;
    border: 1px dashed color-mix(in srgb, var(--_accent) 45%, transparent);
  }
  .add-on-mark {
    display: grid;
    place-items: center;
    width: 48px;
    height: 48px;
    overflow: hidden;
    border-radius: 6px;
    background: var(--_surface);
    color: var(--_accent);
  }
  .add-on-mark img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .add-on-mark svg {
    width: 24px;
    height: 24px;
  }
  .add-on-body {
    display: grid;
    gap: 4px;
    min-width: 0;
  }
  .promo-label {
    color: var(--_accent);
    font-size: 12px;
    font-weight: 700;
    letter-spacing: 0.06em;
  }
  .add-on[data-state='applied'] .promo-text svg {
    color: var(--_success);
  }
  .add-on-button {
    justify-self: start;
    max-width: 100%;
    padding: 5px 12px;
    overflow: hidden;
    border: 0;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-primary);
    font-size: 13px;
    font-weight: 600;
    text-overflow: ellipsis;
    white-space: nowrap;
    cursor: pointer;
  }
  .add-on-button:hover {
    background: color-mix(in srgb, var(--_accent) 88%, #000);
  }

  /* ---------------------------------------------------------------- suggestions */
  .suggestions {
    margin-top: 4px;
  }
  .suggest-list {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: 132px;
    gap: 10px;
    margin: 0 -20px;
    padding: 2px 20px 8px;
    overflow-x: auto;
    list-style: none;
    scroll-snap-type: x proximity;
    scroll-padding-inline: 20px;
    scrollbar-width: thin;
  }
  .inline .suggest-list {
    margin: 0;
    padding: 2px 0 8px;
    scroll-padding-inline: 0;
  }
  .suggest {
    display: grid;
    grid-template-rows: auto 1fr auto;
    gap: 6px;
    padding: 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    scroll-snap-align: start;
  }
  .suggest-media {
    display: grid;
    place-items: center;
    aspect-ratio: 1;
    overflow: hidden;
    border-radius: 6px;
    background: var(--_subtle);
    color: var(--_muted);
  }
  .suggest-media img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .suggest-media svg {
    width: 28px;
    height: 28px;
  }
  .suggest-title {
    display: -webkit-box;
    overflow: hidden;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    font-size: 12px;
    line-height: 1.4;
  }
  .suggest-row {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 4px;
  }
  .suggest-price {
    color: var(--_accent);
    font-size: 13px;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .suggest-add {
    display: grid;
    place-items: center;
    width: 26px;
    height: 26px;
    padding: 0;
    border: 1px solid var(--_accent);
    border-radius: 50%;
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
  }
  .suggest-add:hover:not([aria-disabled='true']) {
    background: var(--_accent);
    color: var(--_on-primary);
  }
  .suggest-add[aria-disabled='true'] {
    opacity: 0.5;
    cursor: progress;
  }
  .suggest-add svg {
    width: 14px;
    height: 14px;
  }

  /* ---------------------------------------------------------------- summary */
  .summary {
    padding-top: 16px;
    border-top: 1px solid var(--_border);
  }
  .sum-rows {
    display: grid;
    gap: 8px;
    margin: 0;
    font-size: 14px;
  }
  .sum-row {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 12px;
  }
  .sum-row dt {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 8px;
    color: var(--_muted);
  }
  .sum-row dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
    text-align: end;
    white-space: nowrap;
  }
  .sum-note {
    color: var(--_success);
    font-size: 12px;
  }
  .adjustments-row dd {
    flex: 1;
    white-space: normal;
  }
  .adjustments {
    display: grid;
    gap: 6px;
    margin: 0;
    padding: 8px 10px;
    border-radius: 6px;
    background: color-mix(in srgb, var(--_accent) 4%, var(--_subtle));
    list-style: none;
    font-size: 13px;
  }
  .inline .aside .adjustments {
    background: var(--_surface);
  }
  .adjustment {
    display: flex;
    justify-content: space-between;
    gap: 12px;
    text-align: start;
  }
  .adj-label {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .adj-amount {
    flex: none;
    color: var(--_accent);
    font-variant-numeric: tabular-nums;
  }
  .adjustment[data-kind='floor'] .adj-amount {
    color: var(--_muted);
  }
  .sum-row.discount dd {
    color: var(--_accent);
  }
  .total-row {
    align-items: center;
    margin-top: 6px;
    padding-top: 12px;
    border-top: 1px dashed var(--_border);
  }
  .total-row dt {
    color: var(--_text);
    font-weight: 600;
  }
  .total {
    color: var(--_accent);
    font-size: 24px;
    font-weight: 700;
    letter-spacing: -0.01em;
  }
  .saved {
    margin-top: 2px;
    color: var(--_accent);
    font-size: 12px;
    text-align: end;
  }

  /* ---------------------------------------------------------------- payment, contact */
  .payment {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .payment legend {
    float: left;
    width: 100%;
  }
  .methods {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 8px;
    clear: both;
  }
  .method {
    position: relative;
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 44px;
    padding: 8px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    font-size: 14px;
    cursor: pointer;
    transition:
      border-color 0.15s ease,
      box-shadow 0.15s ease;
  }
  .method:hover {
    border-color: color-mix(in srgb, var(--_accent) 45%, var(--_border));
  }
  .method:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    background: color-mix(in srgb, var(--_accent) 4%, var(--_surface));
  }
  .method:has(input:focus-visible) {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .method input {
    position: absolute;
    opacity: 0;
    pointer-events: none;
  }
  .method-mark {
    flex: none;
    width: 24px;
    height: 24px;
  }
  .method-title {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .method-check {
    flex: none;
    width: 16px;
    height: 16px;
    color: var(--_accent);
    visibility: hidden;
  }
  .method:has(input:checked) .method-check {
    visibility: visible;
  }
  .contact {
    display: grid;
    gap: 6px;
    font-size: 14px;
  }
  .contact label {
    font-weight: 600;
  }
  .contact label .muted {
    font-weight: 400;
  }
  .contact input {
    height: 40px;
    padding: 0 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    font-size: 14px;
  }
  .contact input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: -1px;
    border-color: transparent;
  }
  .contact input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field-error {
    color: var(--_danger);
    font-size: 12px;
  }

  /* ---------------------------------------------------------------- checkout */
  .footer {
    display: grid;
    gap: 10px;
    padding: 14px 20px calc(16px + env(safe-area-inset-bottom, 0px));
    border-top: 1px solid var(--_border);
    background: var(--_bg);
    box-shadow: 0 -8px 24px rgb(16 24 40 / 6%);
  }
  .footer-total {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 8px;
    font-size: 14px;
  }
  .footer-amount {
    color: var(--_accent);
    font-size: 22px;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .footer-total .saved {
    margin: 0 0 0 auto;
  }
  .checkout-box {
    display: grid;
    gap: 8px;
  }
  .checkout-box .notice {
    margin: 0;
  }
  .checkout {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    width: 100%;
    min-height: 48px;
    padding: 10px 20px;
    border: 0;
    border-radius: var(--sf-cart-checkout-radius, 999px);
    background: var(--_checkout-bg);
    color: var(--_checkout-fg);
    font-size: 16px;
    font-weight: 600;
    letter-spacing: 0.04em;
    font-variant-numeric: tabular-nums;
    cursor: pointer;
    transition:
      background-color 0.15s ease,
      transform 0.1s ease;
  }
  .checkout:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_checkout-bg) 88%, #000);
  }
  .checkout:active:not(:disabled) {
    transform: scale(0.99);
  }
  .checkout[aria-disabled='true'] {
    cursor: progress;
    background: color-mix(in srgb, var(--_checkout-bg) 80%, var(--_surface));
  }
  .checkout:disabled {
    background: var(--_subtle);
    color: var(--_muted);
    box-shadow: inset 0 0 0 1px var(--_border);
    cursor: not-allowed;
  }
  .checkout-reason {
    color: var(--_danger);
    font-size: 12px;
    text-align: center;
  }
  .button-spinner {
    width: 16px;
    height: 16px;
    border: 2px solid color-mix(in srgb, var(--_checkout-fg) 40%, transparent);
    border-top-color: var(--_checkout-fg);
    border-radius: 50%;
    animation: sf-spin 0.8s linear infinite;
  }
  ::slotted([slot='footer']) {
    color: var(--_muted);
    font-size: 12px;
  }

  /* ---------------------------------------------------------------- pills */
  .pill-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 36px;
    padding: 6px 18px;
    border: 1px solid var(--_accent);
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-primary);
    font-size: 14px;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  .pill-button:hover {
    background: color-mix(in srgb, var(--_accent) 88%, #000);
  }
  .pill-button.ghost {
    border-color: var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  .pill-button.ghost:hover {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .pill-button.danger {
    border-color: var(--_danger);
    background: var(--_danger);
  }

  /* ---------------------------------------------------------------- empty, success */
  .empty,
  .success {
    display: grid;
    justify-items: center;
    gap: 8px;
    padding: 56px 16px;
    text-align: center;
  }
  .empty-mark {
    display: grid;
    place-items: center;
    width: 84px;
    height: 84px;
    margin-bottom: 8px;
    border-radius: 50%;
    background: var(--_subtle);
    color: color-mix(in srgb, var(--_muted) 70%, transparent);
  }
  .empty-mark svg {
    width: 40px;
    height: 40px;
  }
  .empty-title,
  .success-title {
    font-size: 17px;
    font-weight: 600;
  }
  .success-title:focus {
    outline: none;
  }
  .empty-body,
  .success-body {
    max-width: 30em;
    margin-bottom: 8px;
    color: var(--_muted);
    font-size: 14px;
  }
  .success-mark {
    width: 64px;
    height: 64px;
    color: var(--_success);
  }
  .order-number {
    display: grid;
    gap: 2px;
    padding: 10px 20px;
    border-radius: var(--_radius-small);
    background: var(--_subtle);
    color: var(--_muted);
    font-size: 13px;
  }
  .order-number strong {
    color: var(--_text);
    font-size: 20px;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.06em;
    user-select: all;
  }
  .success-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: 10px 14px;
  }

  /* ---------------------------------------------------------------- toast */
  .toast-region {
    position: sticky;
    bottom: 12px;
    z-index: 1;
    display: grid;
    justify-items: center;
    pointer-events: none;
  }
  .toast-dock {
    position: relative;
    z-index: 1;
    height: 0;
  }
  .toast-dock .toast-region {
    position: absolute;
    inset: auto 16px 16px;
  }
  .toast {
    display: flex;
    align-items: center;
    gap: 10px;
    max-width: 100%;
    margin-top: 12px;
    padding: 6px 6px 6px 16px;
    border-radius: 999px;
    background: #23262b;
    color: #fff;
    font-size: 14px;
    box-shadow: 0 8px 24px rgb(16 24 40 / 22%);
    pointer-events: auto;
    animation: sf-cart-rise 0.2s ease;
  }
  .toast[data-tone='error'] {
    background: var(--_danger);
  }
  .toast-text {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .toast-undo {
    flex: none;
    padding: 4px 12px;
    border: 0;
    border-radius: 999px;
    background: rgb(255 255 255 / 14%);
    color: #ffd7a8;
    font-weight: 600;
    cursor: pointer;
  }
  .toast-undo:hover {
    background: rgb(255 255 255 / 24%);
  }
  .toast-close {
    width: 28px;
    height: 28px;
    color: rgb(255 255 255 / 75%);
  }
  .toast-close:hover {
    background: rgb(255 255 255 / 14%);
    color: #fff;
  }
  .toast-close svg {
    width: 16px;
    height: 16px;
  }
  @keyframes sf-cart-rise {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }

  /* ---------------------------------------------------------------- loading */
  .skeleton {
    display: grid;
    gap: 18px;
    padding: 16px 0;
  }
  .skeleton-line {
    display: grid;
    grid-template-columns: var(--_image) 1fr;
    gap: 14px;
  }
  .skeleton-text {
    display: grid;
    align-content: start;
    gap: 10px;
  }
  .shimmer {
    border-radius: 6px;
    background:
      linear-gradient(90deg, transparent 0%, color-mix(in srgb, var(--_surface) 65%, transparent) 50%, transparent 100%) 0 0 /
        200% 100% no-repeat,
      color-mix(in srgb, var(--_border) 55%, var(--_subtle));
    animation: sf-shimmer 1.4s ease-in-out infinite;
  }
  .shimmer.image {
    height: var(--_image);
    border-radius: var(--_radius-small);
  }
  .shimmer.text {
    height: 13px;
  }
  .shimmer.long {
    width: 86%;
  }
  .shimmer.short {
    width: 50%;
  }
  .shimmer.price {
    width: 30%;
    height: 18px;
  }
  @media (prefers-reduced-motion: reduce) {
    .panel,
    .backdrop,
    .toast {
      animation: none;
    }
    .shimmer {
      animation: none;
    }
  }

  /* ---------------------------------------------------------------- narrow */
  @container (max-width: 360px) {
    .scroll {
      padding-inline: 14px;
    }
    .header,
    .footer {
      padding-inline: 14px;
    }
    .suggest-list {
      margin-inline: -14px;
      padding-inline: 14px;
    }
    .line {
      --_image: var(--sf-cart-image-size, 64px);
      gap: 10px;
    }
    .methods {
      grid-template-columns: 1fr;
    }
  }
`;
