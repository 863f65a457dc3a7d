import { resolveLocale, type Locale } from '../../src/core/locale.js';
import type { StoreState } from './store-context.js';

/**
 * The locale a widget speaks: its own `lang` attribute, else its store's `locale`, else the
 * page's `<html lang>`, else zh-CN.
 */
export function widgetLocale(host: HTMLElement, state: StoreState | null): Locale {
  if (host.lang) return resolveLocale(host.lang);
  if (state) return state.locale;
  return resolveLocale(document.documentElement.lang);
}
