/** The locales the kit ships messages for. zh-CN is the default: the home market is China. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/**
 * Maps whatever the host page says (`zh`, `zh-Hans-CN`, `en-GB`, `EN`) to a shipped locale;
 * anything unknown falls back to zh-CN rather than failing.
 */
export function resolveLocale(value: string | null | undefined): Locale {
  if (!value) return DEFAULT_LOCALE;
  const lower = value.trim().toLowerCase();
  if (lower.startsWith('en')) return 'en';
  return DEFAULT_LOCALE;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

export type DateStyle = 'date' | 'datetime' | 'time';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { year: 'numeric', month: 'long', day: 'numeric' },
  datetime: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
};

/** Formats an epoch-ms timestamp or ISO string through Intl; '—' for anything unparseable. */
export function formatDate(
  value: number | string | Date,
  locale: Locale | string = DEFAULT_LOCALE,
  style: DateStyle = 'date',
  timeZone?: string,
): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  const key = `${locale}|${style}|${timeZone ?? ''}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...DATE_OPTIONS[style], timeZone });
    dateFormatters.set(key, formatter);
  }
  return formatter.format(date);
}
