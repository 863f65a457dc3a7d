import { css } from 'lit';

/*
 * A calm member card: white, hairline border, the shop's red for the one thing to press, gold
 * for VIP. The compact mode is a header pill opening the same content in a popover.
 */
export const accountStyles = css`
  :host {
    display: block;
    --_accent: var(--sf-account-accent, var(--_primary));
    --_bg: var(--sf-account-background, var(--_surface));
    --_line: var(--sf-account-border-color, var(--_border));
    --_field-radius: var(--sf-account-input-radius, var(--_radius-small));
    --_vip: var(--sf-account-vip-color, #a86b00);
  }
  :host([mode='compact']) {
    display: inline-block;
    vertical-align: middle;
  }
  :host > .card,
  :host > .popover {
    font-size: 14px;
  }

  /* ---------------------------------------------------------------- frame */
  .card {
    display: grid;
    gap: 14px;
    max-width: var(--sf-account-width, 420px);
    padding: var(--sf-account-padding, 20px);
    border: 1px solid var(--_line);
    border-radius: var(--sf-account-radius, var(--_radius));
    background: var(--_bg);
    box-shadow: 0 1px 2px rgb(16 24 40 / 4%);
  }
  .title {
    margin: 0;
    font-size: 16px;
    font-weight: 650;
    line-height: 1.3;
    letter-spacing: 0.02em;
  }
  .intro {
    margin: -4px 0 0;
    color: var(--_muted);
    line-height: 1.6;
  }
  .notice {
    font-size: 14px;
  }

  /* ---------------------------------------------------------------- buttons */
  .primary,
  .secondary {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    min-height: 40px;
    padding: 8px 20px;
    border-radius: var(--_field-radius);
    font-size: 15px;
    font-weight: 600;
    letter-spacing: 0.04em;
    cursor: pointer;
    transition:
      background-color 0.15s ease,
      border-color 0.15s ease,
      color 0.15s ease;
  }
  .primary {
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-primary);
  }
  .primary:hover:not([aria-disabled='true']) {
    background: color-mix(in srgb, var(--_accent) 88%, #000);
  }
  .secondary {
    border: 1px solid var(--_line);
    background: var(--_bg);
    color: var(--_text);
  }
  .secondary:hover:not([aria-disabled='true']) {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  [aria-disabled='true'] {
    cursor: progress;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 10px;
  }
  .actions > button {
    flex: 1 1 120px;
  }
  .icon-button {
    display: grid;
    place-items: center;
    width: 32px;
    height: 32px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
  }
  .icon-button:hover {
    background: var(--_subtle);
    color: var(--_text);
  }
  .icon-button svg {
    width: 18px;
    height: 18px;
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
  .link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 2px;
    cursor: pointer;
  }

  /* ---------------------------------------------------------------- tabs */
  .form-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
  }
  .tabs {
    display: inline-flex;
    padding: 3px;
    border-radius: 999px;
    background: var(--_subtle);
  }
  [role='tab'] {
    min-width: 72px;
    padding: 6px 16px;
    border: 0;
    border-radius: 999px;
    background: transparent;
    color: var(--_muted);
    font-size: 14px;
    font-weight: 600;
    cursor: pointer;
  }
  [role='tab'][aria-selected='true'] {
    background: var(--_bg);
    color: var(--_accent);
    box-shadow: 0 1px 3px rgb(16 24 40 / 12%);
  }
  [role='tab']:hover:not([aria-selected='true']) {
    color: var(--_text);
  }

  /* ---------------------------------------------------------------- form */
  form {
    display: grid;
    gap: 14px;
  }
  .field {
    display: grid;
    gap: 6px;
  }
  label {
    font-size: 13px;
    font-weight: 600;
  }
  input {
    width: 100%;
    min-height: 42px;
    padding: 8px 12px;
    border: 1px solid var(--_line);
    border-radius: var(--_field-radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
    font-size: 15px;
    transition:
      border-color 0.15s ease,
      box-shadow 0.15s ease;
  }
  input::placeholder {
    color: color-mix(in srgb, var(--_muted) 75%, transparent);
  }
  input:hover {
    border-color: color-mix(in srgb, var(--_line) 50%, var(--_muted));
  }
  input:focus-visible {
    outline: none;
    border-color: var(--_accent);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_accent) 18%, transparent);
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  input[aria-invalid='true']:focus-visible {
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_danger) 18%, transparent);
  }
  input[readonly] {
    background: var(--_subtle);
  }
  .password {
    position: relative;
  }
  .password input {
    padding-inline-end: 46px;
  }
  .toggle {
    position: absolute;
    inset-block: 0;
    inset-inline-end: 2px;
    display: grid;
    place-items: center;
    width: 42px;
    padding: 0;
    border: 0;
    border-radius: var(--_field-radius);
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
  }
  .toggle:hover,
  .toggle[aria-pressed='true'] {
    color: var(--_text);
  }
  .toggle svg {
    width: 20px;
    height: 20px;
  }
  .toggle:focus-visible {
    outline-offset: -4px;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 12px;
  }
  .field-error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 6px;
    margin: 0;
    color: var(--_danger);
    font-size: 13px;
    line-height: 1.4;
  }
  .error-mark {
    display: inline-grid;
    place-items: center;
    width: 15px;
    height: 15px;
    border-radius: 50%;
    background: var(--_danger);
    color: #fff;
    font-size: 11px;
    font-weight: 700;
    line-height: 1;
  }
  .form-error {
    display: flex;
    align-items: flex-start;
    gap: 8px;
    margin: 0;
    padding: 10px 12px;
    border: 1px solid color-mix(in srgb, var(--_danger) 30%, transparent);
    border-radius: var(--_field-radius);
    background: color-mix(in srgb, var(--_danger) 6%, var(--_bg));
    color: var(--_danger);
    font-size: 14px;
    font-weight: 500;
  }
  .form-error svg {
    width: 18px;
    height: 18px;
    flex: none;
    margin-top: 1px;
  }
  .submit {
    width: 100%;
    margin-top: 2px;
  }

  /* ---------------------------------------------------------------- demo accounts */
  .demo {
    padding: 12px 14px;
    border: 1px dashed color-mix(in srgb, var(--_line) 60%, var(--_muted));
    border-radius: var(--_field-radius);
    background: var(--_subtle);
    font-size: 13px;
  }
  .demo-title {
    margin: 0;
    font-weight: 650;
  }
  .demo-body {
    margin: 2px 0 8px;
    color: var(--_muted);
  }
  .demo-body {
    font-variant-numeric: tabular-nums;
  }
  .demo-list {
    display: grid;
    gap: 6px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .demo-account {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    width: 100%;
    padding: 6px 10px;
    border: 1px solid var(--_line);
    border-radius: 6px;
    background: var(--_bg);
    color: var(--_text);
    font-size: 13px;
    text-align: start;
    cursor: pointer;
  }
  .demo-account:hover {
    border-color: var(--_accent);
  }
  .demo-email {
    overflow: hidden;
    text-overflow: ellipsis;
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 12.5px;
  }
  .demo-tier {
    flex: none;
    color: var(--_muted);
    font-size: 12px;
  }
  .demo-tier[data-tier='tier.vip'] {
    color: color-mix(in srgb, var(--_vip) 80%, #000);
    font-weight: 600;
  }

  /* ---------------------------------------------------------------- member */
  .member {
    display: flex;
    align-items: center;
    gap: 14px;
    min-width: 0;
  }
  .avatar {
    display: grid;
    flex: none;
    place-items: center;
    width: 52px;
    height: 52px;
    border-radius: 50%;
    background: var(--sf-account-avatar-background, color-mix(in srgb, var(--_accent) 12%, var(--_bg)));
    color: var(--_accent);
    font-size: 22px;
    font-weight: 650;
    line-height: 1;
  }
  .avatar[data-tier='vip'] {
    background: linear-gradient(135deg, #f8e3a3, #e2b24f);
    color: #5c3a00;
    box-shadow:
      0 0 0 2px var(--_bg),
      0 0 0 3px color-mix(in srgb, #e2b24f 70%, transparent);
  }
  .avatar.small {
    width: 28px;
    height: 28px;
    font-size: 14px;
  }
  .who {
    min-width: 0;
  }
  .name {
    margin: 0;
    overflow: hidden;
    font-size: 18px;
    font-weight: 650;
    line-height: 1.3;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .name:focus {
    outline: none;
  }
  .email,
  .since {
    margin: 0;
    overflow: hidden;
    color: var(--_muted);
    font-size: 13px;
    text-overflow: ellipsis;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 5px;
    padding: 3px 10px;
    border-radius: 999px;
    background: var(--_subtle);
    color: var(--_text);
    font-size: 13px;
    font-weight: 600;
    line-height: 1.5;
    box-shadow: inset 0 0 0 1px var(--_line);
  }
  .badge svg {
    width: 15px;
    height: 15px;
  }
  .badge[data-kind='vip'] {
    background: color-mix(in srgb, var(--_vip) 11%, var(--_bg));
    color: color-mix(in srgb, var(--_vip) 80%, #000);
    box-shadow: inset 0 0 0 1px color-mix(in srgb, var(--_vip) 35%, transparent);
  }
  .badge[data-kind='shipping-card'] {
    background: color-mix(in srgb, var(--_success) 9%, var(--_bg));
    color: var(--_success);
    box-shadow: inset 0 0 0 1px color-mix(in srgb, var(--_success) 30%, transparent);
  }
  .since {
    margin-top: -6px;
  }
  .sign-out {
    justify-self: start;
  }

  /* ---------------------------------------------------------------- compact: header button + popover */
  .trigger {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: 8px;
    max-width: 14em;
    height: var(--sf-account-trigger-height, 40px);
    padding: 0 14px 0 10px;
    border: 1px solid var(--_line);
    border-radius: 999px;
    background: var(--_bg);
    color: var(--_text);
    font-size: 14px;
    font-weight: 600;
    cursor: pointer;
  }
  .trigger[data-member]:not([data-member='none']) {
    padding-inline-start: 5px;
  }
  .trigger:hover,
  .trigger[aria-expanded='true'] {
    border-color: color-mix(in srgb, var(--_accent) 50%, var(--_line));
  }
  .trigger[aria-busy='true'] {
    color: var(--_muted);
  }
  .trigger-icon {
    width: 20px;
    height: 20px;
    flex: none;
  }
  .trigger-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .problem-dot {
    position: absolute;
    top: 2px;
    right: 4px;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--_warning);
  }
  .popover {
    position: fixed;
    inset: auto;
    width: min(var(--sf-account-width, 360px), calc(100vw - 16px));
    margin: 0;
    padding: 16px 18px 18px;
    overflow: auto;
    border: 1px solid var(--_line);
    border-radius: var(--sf-account-radius, var(--_radius));
    background: var(--_bg);
    color: var(--_text);
    box-shadow:
      0 12px 32px rgb(16 24 40 / 16%),
      0 2px 6px rgb(16 24 40 / 8%);
  }
  .popover:popover-open {
    display: grid;
    gap: 14px;
    animation: sf-drop 0.16s ease-out;
  }
  .popover-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    margin: -4px -6px -4px 0;
  }
  .popover .title {
    font-size: 15px;
  }
  /* Movement only: a fading popover would be hard to read for a moment. */
  @keyframes sf-drop {
    from {
      transform: translateY(-6px);
    }
  }
`;
