import { css } from 'lit';

/**
 * Shared by every element. The host page themes the kit through `--sf-*` tokens; each element
 * also has its own `--sf-<element>-*` properties falling back to these. Inside the shadow
 * root nothing of the host page's CSS applies except inherited text properties, which we
 * reset to the kit's font so a page's odd `line-height` does not break layouts.
 */
export const baseStyles = css`
  :host {
    --_font: var(
      --sf-font-family,
      system-ui,
      -apple-system,
      'PingFang SC',
      'Hiragino Sans GB',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      sans-serif
    );
    --_text: var(--sf-color-text, #1f2328);
    --_muted: var(--sf-color-muted, #646b75);
    --_primary: var(--sf-color-primary, #d0342c);
    --_on-primary: var(--sf-color-on-primary, #ffffff);
    --_surface: var(--sf-color-surface, #ffffff);
    --_subtle: var(--sf-color-subtle, #f6f7f9);
    --_border: var(--sf-color-border, #e3e6ea);
    --_danger: var(--sf-color-danger, #b42318);
    --_warning: var(--sf-color-warning, #9a6700);
    --_success: var(--sf-color-success, #1a7f37);
    --_radius: var(--sf-radius, 12px);
    --_radius-small: var(--sf-radius-small, 8px);
    font-family: var(--_font);
    font-size: var(--sf-font-size, 15px);
    line-height: 1.5;
    color: var(--_text);
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    white-space: normal;
    font-variant: normal;
    text-shadow: none;
    box-sizing: border-box;
  }
  /* The host element itself can be restyled by the page (a stray "* { color: red }"), and
     its text properties would be inherited: the top-level parts set theirs explicitly. */
  :host > * {
    font-family: var(--_font);
    font-size: var(--sf-font-size, 15px);
    font-weight: 400;
    font-style: normal;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    white-space: normal;
    font-variant: normal;
    text-shadow: none;
    color: var(--_text);
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button {
    font: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--sf-color-focus, var(--_primary));
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  /* Shared by every element: the loading spinner, and the skeleton sweep (two background layers). */
  @keyframes sf-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @keyframes sf-shimmer {
    from {
      background-position:
        150% 0,
        0 0;
    }
    to {
      background-position:
        -50% 0,
        0 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
`;

/** The notice boxes (loading, empty, error, configuration) every element shows the same way. */
export const noticeStyles = css`
  .notice {
    display: flex;
    gap: 12px;
    align-items: flex-start;
    padding: 14px 16px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
    color: var(--_text);
  }
  .notice[data-tone='error'] {
    border-color: color-mix(in srgb, var(--_danger) 35%, transparent);
    background: color-mix(in srgb, var(--_danger) 6%, var(--_surface));
  }
  .notice[data-tone='warning'] {
    border-color: color-mix(in srgb, var(--_warning) 35%, transparent);
    background: color-mix(in srgb, var(--_warning) 7%, var(--_surface));
  }
  .notice-icon {
    flex: none;
    width: 20px;
    height: 20px;
    margin-top: 1px;
  }
  .notice[data-tone='error'] .notice-icon {
    color: var(--_danger);
  }
  .notice[data-tone='warning'] .notice-icon {
    color: var(--_warning);
  }
  .notice-title {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .notice-body {
    margin: 2px 0 0;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .notice button {
    margin-top: 10px;
    padding: 6px 14px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .notice button:hover {
    border-color: var(--_primary);
    color: var(--_primary);
  }
  .spinner {
    flex: none;
    width: 18px;
    height: 18px;
    margin-top: 2px;
    border: 2px solid var(--_border);
    border-top-color: var(--_primary);
    border-radius: 50%;
    animation: sf-spin 0.8s linear infinite;
  }
`;
