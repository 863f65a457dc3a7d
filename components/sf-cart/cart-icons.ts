import { svg, type SVGTemplateResult } from 'lit';

/* Inline marks and icons of <sf-cart>: no external images, nothing to load. */

export const CLOSE_ICON = svg`<path d="m6 6 12 12M18 6 6 18" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`;
export const TRASH_ICON = svg`<path d="M4.5 6.5h15M9.5 6.5V4.8c0-.7.5-1.3 1.2-1.3h2.6c.7 0 1.2.6 1.2 1.3v1.7M6.5 6.5l.8 12.1c.1 1 .9 1.9 1.9 1.9h5.6c1 0 1.8-.9 1.9-1.9l.8-12.1M10 10.5v6M14 10.5v6" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/>`;
export const MINUS_ICON = svg`<path d="M5 10h10" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`;
export const PLUS_ICON = svg`<path d="M5 10h10M10 5v10" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`;
export const CHECK_ICON = svg`<path d="m4.5 10.5 3.5 3.5 7.5-8" fill="none" stroke="currentColor" stroke-width="1.9" stroke-linecap="round" stroke-linejoin="round"/>`;
export const TRUCK_ICON = svg`<path d="M2.5 5.5h10v8h-10zM12.5 8h3l2.5 2.7v2.8h-5.5" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round"/><circle cx="6" cy="14.5" r="1.6" fill="var(--_surface)" stroke="currentColor" stroke-width="1.4"/><circle cx="14.5" cy="14.5" r="1.6" fill="var(--_surface)" stroke="currentColor" stroke-width="1.4"/>`;
export const GIFT_ICON = svg`<path d="M3 8h14v3H3zM4 11h12v6H4zM10 8v9M10 8S8.5 4 6.5 4.5 6 7.5 10 8Zm0 0s1.5-4 3.5-3.5S14 7.5 10 8Z" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round"/>`;
export const BAG_ICON = svg`<path d="M7 8V6.5a5 5 0 0 1 10 0V8" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/><path d="M4.5 8h15l-1.2 11.2a2 2 0 0 1-2 1.8H7.7a2 2 0 0 1-2-1.8z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/>`;
export const CART_ICON = svg`<path d="M3 4h2.2l2.1 10.2a1.5 1.5 0 0 0 1.5 1.2h8.1a1.5 1.5 0 0 0 1.5-1.1L20 8H6.2" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/><circle cx="9.5" cy="19" r="1.4" fill="currentColor"/><circle cx="16.5" cy="19" r="1.4" fill="currentColor"/>`;
export const SUCCESS_ICON = svg`<circle cx="24" cy="24" r="21" fill="currentColor" opacity=".12"/><circle cx="24" cy="24" r="15" fill="currentColor"/><path d="m17 24.5 5 5 9-10" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>`;

/** Simple marks for the payment methods the adapters name (drawn, not the brands' logos). */
const PAYMENT_MARKS: Record<string, SVGTemplateResult> = {
  alipay: svg`<rect width="28" height="28" rx="7" fill="#1677ff"/><path d="M8 10.2h12M14 6.8v3.4M9.2 13.6h9.4c-.9 3.6-3.8 6.6-9.4 8.1M12.4 16.2c2.4 2.2 5.1 3.7 8.6 4.6" fill="none" stroke="#fff" stroke-width="1.9" stroke-linecap="round" stroke-linejoin="round"/>`,
  wechat: svg`<rect width="28" height="28" rx="7" fill="#07c160"/><ellipse cx="12" cy="12.5" rx="6.2" ry="5.2" fill="#fff"/><path d="m8.6 16.5-.9 2.6 2.9-1.6z" fill="#fff"/><ellipse cx="17.4" cy="16.6" rx="5.2" ry="4.4" fill="#fff" stroke="#07c160" stroke-width="1.2"/><path d="m20.3 20.1.7 2.1-2.5-1.3z" fill="#fff"/><circle cx="10" cy="11.6" r=".9" fill="#07c160"/><circle cx="14" cy="11.6" r=".9" fill="#07c160"/><circle cx="15.8" cy="16.2" r=".75" fill="#07c160"/><circle cx="19" cy="16.2" r=".75" fill="#07c160"/>`,
  unionpay: svg`<rect width="28" height="28" rx="7" fill="#fff" stroke="#d9dde3"/><path d="M6.5 7.5h5l-2.6 13h-5z" fill="#e21836"/><path d="M11.6 7.5h5l-2.6 13h-5z" fill="#00447c"/><path d="M16.7 7.5h5.3l-2.6 13h-5.3z" fill="#007b84"/>`,
  card: svg`<rect width="28" height="28" rx="7" fill="#3b4250"/><rect x="6" y="8.5" width="16" height="11" rx="2" fill="none" stroke="#fff" stroke-width="1.5"/><path d="M6 12h16" stroke="#fff" stroke-width="2"/><path d="M9 16.5h4" stroke="#fff" stroke-width="1.4" stroke-linecap="round"/>`,
};
const GENERIC_MARK = svg`<rect width="28" height="28" rx="7" fill="#eef0f3"/><path d="M7.5 10.5h13v9h-13z M17 15h3.5" fill="none" stroke="#646b75" stroke-width="1.5" stroke-linejoin="round"/><path d="M9 10.5 17.5 7l1 3.5" fill="none" stroke="#646b75" stroke-width="1.5" stroke-linejoin="round"/>`;

export function paymentMark(id: string): SVGTemplateResult {
  const key = id.toLowerCase();
  if (Object.hasOwn(PAYMENT_MARKS, key)) return PAYMENT_MARKS[key]!;
  if (key.includes('alipay')) return PAYMENT_MARKS['alipay']!;
  if (key.includes('wechat') || key.includes('weixin')) return PAYMENT_MARKS['wechat']!;
  if (key.includes('union')) return PAYMENT_MARKS['unionpay']!;
  if (key.includes('card') || key.includes('visa') || key.includes('master')) return PAYMENT_MARKS['card']!;
  return GENERIC_MARK;
}
