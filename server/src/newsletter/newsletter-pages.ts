import type { Subscription } from '../../../src/core/types.js';
import { escapeHtml } from '../http/html.js';

/**
 * The pages a newsletter mail links to. A GET only shows the page (mail scanners follow links
 * and must not confirm or unsubscribe anybody); its button POSTs the form that changes state.
 */
export type PageLocale = 'zh-CN' | 'en';
export type PageKind = 'confirm' | 'unsubscribe';

const TEXT = {
  'zh-CN': {
    confirmTitle: '确认订阅',
    confirmAsk: (s: Subscription) => `确认用 ${s.email} 订阅「${s.list}」吗？`,
    confirmButton: '确认订阅',
    confirmDone: (s: Subscription) => `已确认：${s.email} 订阅了「${s.list}」。谢谢！`,
    unsubscribeTitle: '退订',
    unsubscribeAsk: (s: Subscription) => `不再给 ${s.email} 发送「${s.list}」吗？`,
    unsubscribeButton: '退订',
    unsubscribeDone: (s: Subscription) => `已退订：${s.email} 不会再收到「${s.list}」。`,
    invalidTitle: '链接无效',
    invalid: '此链接无效或已过期。如需订阅，请在网站上重新填写。',
    note: '点击按钮后才会生效。',
  },
  en: {
    confirmTitle: 'Confirm your subscription',
    confirmAsk: (s: Subscription) => `Subscribe ${s.email} to "${s.list}"?`,
    confirmButton: 'Confirm subscription',
    confirmDone: (s: Subscription) => `Confirmed: ${s.email} is subscribed to "${s.list}". Thank you!`,
    unsubscribeTitle: 'Unsubscribe',
    unsubscribeAsk: (s: Subscription) => `Stop sending "${s.list}" to ${s.email}?`,
    unsubscribeButton: 'Unsubscribe',
    unsubscribeDone: (s: Subscription) => `Unsubscribed: ${s.email} will not receive "${s.list}" any more.`,
    invalidTitle: 'Link not valid',
    invalid: 'This link is not valid or has expired. To subscribe, sign up again on the website.',
    note: 'Nothing changes until you press the button.',
  },
} as const;

function layout(locale: PageLocale, title: string, content: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
  :root { color-scheme: light dark; --accent: #c2410c; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f5f5f4; color: #1c1917;
    font: 16px/1.6 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
  main { box-sizing: border-box; width: min(28rem, calc(100vw - 2rem)); padding: 2rem; border-radius: 12px;
    background: #fff; box-shadow: 0 1px 3px rgb(0 0 0 / 0.08), 0 8px 24px rgb(0 0 0 / 0.06); }
  h1 { margin: 0 0 0.75rem; font-size: 1.375rem; line-height: 1.3; }
  p { margin: 0 0 1rem; overflow-wrap: anywhere; }
  .note { color: #57534e; font-size: 0.875rem; }
  button { font: inherit; font-weight: 600; color: #fff; background: var(--accent); border: 0; border-radius: 8px;
    padding: 0.625rem 1.25rem; cursor: pointer; min-height: 44px; }
  button:hover { background: #9a3412; }
  button:focus-visible { outline: 3px solid #fdba74; outline-offset: 2px; }
  @media (prefers-color-scheme: dark) {
    body { background: #1c1917; color: #f5f5f4; } main { background: #292524; } .note { color: #d6d3d1; }
  }
</style>
</head>
<body><main>${content}</main></body>
</html>`;
}

/** The page of a valid link: what it will do, and the button (a form POST) that does it. */
export function askPage(locale: PageLocale, kind: PageKind, subscription: Subscription, token: string): string {
  const t = TEXT[locale];
  const title = kind === 'confirm' ? t.confirmTitle : t.unsubscribeTitle;
  const ask = kind === 'confirm' ? t.confirmAsk(subscription) : t.unsubscribeAsk(subscription);
  const button = kind === 'confirm' ? t.confirmButton : t.unsubscribeButton;
  return layout(
    locale,
    title,
    `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(ask)}</p>
<form method="post" action="/newsletter/${kind}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">${escapeHtml(button)}</button>
</form>
<p class="note">${escapeHtml(t.note)}</p>`,
  );
}

export function donePage(locale: PageLocale, kind: PageKind, subscription: Subscription): string {
  const t = TEXT[locale];
  const title = kind === 'confirm' ? t.confirmTitle : t.unsubscribeTitle;
  const done = kind === 'confirm' ? t.confirmDone(subscription) : t.unsubscribeDone(subscription);
  return layout(locale, title, `<h1>${escapeHtml(title)}</h1>\n<p role="status">${escapeHtml(done)}</p>`);
}

export function invalidPage(locale: PageLocale): string {
  const t = TEXT[locale];
  return layout(locale, t.invalidTitle, `<h1>${escapeHtml(t.invalidTitle)}</h1>\n<p>${escapeHtml(t.invalid)}</p>`);
}
