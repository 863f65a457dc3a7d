/*
 * A deterministic synthetic catalog shaped like a Chinese marketplace: titles that pile brand,
 * model words (often English), audience, adjectives, the product noun, a colour and promo
 * fluff into one line ("【官方正品】声屿 Air Pro 男士纯棉加厚短袖T恤 雾霾蓝 春夏新款"), an English
 * translation (title, and a description that repeats it plus a short phrase whose words share no
 * 4-letter prefix with any title word), a Chinese description, tags, series/category and a
 * price in fen.
 *
 * The first TARGET_COUNT products are "targets": they carry brands and English model names
 * that no other product has, so the labelled queries built around them have small, exact
 * relevant sets. The rest is the haystack. Same seed and N, same catalog, in Node and Chromium.
 */

/** Mulberry32: a small seeded PRNG; returns floats in [0, 1). */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    /** `count` distinct items of `list`, in list order. */
    sample: (list, count) => {
      const indexes = list.map((_, i) => i);
      for (let i = indexes.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [indexes[i], indexes[j]] = [indexes[j], indexes[i]];
      }
      return indexes
        .slice(0, count)
        .sort((a, b) => a - b)
        .map((i) => list[i]);
    },
  };
}

export const DEFAULT_SEED = 20261125;
export const DEFAULT_N = 50000;
export const TARGET_COUNT = 300;

/** Everyday brands: each shows up in about 1 in 40 products. */
const BRANDS = [
  ['云栖', 'CloudNest'],
  ['木槿', 'Mugin'],
  ['南山', 'Nanshan'],
  ['青禾', 'GreenGrain'],
  ['白鹿', 'WhiteDeer'],
  ['星河', 'StarRiver'],
  ['远山', 'FarHill'],
  ['拾光', 'Shiguang'],
  ['初见', 'FirstSight'],
  ['朗途', 'Langtu'],
  ['悦动', 'JoyMove'],
  ['墨客', 'Inkman'],
  ['锦程', 'Jincheng'],
  ['暖阳', 'WarmSun'],
  ['晨曦', 'Dawnlight'],
  ['凌风', 'Lingfeng'],
  ['北纬', 'Latitude'],
  ['海盐', 'SeaSalt'],
  ['松果', 'PineCone'],
  ['麦田', 'WheatField'],
  ['知竹', 'Bamboo'],
  ['小满', 'Xiaoman'],
  ['立秋', 'Liqiu'],
  ['橙子', 'Orangey'],
  ['鲸落', 'Whalefall'],
  ['山野', 'Wildland'],
  ['素然', 'Suran'],
  ['安途', 'SafeTrip'],
  ['优品', 'Youpin'],
  ['极客', 'Geekit'],
].map(([zh, en]) => ({ zh, en }));

/** Target-only brands (25 products each) and English model names (15 products each). */
const TARGET_BRANDS = [
  ['声屿', 'SoundIsle'],
  ['澜岛', 'Landao'],
  ['霁月', 'ClearMoon'],
  ['砚川', 'Yanchuan'],
  ['栖鹤', 'Qihe'],
  ['枫岚', 'Maplemist'],
  ['沐禾', 'Muhe'],
  ['琉光', 'Glazelight'],
  ['鹿鸣', 'Luming'],
  ['曜石', 'Obsidia'],
  ['汀兰', 'Tinglan'],
  ['珩宇', 'Hengyu'],
].map(([zh, en]) => ({ zh, en }));

const TARGET_MODELS = [
  'Aerolite',
  'Tidewave',
  'Nimbus',
  'Zephyr',
  'Quasar',
  'Solstice',
  'Driftwood',
  'Halcyon',
  'Cascade',
  'Meridian',
  'Lumina',
  'Vortex',
  'Serene',
  'Glacier',
  'Falcon',
  'Willow',
  'Breeze',
  'Summit',
  'Ember',
  'Orbit',
];

/** Model words everyone uses. */
const MODELS = ['Air', 'Pro', 'Max', 'Lite', 'Plus', 'Mini', 'Ultra', 'Neo', 'Sport', 'SE', 'X3', 'S2', 'Go'];

const AUDIENCES = [
  ['男士', "Men's"],
  ['女士', "Women's"],
  ['儿童', "Kids'"],
  ['男女同款', 'Unisex'],
  ['情侣', "Couples'"],
  ['学生', 'Student'],
].map(([zh, en]) => ({ zh, en }));

