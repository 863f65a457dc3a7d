// The grid benchmark page: 10,000 generated products in an infinite, virtualized grid.
import '../../src/index.js';
import { LocalAdapter, type Product } from '../../src/index.js';

function generated(count: number): Product[] {
  const nouns = ['纯棉短袖T恤', '连帽卫衣', '休闲长裤', '真无线耳机', '桌面音箱', '羊毛袜', '头戴式耳机', '家居服套装'];
  const adjectives = ['轻薄', '加厚', '宽松', '修身', '降噪', '复古', '简约', '亲肤'];
  return Array.from({ length: count }, (_, i) => ({
    id: `gen-${i}`,
    sku: `GEN-${String(i).padStart(5, '0')}`,
    title: `${adjectives[(i >> 3) % adjectives.length]}${nouns[i % nouns.length]} ${i + 1} 号`,
    price: { amount: 2900 + ((i * 7919) % 400) * 100, currency: 'CNY' },
    ...(i % 9 === 0 ? { compareAtPrice: { amount: 59900, currency: 'CNY' } } : {}),
    stock: (i * 13) % 40,
    rating: { average: 3.5 + ((i * 7) % 15) / 10, count: (i * 31) % 900 },
    createdAt: i,
  }));
}

declare global {
  interface Window {
    mountGrid(count: number): Promise<void>;
  }
}

window.mountGrid = async (count: number) => {
  const store = document.createElement('sf-store');
  store.setAttribute('store-id', `bench-${Date.now()}`);
  store.adapter = new LocalAdapter({ products: generated(count), indexedDB: null });
  const grid = document.createElement('sf-product-grid');
  grid.setAttribute('infinite', '');
  grid.setAttribute('page-size', '60');
  store.append(grid);
  document.body.append(store);
  await store.whenReady();
};
