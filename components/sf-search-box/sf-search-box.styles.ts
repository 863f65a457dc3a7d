import { css } from 'lit';

export const searchBoxStyles = css`
  :host {
    --_sb-radius: var(--sf-search-box-radius, var(--sf-radius, 22px));
    --_sb-height: var(--sf-search-box-height, 44px);
    --_sb-accent: var(--sf-search-box-border-color, var(--_primary));
    --_sb-price: var(--sf-search-box-price-color, var(--_primary));
    display: block;
    max-width: 100%;
  }
  /* The popup's containing block: the form, which a page's CSS on the host cannot unposition. */
  .form {
    position: relative;
    margin: 0;
  }
  .label {
    display: block;
    margin-bottom: 6px;
    font-weight: 600;
  }

  /* The field: a rounded box with the input, the × and the search button inside. */
  .field {
    display: flex;
    align-items: center;
    gap: 2px;
    height: var(--_sb-height);
    padding: 3px;
    padding-inline-start: 16px;
    border: 2px solid var(--_sb-accent);
    border-radius: var(--_sb-radius);
    background: var(--sf-search-box-background, var(--_surface));
    transition:
      box-shadow 0.15s ease,
      border-color 0.15s ease;
  }
  .field:focus-within {
    box-shadow: 0 0 0 4px var(--sf-search-box-focus-ring, color-mix(in srgb, var(--_sb-accent) 20%, transparent));
  }
  .field[data-disabled] {
    border-color: var(--_border);
    background: var(--_subtle);
  }
  input {
    flex: 1;
    min-width: 0;
    height: 100%;
    margin: 0;
    padding: 0 6px 0 0;
    border: 0;
    outline: none;
    background: transparent;
    color: var(--_text);
    font: inherit;
    letter-spacing: inherit;
  }
  input:focus-visible {
    outline: none;
  }
  input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  input:disabled {
    cursor: not-allowed;
  }
  .icon {
    width: 20px;
    height: 20px;
    flex: none;
  }
  .clear {
    display: grid;
    place-items: center;
    flex: none;
    width: 30px;
    height: 30px;
    margin-inline-end: 4px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
  }
  .clear .icon {
    width: 18px;
    height: 18px;
  }
  .clear:hover {
    background: var(--_subtle);
    color: var(--_text);
  }
  .submit {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    flex: none;
    height: 100%;
    padding: 0 20px;
    border: 0;
    border-radius: calc(var(--_sb-radius) - 3px);
    background: var(--sf-search-box-button-background, var(--_sb-accent));
    color: var(--sf-search-box-button-color, var(--_on-primary));
    font-weight: 600;
    letter-spacing: 0.04em;
    white-space: nowrap;
    cursor: pointer;
    transition: filter 0.15s ease;
  }
  .submit .icon {
    width: 18px;
    height: 18px;
  }
  .submit:hover {
    filter: brightness(0.92);
  }
  .submit:active {
    filter: brightness(0.85);
  }
  .submit:disabled {
    background: var(--_border);
    color: var(--_muted);
    cursor: not-allowed;
    filter: none;
  }
  .submit:focus-visible,
  .clear:focus-visible {
    outline-offset: 1px;
  }

  /* The popup floats over the page under the field. */
  .popup {
    position: absolute;
    top: calc(100% + 6px);
    inset-inline: 0;
    z-index: var(--sf-search-box-z-index, 1000);
    max-height: var(--sf-search-box-popup-max-height, min(440px, 70vh));
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 6px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--sf-search-box-popup-background, var(--_surface));
    box-shadow: var(--sf-search-box-popup-shadow, 0 14px 36px rgb(15 23 42 / 0.14), 0 2px 8px rgb(15 23 42 / 0.06));
    color: var(--_text);
    animation: sf-search-pop 0.12s ease-out;
  }
  .popup[hidden] {
    display: none;
  }
  /* Movement only: the text keeps its full contrast from the first frame. */
  @keyframes sf-search-pop {
    from {
      transform: translateY(-4px);
    }
  }
  .section-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: 4px 6px 4px 10px;
    color: var(--_muted);
    font-size: 13px;
  }
  .recent-clear {
    padding: 2px 8px;
    border: 0;
    border-radius: 6px;
    background: transparent;
    color: var(--_muted);
    font-size: 13px;
    cursor: pointer;
  }
  .recent-clear:hover {
    background: var(--_subtle);
    color: var(--_primary);
  }
  .listbox {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .listbox[hidden] {
    display: none;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 12px;
    min-height: 40px;
    padding: 8px 10px;
    border-radius: var(--_radius-small);
    cursor: pointer;
    user-select: none;
  }
  .option[data-active] {
    background: var(--sf-search-box-active-background, color-mix(in srgb, var(--_primary) 7%, var(--_surface)));
  }
  .option-icon {
    flex: none;
    width: 18px;
    height: 18px;
    color: var(--_muted);
  }
  .option-icon.trailing {
    margin-inline-start: auto;
    opacity: 0;
  }
  .option[data-active] .option-icon.trailing {
    opacity: 1;
    color: var(--_primary);
  }
  .recent-text,
  .see-all-text {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .see-all {
    margin-top: 4px;
    color: var(--_text);
    box-shadow: 0 -1px 0 var(--_border);
    border-radius: 0 0 var(--_radius-small) var(--_radius-small);
  }
  .see-all[data-active] {
    box-shadow: none;
    border-radius: var(--_radius-small);
  }
  .query {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .thumb {
    display: grid;
    place-items: center;
    flex: none;
    width: 48px;
    height: 48px;
    overflow: hidden;
    border-radius: var(--_radius-small);
    background: var(--_subtle);
    color: var(--_muted);
  }
  .thumb img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .thumb-placeholder {
    width: 22px;
    height: 22px;
  }
  .text {
    display: flex;
    flex: 1;
    flex-direction: column;
    align-items: flex-start;
    gap: 3px;
    min-width: 0;
  }
  .title {
    display: -webkit-box;
    overflow: hidden;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-height: 1.4;
    overflow-wrap: anywhere;
  }
  mark {
    padding: 0;
    background: transparent;
    color: var(--sf-search-box-highlight-color, var(--_primary));
    font-weight: 600;
  }
  .badge {
    padding: 0 6px;
    border-radius: 4px;
    background: color-mix(in srgb, var(--_sb-price) 10%, var(--_surface));
    color: var(--_sb-price);
    font-size: 12px;
    line-height: 18px;
  }
  .price {
    display: flex;
    flex: none;
    flex-direction: column;
    align-items: flex-end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .price .now {
    color: var(--_sb-price);
    font-weight: 600;
  }
  .price .none {
    color: var(--_muted);
    font-size: 13px;
  }
  .price .was {
    color: var(--_muted);
    font-size: 12px;
  }

  /* Loading, nothing found, failed. */
  .row {
    display: flex;
    align-items: flex-start;
    gap: 10px;
    padding: 14px 12px;
    color: var(--_muted);
  }
  .row .spinner {
    margin-top: 2px;
  }
  .loading {
    align-items: center;
    animation: sf-search-late 0.2s 0.15s both;
  }
  @keyframes sf-search-late {
    from {
      opacity: 0;
    }
  }
  .row-icon {
    flex: none;
    width: 22px;
    height: 22px;
  }
  .row p {
    margin: 0;
  }
  .row-title {
    color: var(--_text);
    overflow-wrap: anywhere;
  }
  .row-hint {
    margin-top: 2px;
    font-size: 13px;
  }
  .error {
    align-items: center;
    flex-wrap: wrap;
  }
  .error .row-icon {
    color: var(--_danger);
  }
  .error .row-title {
    flex: 1;
    min-width: 12em;
  }
  .retry {
    padding: 5px 14px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .retry:hover {
    border-color: var(--_primary);
    color: var(--_primary);
  }
  .notice {
    margin-top: 10px;
  }

  /* Phones: a 16px input (no zoom on focus in iOS), an icon-only search button. */
  @media (max-width: 480px) {
    input {
      font-size: 16px;
    }
    .submit {
      padding: 0 14px;
    }
    .submit-text {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .option {
      gap: 10px;
      padding: 8px;
    }
    .thumb {
      width: 44px;
      height: 44px;
    }
  }
  @media (forced-colors: active) {
    .option[data-active] {
      outline: 2px solid Highlight;
    }
    mark {
      color: Highlight;
    }
  }
`;