const COLORS = [
  ['雾霾蓝', 'Haze Blue'],
  ['燕麦色', 'Oatmeal'],
  ['奶油白', 'Cream White'],
  ['焦糖色', 'Caramel'],
  ['墨绿色', 'Forest Green'],
  ['樱花粉', 'Sakura Pink'],
  ['深空灰', 'Space Grey'],
  ['藏青色', 'Navy'],
  ['酒红色', 'Burgundy'],
  ['象牙白', 'Ivory'],
].map(([zh, en]) => ({ zh, en }));

const PROMOS = ['【官方正品】', '【顺丰包邮】', '2025新款', '【限时特惠】', '【旗舰店】', '【现货速发】'];
const SUFFIXES = ['春夏新款', '秋冬款', '大码', '学生党', '送礼推荐', '爆款', '百搭款', '网红同款'];

const a = (zh, en) => ({ zh, en });
/** A product noun: Chinese, English, the words a shopper may type apart, tags, an optional English word used in Chinese titles. */
const n = (zh, en, words, tags, enInZh) => ({ zh, en, words, tags, enInZh });

const CATEGORIES = [
  {
    id: 'apparel',
    zh: '服装',
    audience: true,
    adjectives: [
      a('纯棉', 'Cotton'),
      a('加厚', 'Thick'),
      a('宽松', 'Loose'),
      a('修身', 'Slim-Fit'),
      a('速干', 'Quick-Dry'),
      a('冰丝', 'Ice-Silk'),
      a('加绒', 'Fleece-Lined'),
      a('复古', 'Vintage'),
      a('简约', 'Minimalist'),
      a('百搭', 'Versatile'),
      a('透气', 'Breathable'),
      a('保暖', 'Warm'),
      a('重磅', 'Heavyweight'),
      a('防风', 'Windproof'),
    ],
    nouns: [
      n('短袖T恤', 'Short-Sleeve T-shirt', ['短袖', 'T恤'], ['T恤', '短袖', 'tee']),
      n('长袖T恤', 'Long-Sleeve T-shirt', ['长袖', 'T恤'], ['T恤', '长袖', 'tee']),
      n('长袖衬衫', 'Long-Sleeve Shirt', ['长袖', '衬衫'], ['衬衫', 'shirt']),
      n('连帽卫衣', 'Hoodie', ['连帽', '卫衣'], ['卫衣', 'hoodie'], 'Hoodie'),
      n('圆领卫衣', 'Crewneck Sweatshirt', ['圆领', '卫衣'], ['卫衣', 'sweatshirt'], 'Sweatshirt'),
      n('牛仔裤', 'Jeans', ['牛仔裤'], ['裤装', 'jeans'], 'Jeans'),
      n('运动裤', 'Sweatpants', ['运动裤'], ['裤装', 'sweatpants']),
      n('羽绒服', 'Down Jacket', ['羽绒服'], ['外套', 'jacket']),
      n('冲锋衣', 'Outdoor Windbreaker', ['冲锋衣'], ['外套', 'windbreaker']),
      n('针织毛衣', 'Knit Sweater', ['针织', '毛衣'], ['毛衣', 'sweater'], 'Sweater'),
      n('POLO衫', 'Polo Shirt', ['POLO衫'], ['POLO衫', 'polo']),
      n('休闲短裤', 'Casual Shorts', ['休闲', '短裤'], ['裤装', 'shorts']),
      n('连衣裙', 'Dress', ['连衣裙'], ['裙装', 'dress']),
      n('船袜', 'Ankle Socks', ['船袜'], ['袜子', 'socks'], 'Socks'),
      n('中筒袜', 'Crew Socks', ['中筒袜'], ['袜子', 'socks'], 'Socks'),
    ],
    phrases: ['面料柔软亲肤，上身舒适不闷热', '版型挺括，走线细致', '日常通勤、周末出游都合适', '多次水洗不变形不起球'],
    phrasesEn: ['Soft on the skin and easy to wash', 'Neat stitching that keeps its shape'],
  },
  {
    id: 'digital',
    zh: '数码',
    audience: false,
    adjectives: [
      a('无线', 'Wireless'),
      a('降噪', 'Noise-Cancelling'),
      a('入耳式', 'In-Ear'),
      a('超长续航', 'Long-Battery'),
      a('快充', 'Fast-Charging'),
      a('磁吸', 'Magnetic'),
      a('便携', 'Portable'),
      a('防水', 'Waterproof'),
      a('低延迟', 'Low-Latency'),
      a('电竞', 'Gaming'),
      a('静音', 'Silent'),
      a('大容量', 'High-Capacity'),
    ],
    nouns: [
      n('蓝牙耳机', 'Bluetooth Earbuds', ['蓝牙', '耳机'], ['耳机', 'earbuds'], 'Earbuds'),
      n('真无线耳机', 'True Wireless Earbuds', ['真无线', '耳机'], ['耳机', 'TWS'], 'Earbuds'),
      n('头戴式耳机', 'Over-Ear Headphones', ['头戴式', '耳机'], ['耳机', 'headphones'], 'Headphones'),
      n('蓝牙音箱', 'Bluetooth Speaker', ['蓝牙', '音箱'], ['音箱', 'speaker'], 'Speaker'),
      n('充电宝', 'Power Bank', ['充电宝'], ['充电', 'powerbank']),
      n('数据线', 'Charging Cable', ['数据线'], ['配件', 'cable']),
      n('氮化镓充电器', 'GaN Charger', ['氮化镓', '充电器'], ['充电', 'charger']),
      n('智能手表', 'Smartwatch', ['智能', '手表'], ['穿戴', 'smartwatch'], 'Watch'),
      n('机械键盘', 'Mechanical Keyboard', ['机械', '键盘'], ['外设', 'keyboard'], 'Keyboard'),
      n('鼠标', 'Mouse', ['鼠标'], ['外设', 'mouse']),
      n('手机壳', 'Phone Case', ['手机壳'], ['配件', 'case']),
    ],
    phrases: ['连接稳定，续航持久', '音质清晰饱满，佩戴舒适', '小巧轻便，随身携带', '支持多设备切换，办公娱乐两不误'],
    phrasesEn: ['Stable connection and easy pairing', 'Rich audio, comfortable all day'],
  },
  {
    id: 'home',
    zh: '家居',
    audience: false,
    adjectives: [
      a('大容量', 'Large'),
      a('便携', 'Portable'),
      a('北欧风', 'Nordic'),
      a('简约', 'Minimalist'),
      a('纯棉', 'Cotton'),
      a('保温', 'Insulated'),
      a('不锈钢', 'Stainless'),
      a('陶瓷', 'Ceramic'),
      a('护眼', 'Eye-Care'),
      a('加厚', 'Thick'),
    ],
    nouns: [
      n('保温杯', 'Thermos Bottle', ['保温杯'], ['杯子', 'thermos'], 'Thermos'),
      n('马克杯', 'Coffee Mug', ['马克杯'], ['杯子', 'mug']),
      n('抱枕', 'Throw Pillow', ['抱枕'], ['家纺', 'pillow']),
      n('浴巾', 'Bath Towel', ['浴巾'], ['家纺', 'towel']),
      n('床上四件套', 'Bedding Set', ['四件套'], ['家纺', 'bedding']),
      n('台灯', 'Desk Lamp', ['台灯'], ['灯具', 'lamp']),
      n('收纳盒', 'Storage Box', ['收纳盒'], ['收纳', 'storage']),
      n('香薰蜡烛', 'Scented Candle', ['香薰', '蜡烛'], ['香薰', 'candle']),
    ],
    phrases: ['居家必备，品质之选', '材质安全，易于清洁', '精致外观，送礼自用皆宜', '细节用心，经久耐用'],
    phrasesEn: ['Made to last and easy to wipe down', 'A neat gift for any home'],
  },
  {
    id: 'sports',
    zh: '运动',
    audience: true,
    adjectives: [
      a('轻便', 'Lightweight'),
      a('透气', 'Breathable'),
      a('防滑', 'Non-Slip'),
      a('减震', 'Cushioned'),
      a('防水', 'Waterproof'),
      a('大容量', 'Large-Capacity'),
      a('速干', 'Quick-Dry'),
    ],
    nouns: [
      n('跑步鞋', 'Running Shoes', ['跑步鞋'], ['鞋', 'sneakers'], 'Sneakers'),
      n('瑜伽垫', 'Yoga Mat', ['瑜伽垫'], ['瑜伽', 'yoga']),
      n('双肩包', 'Backpack', ['双肩包'], ['箱包', 'backpack'], 'Backpack'),
      n('棒球帽', 'Baseball Cap', ['棒球帽'], ['帽子', 'cap']),
      n('运动水壶', 'Sports Bottle', ['运动', '水壶'], ['水壶', 'bottle']),
      n('护膝', 'Knee Brace', ['护膝'], ['护具', 'brace']),
    ],
    phrases: ['适合跑步健身，运动无负担', '轻盈透气，户外出行好帮手', '人体工学设计，久用不累', '结实耐磨，通勤健身两用'],
    phrasesEn: ['Tough enough for the gym and the trail', 'Easy to carry on every outing'],
  },
];

