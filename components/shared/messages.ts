import type { StorefrontErrorCode } from '../../src/core/errors.js';

/**
 * Every string a shopper or page author reads, in zh-CN (the default) and en. Keys are typed:
 * an English table missing a key does not compile. Placeholders are `{name}`.
 */
const zhCN = {
  'store.connecting': '正在连接商店…',
  'store.ready': '商店已连接',
  'store.catalogCount': '共 {count} 件商品',
  'store.memoryOnly': '此浏览器无法保存数据：购物车仅在本页面有效。',
  'store.persistent': '购物车已保存在本机浏览器中。',
  'store.missing.title': '未找到商店',
  'store.missing.body': '请在页面中加入 <sf-store> 元素，或在脚本中调用 setDefaultStorefront()。',
  'store.config.title': '商店配置有误',
  'store.config.storeId': 'store-id「{value}」无效：只能使用字母、数字、“-”和“_”（最多 64 个字符）。',
  'store.config.adapter': 'adapter「{value}」无效：请使用 local 或 rest，或在脚本中设置 adapter 属性。',
  'store.config.endpoint': 'endpoint「{value}」不是有效的网址：请使用 https://… 或以 / 开头的路径。',
  'store.config.currency': 'currency「{value}」不是有效的货币代码（例如 CNY）。',
  'store.config.endpointMissing': 'adapter="rest" 需要 endpoint 属性：商店接口的网址，例如 https://shop.example/api 或 /api。',
  'store.config.load': '无法加载连接商店服务器的代码：请检查网络后刷新页面。',
  'store.config.duplicate': '另一个 <sf-store> 已使用 store-id「{value}」但配置不同；请为每个商店使用不同的 store-id。',
  'action.retry': '重试',
  'error.network': '无法连接到商店服务器，请检查网络后重试。',
  'error.timeout': '商店服务器响应超时，请稍后重试。',
  'error.invalid-response': '商店服务器返回了无法识别的数据，请稍后重试。',
  'error.not-found': '未找到相关内容。',
  'error.unavailable': '服务暂时不可用，请稍后重试。',
  'error.unsupported': '此商店暂不支持该功能。',
  'error.validation': '输入的内容有误，请检查后重试。',
  'error.quota': '浏览器存储空间已满，请清理浏览器数据后重试。',
  'error.conflict': '数据已在其他页面被修改，请重试。',
  'error.config': '商店配置有误。',
  'error.unauthorized': '登录已失效或没有权限，请重新登录后再试。',
  'error.rate-limited': '操作太频繁了，请稍等片刻再试。',
  'error.aborted': '操作已取消。',
};

export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  'store.connecting': 'Connecting to the store…',
  'store.ready': 'Store connected',
  'store.catalogCount': '{count} products',
  'store.memoryOnly': 'This browser cannot store data: the cart lasts only as long as this page.',
  'store.persistent': 'Your cart is saved in this browser.',
  'store.missing.title': 'No store found',
  'store.missing.body': 'Add an <sf-store> element to the page, or call setDefaultStorefront() from a script.',
  'store.config.title': 'The store is set up wrongly',
  'store.config.storeId': 'store-id "{value}" is not valid: use letters, digits, "-" and "_" (at most 64).',
  'store.config.adapter': 'adapter "{value}" is not valid: use local or rest, or set the adapter property from script.',
  'store.config.endpoint': 'endpoint "{value}" is not a valid URL: use https://… or a path starting with /.',
  'store.config.currency': 'currency "{value}" is not a currency code such as CNY.',
  'store.config.endpointMissing':
    'adapter="rest" needs an endpoint attribute: the URL of the shop\'s API, e.g. https://shop.example/api or /api.',
  'store.config.load': 'The code that connects to the shop could not be loaded: check the network and reload the page.',
  'store.config.duplicate':
    'Another <sf-store> uses store-id "{value}" with a different setup; give each store its own store-id.',
  'action.retry': 'Retry',
  'error.network': "Can't reach the shop's server. Check your connection and try again.",
  'error.timeout': 'The shop took too long to answer. Please try again.',
  'error.invalid-response': 'The shop sent data we could not read. Please try again later.',
  'error.not-found': 'Nothing was found.',
  'error.unavailable': 'This is unavailable right now. Please try again later.',
  'error.unsupported': 'This shop does not offer this feature.',
  'error.validation': 'Something in the input is not right. Please check it.',
  'error.quota': 'Browser storage is full. Free some space and try again.',
  'error.conflict': 'This was changed in another tab. Please try again.',
  'error.config': 'The store is set up wrongly.',
  'error.unauthorized': 'Your session has expired or you are not allowed to do this: sign in and try again.',
  'error.rate-limited': 'That was too many tries in a short time: wait a moment and try again.',
  'error.aborted': 'Cancelled.',
};

export type MessageParams = Record<string, string | number>;

/**
 * Fills `{name}` placeholders, and `{name|one|other}` plural choices for English ("{count}
 * {count|item|items}"): `one` when the value is 1. As text: the result goes into Lit text
 * bindings, never HTML.
 */
function fill(template: string, params: MessageParams): string {
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) =>
      name in params ? (String(params[name]) === '1' ? one : other) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A typed translator over a zh-CN table and its English twin. Each element keeps its own
 * strings in `<element>.messages.ts` built with this, so elements never edit one shared file.
 * `Record<keyof typeof zh, string>` on the English table makes a missing key a compile error.
 */
export function defineMessages<K extends string>(
  zh: Record<K, string>,
  english: Record<K, string>,
): (locale: string, key: K, params?: MessageParams) => string {
  return (locale, key, params = {}) => fill((locale === 'en' ? english : zh)[key], params);
}

/** The kit-wide messages (store states, errors, retry). */
export const t = defineMessages<MessageKey>(zhCN, en);

export function errorMessage(locale: string, code: StorefrontErrorCode): string {
  return t(locale, `error.${code}` as MessageKey);
}
