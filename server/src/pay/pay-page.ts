import type { Order, PaymentMethod } from '../../../src/core/types.js';
import { escapeHtml } from '../http/html.js';

export type PageLocale = 'zh-CN' | 'en';

const TEXT = {
  'zh-CN': {
    title: '订单支付',
    order: '订单号',
    total: '应付金额',
    choose: '选择支付方式',
    pay: '确认支付',
    paid: '支付成功',
    paidText: '您的订单已支付，我们会尽快发货。',
    already: '此订单已支付。',
    back: '返回商店',
    notFound: '找不到此订单，或支付链接无效。',
    closed: '此订单已无法支付。',
    demo: '演示支付页：不会产生真实扣款，本页不收集任何卡号信息。',
  },
  en: {
    title: 'Pay for your order',
    order: 'Order number',
    total: 'Amount due',
    choose: 'Choose a payment method',
    pay: 'Pay now',
    paid: 'Payment received',
    paidText: 'Your order is paid; we will ship it soon.',
    already: 'This order is already paid.',
    back: 'Back to the shop',
    notFound: 'This order cannot be found, or the payment link is not valid.',
    closed: 'This order can no longer be paid.',
    demo: 'Demo payment page: nothing is charged and no card data is collected.',
  },
} as const;

function money(amount: number, currency: string, locale: PageLocale): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 100);
}

function layout(locale: PageLocale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 16px/1.6 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; background: #f6f5f2; color: #1f1f1f; }
  main { max-width: 28rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 12px; box-shadow: 0 1px 4px #0002; }
  h1 { font-size: 1.4rem; margin: 0 0 1rem; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: .25rem 1rem; }
  dt { color: #555; } dd { margin: 0; font-weight: 600; }
  fieldset { border: 1px solid #ddd; border-radius: 8px; margin: 1rem 0; }
  label { display: block; padding: .35rem 0; }
  button, a.button { display: inline-block; background: #b3261e; color: #fff; border: 0; border-radius: 8px; padding: .7rem 1.4rem; font: inherit; cursor: pointer; text-decoration: none; }
  button:focus-visible, a:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
  .note { color: #555; font-size: .875rem; }
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

function summary(order: Order, locale: PageLocale): string {
  const t = TEXT[locale];
  return `<dl><dt>${t.order}</dt><dd data-order-number>${escapeHtml(order.number)}</dd><dt>${t.total}</dt><dd data-total>${escapeHtml(
    money(order.total.amount, order.total.currency, locale),
  )}</dd></dl>`;
}

export function payForm(
  order: Order,
  methods: PaymentMethod[],
  chosen: string | undefined,
  token: string,
  locale: PageLocale,
): string {
  const t = TEXT[locale];
  const options = methods
    .map((method, i) => {
      const title = (locale === 'en' && method.translations?.en?.title) || method.title;
      const checked = chosen ? method.id === chosen : i === 0;
      return `<label><input type="radio" name="method" value="${escapeHtml(method.id)}"${checked ? ' checked' : ''}> ${escapeHtml(title)}</label>`;
    })
    .join('');
  return layout(
    locale,
    t.title,
    `<h1>${t.title}</h1>${summary(order, locale)}
<form method="post" action="/pay/${encodeURIComponent(order.number)}?lang=${locale}">
<input type="hidden" name="t" value="${escapeHtml(token)}">
<fieldset><legend>${t.choose}</legend>${options}</fieldset>
<button type="submit">${t.pay}</button>
</form><p class="note">${t.demo}</p>`,
  );
}

export function paidPage(order: Order, locale: PageLocale, already: boolean): string {
  const t = TEXT[locale];
  return layout(
    locale,
    t.paid,
    `<h1 data-status="paid">${t.paid}</h1>${summary(order, locale)}<p>${already ? t.already : t.paidText}</p><p><a class="button" href="/">${t.back}</a></p>`,
  );
}

export function errorPage(locale: PageLocale, kind: 'notFound' | 'closed'): string {
  const t = TEXT[locale];
  return layout(locale, t.title, `<h1>${t.title}</h1><p>${t[kind]}</p><p><a class="button" href="/">${t.back}</a></p>`);
}
