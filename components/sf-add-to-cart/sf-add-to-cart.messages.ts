import { defineMessages } from '../shared/messages.js';

/** What `<sf-add-to-cart>` says, in zh-CN (the default) and en. Placeholders are `{name}`. */
const zh = {
  add: '加入购物车',
  adding: '正在加入…',
  added: '已加入购物车',
  addedCount: '已加入购物车（{count} 件）',
  for: '：{title}',
  loading: '正在加载商品…',
  soldOut: '已售罄',
  unknown: '商品不存在',
  'unknown.body': '未找到商品 {sku}，请检查 sku 是否正确。',
  noSku: '未指定商品',
  'noSku.body': '请为 <sf-add-to-cart> 设置 sku 属性。',
  capped: '库存不足，已为你加入 {count} 件',
  limit: '已达库存上限',
  'limit.max': '已达库存上限（最多 {max} 件）',
  lineMax: '每件商品最多购买 {max} 件',
  unbuyable: '该商品暂时无法购买，请稍后再试。',
  'quantity.label': '数量',
  'quantity.decrease': '减少数量',
  'quantity.increase': '增加数量',
  'quantity.max': '最多 {max} 件',
};

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  add: 'Add to cart',
  adding: 'Adding…',
  added: 'Added to cart',
  addedCount: 'Added to cart ({count})',
  for: ': {title}',
  loading: 'Loading product…',
  soldOut: 'Sold out',
  unknown: 'Product not found',
  'unknown.body': 'There is no product {sku}. Check the sku.',
  noSku: 'No product chosen',
  'noSku.body': 'Set the sku attribute of <sf-add-to-cart>.',
  capped: 'Not enough stock: we added {count} for you',
  limit: 'You already have all we have in stock',
  'limit.max': 'You already have all we have in stock (at most {max})',
  lineMax: 'At most {max} of one product per order',
  unbuyable: 'This product cannot be bought right now. Please try later.',
  'quantity.label': 'Quantity',
  'quantity.decrease': 'Decrease quantity',
  'quantity.increase': 'Increase quantity',
  'quantity.max': 'At most {max}',
};

export const msg = defineMessages<Key>(zh, en);
