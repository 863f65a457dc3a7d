import { css } from 'lit';

/*
 * A clean, quiet card in the manner of the Xiaomi and Muji stores: white surface, hairline
 * border, generous picture, one red accent for what sells (price, sale, badge, button).
 * Vertical when narrow; picture on the left from 520px of the card's own width.
 */
export const productCardStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_accent: var(--sf-product-card-accent, var(--_primary));
    --_card-bg: var(--sf-product-card-background, var(--_surface));
    --_card-border: var(--sf-product-card-border-color, var(--_border));
    --_card-radius: var(--sf-product-card-radius, var(--_radius));
    --_pad: var(--sf-product-card-padding, 16px);
    --_price: var(--sf-product-card-price-color, var(--_accent));
    --_image-bg: var(--sf-product-card-image-background, var(--_subtle));
    --_star: var(--sf-product-card-star-color, #f5a524);
    --_button-bg: var(--sf-product-card-button-background, var(--_accent));
    --_button-fg: var(--sf-product-card-button-color, var(--_on-primary));
  }

  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    height: 100%;
    overflow: hidden;
    border: 1px solid var(--_card-border);
    border-radius: var(--_card-radius);
    background: var(--_card-bg);
    box-shadow: var(--sf-product-card-shadow, 0 1px 2px rgb(16 24 40 / 4%));
    transition:
      box-shadow 0.2s ease,
      border-color 0.2s ease;
  }
  .card:not(.skeleton):hover {
    border-color: color-mix(in srgb, var(--_card-border) 60%, var(--_muted));
    box-shadow: var(--sf-product-card-shadow-hover, 0 10px 28px rgb(16 24 40 / 9%));
  }

  /* ---------------------------------------------------------------- picture */
  .media {
    position: relative;
    flex: none;
    aspect-ratio: var(--sf-product-card-image-ratio, 1 / 1);
    overflow: hidden;
    background: var(--_image-bg);
  }
  /* Out of flow, so the frame's size comes from its aspect ratio alone: nothing jumps. */
  .media > .media-link,
  .media > img,
  .media > .placeholder,
  .media > .shimmer {
    position: absolute;
    inset: 0;
  }
  .media-link {
    display: block;
  }
  .media img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: var(--sf-product-card-image-fit, cover);
    transition: transform 0.4s ease;
  }
  .card:hover .media img {
    transform: scale(1.03);
  }
  .card[data-sold-out='true'] .media img,
  .card[data-sold-out='true'] .placeholder {
    filter: grayscale(0.85);
    opacity: 0.55;
  }
  .placeholder {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 8px;
    width: 100%;
    height: 100%;
    color: color-mix(in srgb, var(--_muted) 70%, transparent);
    background:
      radial-gradient(circle at 30% 25%, color-mix(in srgb, var(--_surface) 80%, transparent), transparent 55%),
      repeating-linear-gradient(135deg, transparent 0 14px, color-mix(in srgb, var(--_border) 45%, transparent) 14px 15px),
      var(--_image-bg);
    font-size: 13px;
    letter-spacing: 0.08em;
  }
  .placeholder svg {
    width: 56px;
    height: 56px;
    opacity: 0.8;
  }
  .badge {
    position: absolute;
    top: 12px;
    left: 12px;
    padding: 3px 9px;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-primary);
    font-size: 13px;
    font-weight: 700;
    line-height: 1.4;
    font-variant-numeric: tabular-nums;
    box-shadow: 0 2px 8px color-mix(in srgb, var(--_accent) 35%, transparent);
  }
  .sold-out-seal {
    position: absolute;
    top: 50%;
    left: 50%;
    display: grid;
    place-items: center;
    width: 84px;
    height: 84px;
    border-radius: 50%;
    background: rgb(31 35 40 / 72%);
    color: #fff;
    font-size: 15px;
    font-weight: 600;
    letter-spacing: 0.1em;
    transform: translate(-50%, -50%);
  }

  /* ---------------------------------------------------------------- text column */
  .body {
    display: flex;
    flex: 1;
    flex-direction: column;
    gap: 8px;
    min-width: 0;
    padding: var(--_pad);
  }
  .title {
    display: -webkit-box;
    margin: 0;
    overflow: hidden;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    color: var(--_text);
    font-size: var(--sf-product-card-title-size, 15px);
    font-weight: 600;
    line-height: 1.45;
    overflow-wrap: anywhere;
  }
  .title.untitled {
    color: var(--_muted);
    font-weight: 500;
  }
  .title a {
    color: inherit;
    text-decoration: none;
  }
  .title a:hover {
    color: var(--_accent);
  }
  .title a:focus-visible {
    border-radius: 2px;
  }
  mark {
    padding: 0 1px;
    border-radius: 2px;
    background: color-mix(in srgb, var(--_accent) 14%, transparent);
    color: inherit;
  }
  .description {
    display: none;
    margin: 0;
    color: var(--_muted);
    font-size: 14px;
    line-height: 1.6;
  }

  /* ---------------------------------------------------------------- rating */
  .rating {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 2px 6px;
    color: var(--_muted);
    font-size: 13px;
    font-variant-numeric: tabular-nums;
  }
  .stars {
    position: relative;
    display: inline-block;
    width: 70px;
    height: 14px;
    flex: none;
  }
  .stars svg {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
  }
  .stars-base {
    fill: color-mix(in srgb, var(--_border) 85%, var(--_muted));
  }
  .stars-fill {
    fill: var(--_star);
  }
  .score {
    color: var(--_text);
    font-weight: 600;
  }
  .score,
  .reviews {
    white-space: nowrap;
  }
  .dot {
    color: color-mix(in srgb, var(--_muted) 50%, transparent);
  }

  /* ---------------------------------------------------------------- price */
  .prices {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 10px;
    margin-top: 2px;
  }
  .prices p {
    margin: 0;
  }
  .price {
    color: var(--_price);
    font-size: var(--sf-product-card-price-size, 24px);
    font-weight: 700;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
    letter-spacing: -0.01em;
  }
  .price .symbol,
  .group-price .symbol {
    margin-inline-end: 1px;
    font-size: 0.62em;
    font-weight: 600;
  }
  .price .fraction,
  .group-price .fraction {
    font-size: 0.62em;
  }
  .price.missing {
    color: var(--_muted);
    font-size: 16px;
    font-weight: 600;
  }
  .was {
    color: var(--_muted);
    font-size: 13px;
    font-variant-numeric: tabular-nums;
  }
  .was s {
    text-decoration-thickness: 1px;
  }
  .saving {
    padding: 1px 7px;
    border: 1px solid color-mix(in srgb, var(--_accent) 45%, transparent);
    border-radius: 4px;
    color: var(--_accent);
    font-size: 12px;
    font-weight: 600;
    line-height: 1.5;
    white-space: nowrap;
  }

  /* ---------------------------------------------------------------- stock, shipping */
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 12px;
    font-size: 13px;
  }
  .stock {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    color: var(--_muted);
  }
  .stock-dot {
    width: 6px;
    height: 6px;
    border-radius: 50%;
    background: var(--_success);
  }
  .stock[data-state='low'] {
    color: var(--_warning);
    font-weight: 600;
  }
  .stock[data-state='low'] .stock-dot {
    background: var(--_warning);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_warning) 18%, transparent);
  }
  .stock[data-state='sold-out'] {
    color: var(--_muted);
  }
  .stock[data-state='sold-out'] .stock-dot {
    background: var(--_muted);
  }
  .shipping {
    padding: 0 6px;
    border-radius: 4px;
    background: color-mix(in srgb, var(--_success) 10%, var(--_surface));
    color: color-mix(in srgb, var(--_success) 80%, black);
    font-size: 12px;
    line-height: 1.6;
  }

  /* ---------------------------------------------------------------- flash sale bar */
  .countdown {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 4px 8px;
    padding: 7px 10px;
    border-radius: var(--_radius-small);
    background: linear-gradient(100deg, var(--_accent), color-mix(in srgb, var(--_accent) 78%, #ff7a1a));
    color: var(--_on-primary);
    font-size: 13px;
    line-height: 1.4;
  }
  .countdown .sep {
    display: none;
  }
  .sale-label {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    font-weight: 700;
    letter-spacing: 0.04em;
  }
  .sale-label svg {
    width: 14px;
    height: 14px;
  }
  .ends {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
    font-variant-numeric: tabular-nums;
  }
  .clock {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    font-weight: 700;
  }
  .digit {
    min-width: 22px;
    padding: 1px 3px;
    border-radius: 4px;
    background: var(--_on-primary);
    color: var(--_accent);
    text-align: center;
  }
  .days {
    font-weight: 700;
  }
  .countdown.upcoming {
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
    color: var(--_text);
  }
  .countdown.upcoming .sale-label {
    color: var(--_accent);
  }
  .countdown.upcoming .ends {
    color: var(--_muted);
  }

  /* ---------------------------------------------------------------- group buy */
  .group {
    display: grid;
    gap: 8px;
    padding: 10px 12px;
    border-radius: var(--_radius-small);
    background: color-mix(in srgb, var(--_accent) 6%, var(--_surface));
    font-size: 13px;
  }
  .group-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
  }
  .group-tag {
    padding: 0 6px;
    border-radius: 4px;
    background: var(--_accent);
    color: var(--_on-primary);
    font-size: 12px;
    font-weight: 600;
    line-height: 1.6;
  }
  .group-price {
    color: var(--_accent);
    font-size: 18px;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .group-price-label {
    font-size: 13px;
    font-weight: 600;
  }
  .group-status {
    color: var(--_accent);
    font-weight: 600;
  }
  .group-status[data-reached='true'] {
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
    background: linear-gradient(90deg, color-mix(in srgb, var(--_accent) 70%, #ff9a3c), var(--_accent));
    transition: width 0.4s ease;
  }
  .group[data-open='false'] .progress-fill {
    background: var(--_muted);
  }
  .group-line {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 2px 12px;
    font-variant-numeric: tabular-nums;
  }
  .group-line.muted {
    margin-top: -4px;
    color: var(--_muted);
    font-size: 12px;
  }

  /* ---------------------------------------------------------------- add to cart */
  .actions {
    display: grid;
    gap: 6px;
    margin-top: auto;
    padding-top: 4px;
  }
  button[part='button'] {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    width: 100%;
    min-height: 42px;
    padding: 8px 20px;
    border: 0;
    border-radius: var(--sf-product-card-button-radius, 999px);
    background: var(--_button-bg);
    color: var(--_button-fg);
    font-size: 15px;
    font-weight: 600;
    letter-spacing: 0.04em;
    cursor: pointer;
    transition:
      background-color 0.15s ease,
      transform 0.1s ease;
  }
  button[part='button'] svg {
    width: 18px;
    height: 18px;
    flex: none;
  }
  button[part='button']:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_button-bg) 88%, #000);
  }
  button[part='button']:active:not(:disabled) {
    transform: scale(0.98);
  }
  button[part='button'][aria-disabled='true'] {
    cursor: progress;
    background: color-mix(in srgb, var(--_button-bg) 80%, var(--_surface));
  }
  button[part='button']:disabled {
    background: var(--_subtle);
    color: var(--_muted);
    cursor: not-allowed;
    box-shadow: inset 0 0 0 1px var(--_border);
  }
  .button-spinner {
    width: 14px;
    height: 14px;
    border: 2px solid color-mix(in srgb, var(--_button-fg) 40%, transparent);
    border-top-color: var(--_button-fg);
    border-radius: 50%;
    animation: sf-spin 0.8s linear infinite;
  }
  .feedback {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 4px;
    min-height: 0;
    margin: 0;
    color: var(--_success);
    font-size: 13px;
    text-align: center;
  }
  .feedback:empty {
    display: none;
  }
  .feedback svg {
    width: 16px;
    height: 16px;
  }
  .feedback.error {
    color: var(--_danger);
  }

  /* ---------------------------------------------------------------- loading */
  .shimmer {
    border-radius: 6px;
    background:
      linear-gradient(90deg, transparent 0%, color-mix(in srgb, var(--_surface) 65%, transparent) 50%, transparent 100%) 0 0 /
        200% 100% no-repeat,
      color-mix(in srgb, var(--_border) 55%, var(--_subtle));
    animation: sf-shimmer 1.4s ease-in-out infinite;
  }
  .shimmer.fill {
    width: 100%;
    height: 100%;
    border-radius: 0;
  }
  .line {
    height: 14px;
  }
  .line.long {
    width: 88%;
  }
  .line.short {
    width: 56%;
  }
  .line.price {
    width: 40%;
    height: 24px;
    margin-top: 6px;
  }
  .line.button {
    height: 42px;
    margin-top: auto;
    border-radius: 999px;
  }
  @media (prefers-reduced-motion: reduce) {
    .shimmer {
      animation: none;
      background: color-mix(in srgb, var(--_border) 55%, var(--_subtle));
    }
    .card:hover .media img {
      transform: none;
    }
  }

  /* ---------------------------------------------------------------- very narrow: a sidebar */
  @container (max-width: 280px) {
    .body {
      --_pad: var(--sf-product-card-padding, 12px);
      gap: 6px;
    }
    .rating {
      gap: 2px 4px;
      font-size: 12px;
    }
    .stars {
      width: 60px;
      height: 12px;
    }
    .price {
      font-size: var(--sf-product-card-price-size, 22px);
    }
    .countdown {
      padding: 6px 8px;
      font-size: 12px;
    }
    .digit {
      min-width: 20px;
    }
    .badge {
      top: 8px;
      left: 8px;
    }
  }

  /* ---------------------------------------------------------------- wide: picture on the left */
  @container (min-width: 520px) {
    .card {
      flex-direction: row;
    }
    .media {
      /* A framed picture at the top left: never cropped, whatever the text column's height. */
      align-self: flex-start;
      width: var(--sf-product-card-image-width, 42%);
      margin: var(--_pad);
      margin-inline-end: 0;
      border-radius: var(--_radius-small);
    }
    .card.skeleton .media {
      align-self: stretch;
      margin: 0;
      border-radius: 0;
    }
    .body {
      gap: 10px;
      padding: calc(var(--_pad) + 6px) calc(var(--_pad) + 8px);
    }
    .title {
      font-size: var(--sf-product-card-title-size, 18px);
    }
    .description {
      display: -webkit-box;
      overflow: hidden;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 3;
    }
    .price {
      font-size: var(--sf-product-card-price-size, 28px);
    }
    .countdown {
      justify-content: flex-start;
    }
    .countdown .sep {
      display: inline;
      opacity: 0.7;
    }
    .actions {
      justify-items: start;
    }
    button[part='button'] {
      width: auto;
      min-width: 200px;
    }
    .feedback {
      justify-content: flex-start;
    }
  }
`;
