import { html, nothing, svg, type TemplateResult } from 'lit';

export type NoticeTone = 'info' | 'loading' | 'warning' | 'error';

const ICONS = {
  info: svg`<circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M10 9v5M10 6.2v.1" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
  warning: svg`<path d="M10 2.5 18 17H2z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/><path d="M10 8v4M10 14.4v.1" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
  error: svg`<circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="m7 7 6 6m0-6-6 6" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`,
};

export interface NoticeOptions {
  tone: NoticeTone;
  title: string;
  body?: string;
  action?: { label: string; run: () => void };
}

/**
 * One notice box for loading, empty, warning, error and configuration states. Errors are
 * announced (`role="alert"`), loading politely (`role="status"`). Text goes in as text.
 */
export function renderNotice({ tone, title, body, action }: NoticeOptions): TemplateResult {
  return html`<div class="notice" part="notice" data-tone=${tone} role=${tone === 'error' ? 'alert' : 'status'}>
    ${
      tone === 'loading'
        ? html`<span class="spinner" aria-hidden="true"></span>`
        : html`<svg class="notice-icon" viewBox="0 0 20 20" aria-hidden="true">${ICONS[tone]}</svg>`
    }
    <div>
      <p class="notice-title">${title}</p>
      ${body ? html`<p class="notice-body">${body}</p>` : nothing}
      ${action ? html`<button type="button" part="notice-action" @click=${action.run}>${action.label}</button>` : nothing}
    </div>
  </div>`;
}
