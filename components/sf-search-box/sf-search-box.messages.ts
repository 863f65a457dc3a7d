import { defineMessages } from '../shared/messages.js';

/** What `<sf-search-box>` says, in zh-CN (the default) and en. Placeholders are `{name}`. */
const zh = {
  label: '搜索商品',
  placeholder: '输入商品名称或关键词',
  submit: '搜索',
  clear: '清除搜索',
  suggestions: '搜索建议',
  searching: '正在搜索…',
  connecting: '正在连接商店…',
  empty: '没有找到与「{query}」相关的商品',
  emptyHint: '换个关键词试试，或检查是否有错别字。',
  seeAll: '查看「{query}」的全部结果',
  'recent.title': '最近搜索',
  'recent.clear': '清除',
  'recent.clearLabel': '清除最近搜索',
  'status.results': '{count} 个商品建议，按上下方向键选择，按回车键打开。',
  'status.recent': '{count} 条最近搜索，按上下方向键选择。',
  'price.sale': '特卖',
  'price.was': '原价 {price}',
  'price.none': '暂无报价',
  untitled: '未命名商品',
};

const en: Record<keyof typeof zh, string> = {
  label: 'Search products',
  placeholder: 'Search by product name or keyword',
  submit: 'Search',
  clear: 'Clear search',
  suggestions: 'Search suggestions',
  searching: 'Searching…',
  connecting: 'Connecting to the store…',
  empty: 'No products match "{query}"',
  emptyHint: 'Try another word, or check the spelling.',
  seeAll: 'See all results for "{query}"',
  'recent.title': 'Recent searches',
  'recent.clear': 'Clear',
  'recent.clearLabel': 'Clear recent searches',
  'status.results': '{count} {count|suggestion|suggestions}. Use the up and down arrow keys to choose, Enter to open.',
  'status.recent': '{count} recent {count|search|searches}. Use the up and down arrow keys to choose.',
  'price.sale': 'Sale',
  'price.was': 'Was {price}',
  'price.none': 'No price yet',
  untitled: 'Untitled product',
};

export type SearchBoxMessageKey = keyof typeof zh;

export const msg = defineMessages<SearchBoxMessageKey>(zh, en);
