import type { StorefrontError } from '../../src/core/errors.js';
import { t, type MessageKey } from './messages.js';

const CONFIG_MESSAGES: Record<string, MessageKey> = {
  storeId: 'store.config.storeId',
  adapter: 'store.config.adapter',
  endpoint: 'store.config.endpoint',
  currency: 'store.config.currency',
  endpointMissing: 'store.config.endpointMissing',
  load: 'store.config.load',
  duplicate: 'store.config.duplicate',
};

/** The localized sentence naming the attribute of a misconfigured store, for page authors. */
export function configMessage(locale: string, error: StorefrontError): string {
  const key = CONFIG_MESSAGES[String(error.detail.field)];
  return key ? t(locale, key, { value: String(error.detail.value ?? '') }) : error.message;
}