const BOILERPLATE = ['正品保障，七天无理由退换。', '下单后四十八小时内发货。', '如有疑问请联系在线客服。'];

function priceFen(random) {
  const yuan = random.pick([9, 19, 29, 39, 49, 59, 69, 79, 89, 99, 129, 159, 199, 259, 299, 399, 599, 899, 1299]);
  return yuan * 100 + random.pick([0, 0, 0, 90]);
}

/**
 * One product and the parts its Chinese title was assembled from (`segments`, in title order,
 * each `{ zh, kind }`), which the query generator uses.
 */
function makeProduct(random, index, target) {
  const category = random.pick(CATEGORIES);
  const noun = random.pick(category.nouns);
  const adjectives = random.sample(category.adjectives, random.int(1, 2));
  const audience = category.audience && random.chance(0.6) ? random.pick(AUDIENCES) : null;
  const color = random.chance(0.4) ? random.pick(COLORS) : null;
  const brand = target ? target.brand : random.pick(BRANDS);
  const models = [];
  if (target) models.push(target.model);
  if (random.chance(target ? 0.4 : 0.5)) models.push(random.pick(MODELS));
  if (random.chance(0.15)) models.push(random.pick(MODELS.filter((m) => !models.includes(m))));

  const segments = [];
  let title = '';
  if (random.chance(0.35)) {
    const promo = random.pick(PROMOS);
    title += promo;
    segments.push({ zh: promo.replace(/[【】]/g, ''), kind: 'promo' });
  }
  title += brand.zh;
  segments.push({ zh: brand.zh, kind: 'brand' });
  if (models.length > 0) title += ` ${models.join(' ')}`;
  title += ' ';
  if (audience) {
    title += audience.zh;
    segments.push({ zh: audience.zh, kind: 'audience' });
  }
  for (const adjective of adjectives) {
    title += adjective.zh;
    segments.push({ zh: adjective.zh, kind: 'adjective' });
  }
  title += noun.zh;
  for (const word of noun.words) segments.push({ zh: word, kind: 'noun' });
  if (noun.enInZh && random.chance(0.3)) title += ` ${noun.enInZh}`;
  if (color) {
    title += ` ${color.zh}`;
    segments.push({ zh: color.zh, kind: 'color' });
  }
  if (random.chance(0.3)) {
    const suffix = random.pick(SUFFIXES);
    title += ` ${suffix}`;
    segments.push({ zh: suffix, kind: 'suffix' });
  }

  const enTitle = [
    brand.en,
    ...models,
    audience?.en,
    ...adjectives.map((adjective) => adjective.en),
    noun.en,
    color ? `- ${color.en}` : undefined,
  ]
    .filter(Boolean)
    .join(' ');

  let description = `${brand.zh}${noun.zh}，${adjectives[0].zh}设计，${random.pick(category.phrases)}。`;
  if (color) description += `颜色：${color.zh}。`;
  if (random.chance(0.5)) description += random.pick(BOILERPLATE);

  const tags = [category.zh, ...noun.tags, ...adjectives.map((adjective) => adjective.zh)];
  if (audience) tags.push(audience.zh);

  const number = String(index + 1).padStart(6, '0');
  const product = {
    id: `p${number}`,
    sku: `SKU-${category.id.slice(0, 3).toUpperCase()}-${number}`,
    title,
    price: { amount: priceFen(random), currency: 'CNY' },
    description,
    series: `${brand.en.toLowerCase()}-${category.id}`,
    category: category.id,
    tags,
    translations: { en: { title: enTitle, description: `${enTitle}. ${random.pick(category.phrasesEn)}.` } },
  };
  return { product, segments, target: Boolean(target) };
}

/**
 * `n` products (default 50,000) from `seed`. Returns `{ products, meta }` where `meta[i]` is
 * `{ segments, target }` for `products[i]`; the first `TARGET_COUNT` products are targets.
 */
export function generateCatalog({ n = DEFAULT_N, seed = DEFAULT_SEED } = {}) {
  const random = createRandom(seed);
  const products = [];
  const meta = [];
  const targetCount = Math.min(TARGET_COUNT, Math.floor(n / 4));
  for (let i = 0; i < n; i += 1) {
    const target =
      i < targetCount ? { brand: TARGET_BRANDS[i % TARGET_BRANDS.length], model: TARGET_MODELS[i % TARGET_MODELS.length] } : null;
    const { product, segments } = makeProduct(random, i, target);
    products.push(product);
    meta.push({ segments, target: Boolean(target) });
  }
  return { products, meta, targetCount };
}
