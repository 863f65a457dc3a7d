import { defineMessages } from '../shared/messages.js';

/** What `<sf-cart-button>` says, in zh-CN (the default) and en. Placeholders are `{name}`. */
const zh = {
  label: '购物车',
  name: '{label}，{count} 件商品',
  nameOne: '{label}，{count} 件商品',
  overflow: '99+',
};

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  label: 'Cart',
  name: '{label}, {count} items',
  nameOne: '{label}, {count} item',
  overflow: '99+',
};

export const msg = defineMessages<Key>(zh, en);
