import type { Money } from '../../../core/money.js';
import type { Facet, Product } from '../../../core/types.js';
import { productImage, type ImageShape } from './demo-images.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const yuan = (fen: number): Money => ({ amount: fen, currency: 'CNY' });

export const DEMO_SERIES: Facet[] = [
  { id: 'cloud-cotton', title: '云棉', translations: { en: { title: 'CloudCotton' } } },
  { id: 'sound-isle', title: '声屿', translations: { en: { title: 'SoundIsle' } } },
];

export const DEMO_CATEGORIES: Facet[] = [
  { id: 'tops', title: '上衣', series: 'cloud-cotton', translations: { en: { title: 'Tops' } } },
  { id: 'bottoms', title: '裤装', series: 'cloud-cotton', translations: { en: { title: 'Bottoms' } } },
  { id: 'homewear', title: '家居服', series: 'cloud-cotton', translations: { en: { title: 'Homewear' } } },
  { id: 'accessories', title: '配饰', series: 'cloud-cotton', translations: { en: { title: 'Accessories' } } },
  { id: 'earbuds', title: '耳机', series: 'sound-isle', translations: { en: { title: 'Earbuds & Headphones' } } },
  { id: 'speakers', title: '音箱', series: 'sound-isle', translations: { en: { title: 'Speakers' } } },
  {
    id: 'audio-accessories',
    title: '音频配件',
    series: 'sound-isle',
    translations: { en: { title: 'Audio accessories' } },
  },
];

/** Backdrop hue of each category's pictures. */
const HUES: Record<string, number> = {
  tops: 18,
  bottoms: 205,
  homewear: 340,
  accessories: 150,
  earbuds: 212,
  speakers: 250,
  'audio-accessories': 188,
};

interface Spec {
  sku: string;
  category: string;
  shape: ImageShape;
  zh: [title: string, description: string];
  en: [title: string, description: string];
  /** List price in fen. */
  price: number;
  /** Struck-through reference price in fen. */
  was?: number;
  /** `null` for an untracked stock. */
  stock: number | null;
  tags: string[];
  /** [average, count, positiveRate]. */
  rating?: [number, number, number];
  /** Skus bought together with this one. */
  related: string[];
  freeShipping?: true;
}

const SPECS: Spec[] = [
  /* ------------------------------------------------ 云棉 CloudCotton: tops */
  {
    sku: 'CC-TEE-001',
    category: 'tops',
    shape: 'tee',
    zh: ['男士纯棉短袖T恤', '精选新疆棉，200g中厚面料柔软透气、不易变形。经典圆领版型，通勤、运动、打底都合适。'],
    en: [
      "Men's Cotton Short-Sleeve T-Shirt",
      'Soft, breathable 200 g Xinjiang cotton that keeps its shape. A classic crew-neck cut for commuting, workouts or layering.',
    ],
    price: 7900,
    was: 9900,
    stock: 268,
    tags: ['纯棉', '短袖', 'T恤', '男装', 'cotton', 'basic'],
    rating: [4.8, 2316, 0.97],
    related: ['CC-SOCK-001', 'CC-PNT-002', 'CC-CAP-001'],
    freeShipping: true,
  },
  {
    sku: 'CC-TEE-002',
    category: 'tops',
    shape: 'tee',
    zh: ['女士纯棉短袖T恤', '修身小圆领设计，精梳棉面料亲肤顺滑。多色可选，百搭不挑人。'],
    en: [
      "Women's Cotton Short-Sleeve T-Shirt",
      'A slim fit with a small crew neck in smooth combed cotton. Comes in many colours and goes with everything.',
    ],
    price: 7900,
    stock: 214,
    tags: ['纯棉', '短袖', 'T恤', '女装', 'cotton'],
    rating: [4.7, 1589, 0.96],
    related: ['CC-SOCK-002', 'CC-PNT-003', 'CC-BAG-001'],
  },
  {
    sku: 'CC-TEE-003',
    category: 'tops',
    shape: 'tee',
    zh: ['新疆长绒棉圆领T恤', '采用新疆长绒棉，纱支更细，光泽柔和、手感细腻。领口加固罗纹，多次洗涤不松垮。'],
    en: [
      'Xinjiang Long-Staple Cotton Crew-Neck Tee',
      'Finer long-staple cotton yarn with a soft sheen and a silky hand. A reinforced rib collar stays neat wash after wash.',
    ],
    price: 12900,
    was: 15900,
    stock: 136,
    tags: ['长绒棉', '圆领', 'T恤', '男女同款', 'premium'],
    rating: [4.9, 874, 0.98],
    related: ['CC-TEE-001', 'CC-SOCK-001', 'CC-PNT-001'],
  },
  {
    sku: 'CC-TEE-004',
    category: 'tops',
    shape: 'tee',
    zh: ['重磅纯棉宽松T恤', '260g重磅纯棉，挺括有型不透肉。落肩宽松版型，男女同款。'],
    en: [
      'Heavyweight Cotton Oversized Tee',
      '260 g heavyweight cotton that holds its shape and is never see-through. A dropped-shoulder relaxed fit, unisex.',
    ],
    price: 10900,
    stock: 0,
    tags: ['重磅', '宽松', 'T恤', 'oversize'],
    rating: [4.6, 652, 0.95],
    related: ['CC-PNT-002', 'CC-CAP-001'],
  },
  {
    sku: 'CC-TEE-005',
    category: 'tops',
    shape: 'tee',
    zh: ['男士纯棉V领T恤', '小V领设计修饰脸型，单穿、内搭都利落。精梳纯棉，吸湿透气。'],
    en: [
      "Men's Cotton V-Neck T-Shirt",
      'A shallow V-neck that flatters, neat on its own or layered. Combed cotton that breathes and absorbs moisture.',
    ],
    price: 8900,
    stock: 95,
    tags: ['纯棉', 'V领', 'T恤', '男装'],
    rating: [4.5, 318, 0.93],
    related: ['CC-SOCK-001', 'CC-PNT-001'],
  },
  {
    sku: 'CC-LST-001',
    category: 'tops',
    shape: 'longsleeve',
    zh: ['女士纯棉长袖T恤', '春秋打底必备，纯棉罗纹面料弹性好、贴身舒适。袖口微收，不易起球。'],
    en: [
      "Women's Cotton Long-Sleeve T-Shirt",
      'A spring and autumn layering essential in stretchy cotton rib that sits close and comfortable. Slightly tapered cuffs that resist pilling.',
    ],
    price: 9900,
    stock: 183,
    tags: ['纯棉', '长袖', '打底衫', '女装'],
    rating: [4.7, 1024, 0.96],
    related: ['CC-PNT-003', 'CC-SOCK-002'],
  },
  {
    sku: 'CC-LST-002',
    category: 'tops',
    shape: 'longsleeve',
    zh: ['男士华夫格长袖T恤', '华夫格肌理面料，透气又蓄暖。休闲宽松版型，居家出门两相宜。'],
    en: [
      "Men's Waffle-Knit Long-Sleeve Tee",
      'A waffle texture that breathes and holds warmth. A relaxed fit that works at home and out.',
    ],
    price: 11900,
    stock: 3,
    tags: ['华夫格', '长袖', '男装', 'waffle'],
    rating: [4.6, 287, 0.94],
    related: ['CC-PNT-001', 'CC-SOCK-001'],
  },
  {
    sku: 'CC-HOD-001',
    category: 'tops',
    shape: 'hoodie',
    zh: ['纯棉毛圈连帽卫衣', '380g纯棉毛圈面料，厚实柔软不闷热。双层帽檐、袋鼠口袋，经典款式百穿不腻。'],
    en: [
      'Cotton French Terry Hoodie',
      "Thick, soft 380 g cotton French terry that doesn't overheat. A double-layer hood and kangaroo pocket in a classic you won't tire of.",
    ],
    price: 25900,
    was: 29900,
    stock: 76,
    tags: ['卫衣', '连帽', '纯棉', '团购', 'hoodie'],
    rating: [4.8, 1347, 0.97],
    related: ['CC-PNT-002', 'CC-CAP-001', 'CC-SOCK-001'],
  },
  {
    sku: 'CC-HOD-002',
    category: 'tops',
    shape: 'hoodie',
    zh: ['加绒保暖连帽卫衣', '内里加厚摇粒绒，寒冬出门也能轻松应对。纯棉外层，不易起静电。'],
    en: ['Fleece-Lined Hoodie', 'A thick fleece lining for the coldest days. A cotton outer that resists static.'],
    price: 29900,
    stock: 58,
    tags: ['卫衣', '加绒', '保暖', 'hoodie'],
    rating: [4.7, 593, 0.95],
    related: ['CC-PNT-002', 'CC-SOCK-001'],
  },
  {
    sku: 'CC-SWT-001',
    category: 'tops',
    shape: 'longsleeve',
    zh: ['纯棉圆领卫衣', '简约圆领卫衣，纯棉毛圈面料亲肤保暖。下摆与袖口罗纹收口，版型利落。'],
    en: [
      'Cotton Crew-Neck Sweatshirt',
      'A minimalist crew-neck sweatshirt in warm, skin-friendly cotton terry. Ribbed hem and cuffs for a clean silhouette.',
    ],
    price: 19900,
    stock: 121,
    tags: ['卫衣', '圆领', '纯棉', 'sweatshirt'],
    rating: [4.6, 402, 0.94],
    related: ['CC-PNT-002', 'CC-TEE-003'],
  },
  {
    sku: 'CC-POL-001',
    category: 'tops',
    shape: 'tee',
    zh: ['男士纯棉Polo衫', '珠地网眼纯棉面料，透气不贴身。翻领挺括，商务休闲都得体。'],
    en: [
      "Men's Cotton Polo Shirt",
      "Breathable cotton piqué that doesn't cling. A crisp collar smart enough for business casual.",
    ],
    price: 14900,
    stock: 88,
    tags: ['Polo', '纯棉', '商务休闲', '男装'],
    rating: [4.5, 236, 0.93],
    related: ['CC-PNT-001', 'CC-SOCK-001'],
  },
  /* ------------------------------------------------ bottoms */
  {
    sku: 'CC-PNT-001',
    category: 'bottoms',
    shape: 'pants',
    zh: ['纯棉休闲长裤', '纯棉斜纹面料，挺括耐穿。直筒版型配松紧腰头，舒适不勒。'],
    en: [
      'Cotton Casual Trousers',
      'Durable cotton twill with a crisp drape. A straight leg and an elastic waist that never pinches.',
    ],
    price: 18900,
    was: 22900,
    stock: 142,
    tags: ['长裤', '休闲裤', '纯棉', 'chino'],
    rating: [4.6, 768, 0.95],
    related: ['CC-TEE-001', 'CC-POL-001', 'CC-SOCK-001'],
  },
  {
    sku: 'CC-PNT-002',
    category: 'bottoms',
    shape: 'pants',
    zh: ['纯棉束脚卫裤', '纯棉毛圈卫裤，束脚设计显高显瘦。抽绳腰头，运动、居家都舒服。'],
    en: [
      'Cotton Jogger Sweatpants',
      'Cotton terry joggers with cuffed ankles for a leaner look. A drawstring waist, comfortable for sport or lounging.',
    ],
    price: 16900,
    was: 19900,
    stock: 197,
    tags: ['卫裤', '束脚', '运动', 'jogger'],
    rating: [4.7, 1132, 0.96],
    related: ['CC-HOD-001', 'CC-SOCK-001'],
  },
  {
    sku: 'CC-SHO-001',
    category: 'bottoms',
    shape: 'pants',
    zh: ['纯棉运动短裤', '轻薄纯棉面料，夏季运动清爽不闷。侧边拉链口袋，手机钥匙不易掉。'],
    en: [
      'Cotton Sports Shorts',
      'Light cotton that keeps summer workouts cool. A zipped side pocket keeps your phone and keys secure.',
    ],
    price: 8900,
    stock: 164,
    tags: ['短裤', '运动', '夏季', 'shorts'],
    rating: [4.5, 421, 0.93],
    related: ['CC-TEE-004', 'CC-SOCK-001', 'CC-CAP-001'],
  },
  {
    sku: 'CC-PNT-003',
    category: 'bottoms',
    shape: 'pants',
    zh: ['女士纯棉阔腿裤', '高腰阔腿剪裁，垂感好、显腿长。纯棉面料透气，四季可穿。'],
    en: [
      "Women's Cotton Wide-Leg Pants",
      'A high-waisted wide-leg cut that drapes well and lengthens the legs. Breathable cotton for every season.',
    ],
    price: 19900,
    stock: 73,
    tags: ['阔腿裤', '高腰', '女装', 'wide-leg'],
    rating: [4.7, 539, 0.96],
    related: ['CC-LST-001', 'CC-BAG-001'],
  },
  /* ------------------------------------------------ homewear */
  {
    sku: 'CC-HOM-001',
    category: 'homewear',
    shape: 'homewear',
    zh: ['女士纯棉家居服套装', '长袖上衣配长裤，A类纯棉面料，达到婴幼儿用品安全标准。宽松版型，睡觉、居家都舒服。'],
    en: [
      "Women's Cotton Loungewear Set",
      'A long-sleeve top and trousers in Class A cotton that meets infant safety standards. A relaxed fit for sleeping and lounging.',
    ],
    price: 23900,
    was: 29900,
    stock: 112,
    tags: ['家居服', '睡衣', '套装', '女装'],
    rating: [4.8, 956, 0.97],
    related: ['CC-HOM-003', 'CC-SOCK-002'],
  },
  {
    sku: 'CC-HOM-002',
    category: 'homewear',
    shape: 'homewear',
    zh: ['男士纯棉睡衣套装', '翻领开衫款式，撞色滚边更显精致。纯棉平纹面料，越洗越柔软。'],
    en: [
      "Men's Cotton Pajama Set",
      'A notch-collar button-up with contrast piping. Plain-weave cotton that gets softer with every wash.',
    ],
    price: 25900,
    was: 29900,
    stock: 67,
    tags: ['睡衣', '套装', '男装', 'pajamas'],
    rating: [4.7, 341, 0.96],
    related: ['CC-HOM-003', 'CC-SOCK-001'],
  },
  {
    sku: 'CC-HOM-003',
    category: 'homewear',
    shape: 'homewear',
    zh: ['纯棉纱布睡袍', '三层纱布面料，吸水快、干得快。系带设计，浴后、晨起随手一披。'],
    en: [
      'Cotton Gauze Bathrobe',
      'Three-layer gauze that absorbs water and dries quickly. A tie belt to throw on after a shower or first thing in the morning.',
    ],
    price: 21900,
    stock: 49,
    tags: ['睡袍', '纱布', '浴袍'],
    rating: [4.6, 188, 0.95],
    related: ['CC-HOM-001', 'CC-HOM-002', 'CC-BAG-002'],
  },
  {
    sku: 'CC-HOM-004',
    category: 'homewear',
    shape: 'homewear',
    zh: ['情侣纯棉短袖家居套装', '短袖短裤夏季款，男款女款分开选购。纯棉针织面料，轻薄透气。'],
    en: [
      "Couples' Cotton Short-Sleeve Lounge Set",
      "A summer tee-and-shorts set, sold separately in men's and women's cuts. Light, breathable cotton jersey.",
    ],
    price: 19900,
    stock: 0,
    tags: ['家居服', '情侣', '夏季', '短袖'],
    related: ['CC-HOM-001', 'CC-HOM-002'],
  },
  /* ------------------------------------------------ accessories */
  {
    sku: 'CC-SOCK-001',
    category: 'accessories',
    shape: 'socks',
    zh: ['男士纯棉中筒袜（3双装）', '精梳棉袜身，加厚毛圈袜底，久走不累脚。订单满199元，加1元即可换购。'],
    en: [
      "Men's Cotton Crew Socks (3 Pairs)",
      'Combed cotton with a cushioned terry sole for all-day walking. Add a pack for just ¥1 when you spend ¥199.',
    ],
    price: 2990,
    stock: 300,
    tags: ['袜子', '中筒袜', '换购', 'socks'],
    rating: [4.8, 3120, 0.98],
    related: ['CC-TEE-001', 'CC-PNT-002'],
  },
  {
    sku: 'CC-SOCK-002',
    category: 'accessories',
    shape: 'socks',
    zh: ['女士纯棉船袜（5双装）', '浅口隐形设计，后跟硅胶防滑不掉跟。纯棉吸汗，夏季必备。'],
    en: [
      "Women's Cotton No-Show Socks (5 Pairs)",
      'Low-cut and invisible, with silicone heel grips that stay put. Sweat-absorbing cotton, a summer must.',
    ],
    price: 3990,
    was: 4990,
    stock: 245,
    tags: ['袜子', '船袜', '女装', '包邮'],
    rating: [4.7, 1876, 0.96],
    related: ['CC-TEE-002', 'CC-LST-001'],
    freeShipping: true,
  },
  {
    sku: 'CC-CAP-001',
    category: 'accessories',
    shape: 'cap',
    zh: ['纯棉水洗棒球帽', '水洗做旧纯棉帽身，软顶不压发型。后扣可调节，头围54-60cm适用。'],
    en: [
      'Washed Cotton Baseball Cap',
      "A soft washed-cotton crown that won't flatten your hair. An adjustable strap fits 54-60 cm.",
    ],
    price: 7900,
    stock: 4,
    tags: ['帽子', '棒球帽', '遮阳', 'cap'],
    rating: [4.6, 512, 0.95],
    related: ['CC-TEE-004', 'CC-BAG-001'],
  },
  {
    sku: 'CC-BAG-001',
    category: 'accessories',
    shape: 'bag',
    zh: ['纯棉帆布托特包', '12安加厚帆布，可装下14寸笔记本。内置拉链小袋，通勤、买菜都好用。'],
    en: [
      'Cotton Canvas Tote Bag',
      'Heavy 12 oz canvas that fits a 14-inch laptop. An inner zip pocket, handy for commuting or grocery runs.',
    ],
    price: 6900,
    stock: 158,
    tags: ['帆布包', '托特包', '通勤', 'tote'],
    rating: [4.7, 689, 0.96],
    related: ['CC-BAG-002', 'CC-CAP-001'],
    freeShipping: true,
  },
  {
    sku: 'CC-BAG-002',
    category: 'accessories',
    shape: 'bag',
    zh: ['纯棉束口收纳袋（2只装）', '旅行收纳衣物、鞋子、耳机都合适。可机洗，反复使用更环保。'],
    en: ['Cotton Drawstring Pouches (2-Pack)', 'For packing clothes, shoes or earbuds on the go. Machine-washable and reusable.'],
    price: 3900,
    stock: null,
    tags: ['收纳袋', '束口袋', '旅行'],
    related: ['CC-BAG-001', 'CC-HOM-003'],
  },
  /* ------------------------------------------------ 声屿 SoundIsle: earbuds & headphones */
  {
    sku: 'SI-BUD-001',
    category: 'earbuds',
    shape: 'earbuds',
    zh: ['声屿 Air 真无线蓝牙耳机', '半入耳设计，单次续航6小时、配合充电盒可达30小时。蓝牙5.3低延迟，通话双麦降噪。'],
    en: [
      'SoundIsle Air True Wireless Earbuds',
      'A half-in-ear design with 6 hours per charge and 30 hours with the case. Low-latency Bluetooth 5.3 and dual-mic noise reduction on calls.',
    ],
    price: 39900,
    was: 49900,
    stock: 86,
    tags: ['蓝牙耳机', '真无线', '限时特卖', 'TWS', 'Bluetooth'],
    rating: [4.7, 5210, 0.96],
    related: ['SI-CAS-001', 'SI-CBL-001', 'SI-CHG-001'],
  },
  {
    sku: 'SI-BUD-002',
    category: 'earbuds',
    shape: 'earbuds',
    zh: ['声屿 Pro 降噪耳机', '主动降噪深度达48dB，地铁、飞机上也能安静听歌。支持LDAC高清音频与空间音频。'],
    en: [
      'SoundIsle Pro Noise-Cancelling Earbuds',
      'Up to 48 dB of active noise cancellation for quiet listening on the metro or a plane. LDAC hi-res and spatial audio.',
    ],
    price: 89900,
    was: 99900,
    stock: 64,
    tags: ['降噪耳机', '主动降噪', '蓝牙耳机', 'ANC', 'Hi-Res'],
    rating: [4.9, 2874, 0.98],
    related: ['SI-CAS-002', 'SI-CHG-001', 'SI-CHG-002'],
  },
  {
    sku: 'SI-BUD-003',
    category: 'earbuds',
    shape: 'earbuds',
    zh: ['声屿 Lite 蓝牙耳机', '单耳仅重3.8g，久戴不胀痛。IPX4防水，运动出汗也不怕。'],
    en: [
      'SoundIsle Lite Bluetooth Earbuds',
      'Just 3.8 g per bud and comfortable for hours. IPX4 water resistance shrugs off sweat.',
    ],
    price: 19900,
    stock: 233,
    tags: ['蓝牙耳机', '入门', '轻巧', 'Bluetooth'],
    rating: [4.5, 3402, 0.93],
    related: ['SI-CBL-001', 'SI-CAS-001'],
  },
  {
    sku: 'SI-BUD-004',
    category: 'earbuds',
    shape: 'earbuds',
    zh: ['声屿 Sport 挂耳运动耳机', '柔性耳挂稳固贴合，跑步、跳绳都不掉。IPX7级防水，可直接冲洗。'],
    en: [
      'SoundIsle Sport Ear-Hook Earbuds',
      'Flexible ear hooks that stay put through runs and jump rope. IPX7 waterproof and rinseable.',
    ],
    price: 34900,
    stock: 118,
    tags: ['运动耳机', '挂耳式', '防水', 'sport'],
    rating: [4.6, 967, 0.95],
    related: ['SI-CBL-001', 'SI-CHG-001'],
  },
  {
    sku: 'SI-BUD-005',
    category: 'earbuds',
    shape: 'earbuds',
    zh: ['声屿 Open 开放式耳机', '不入耳设计，听歌的同时也能留意周围环境。定向声场减少漏音，通勤骑行更安心。'],
    en: [
      'SoundIsle Open-Ear Earbuds',
      'They sit outside the ear canal so you still hear your surroundings. Directional sound cuts leakage for safer commuting and cycling.',
    ],
    price: 59900,
    stock: 2,
    tags: ['开放式耳机', '不入耳', '新品', 'open-ear'],
    related: ['SI-CBL-001', 'SI-CHG-002'],
  },
  {
    sku: 'SI-HPH-001',
    category: 'earbuds',
    shape: 'headphones',
    zh: ['声屿 Max 头戴式降噪耳机', '40mm大动圈单元，低频饱满、人声通透。自适应降噪，续航长达60小时。'],
    en: [
      'SoundIsle Max Over-Ear ANC Headphones',
      '40 mm drivers with full bass and clear vocals. Adaptive noise cancellation and up to 60 hours of battery.',
    ],
    price: 89900,
    was: 119900,
    stock: 41,
    tags: ['头戴式耳机', '降噪耳机', '长续航', 'ANC'],
    rating: [4.8, 1265, 0.97],
    related: ['SI-CAS-003', 'SI-CBL-003'],
  },
  {
    sku: 'SI-HPH-002',
    category: 'earbuds',
    shape: 'headphones',
    zh: ['声屿 Studio 有线监听耳机', '专业监听调音，真实还原声音细节。线材可拆卸，录音、混音、练琴都适用。'],
    en: [
      'SoundIsle Studio Wired Monitor Headphones',
      'A flat, professional monitoring tune that reveals every detail. A detachable cable for recording, mixing or practice.',
    ],
    price: 49900,
    stock: 0,
    tags: ['监听耳机', '有线耳机', '录音', 'studio'],
    rating: [4.8, 432, 0.97],
    related: ['SI-CBL-003', 'SI-CAS-003'],
  },
  {
    sku: 'SI-HPH-003',
    category: 'earbuds',
    shape: 'headphones',
    zh: ['声屿 Kids 儿童头戴耳机', '85分贝音量限制，保护孩子听力。轻巧可折叠，上网课、听故事都合适。'],
    en: [
      'SoundIsle Kids Headphones',
      'An 85 dB volume limit protects young ears. Light and foldable, for online classes and audiobooks.',
    ],
    price: 24900,
    stock: 97,
    tags: ['儿童耳机', '头戴式', '网课', 'kids'],
    rating: [4.7, 658, 0.96],
    related: ['SI-CBL-003', 'SI-CAS-003'],
  },
  /* ------------------------------------------------ speakers */
  {
    sku: 'SI-SPK-001',
    category: 'speakers',
    shape: 'speaker',
    zh: ['声屿 Go 便携蓝牙音箱', '巴掌大小，可随手挂在背包上。IP67防尘防水，续航12小时。'],
    en: [
      'SoundIsle Go Portable Bluetooth Speaker',
      'Palm-sized and clips onto your backpack. IP67 dust- and waterproof, with 12 hours of battery.',
    ],
    price: 29900,
    stock: 152,
    tags: ['蓝牙音箱', '便携', '防水', 'Bluetooth'],
    rating: [4.6, 1893, 0.95],
    related: ['SI-CBL-001', 'SI-CHG-001'],
  },
  {
    sku: 'SI-SPK-002',
    category: 'speakers',
    shape: 'speaker',
    zh: ['声屿 Boom 户外防水音箱', '30W大功率配双低音振膜，露营、派对气氛拉满。支持两台串联组成立体声。'],
    en: [
      'SoundIsle Boom Outdoor Waterproof Speaker',
      '30 W with dual passive radiators to liven up any campsite or party. Pair two for stereo.',
    ],
    price: 59900,
    was: 69900,
    stock: 78,
    tags: ['户外音箱', '防水', '露营', 'party'],
    rating: [4.7, 746, 0.96],
    related: ['SI-CBL-001', 'SI-CHG-001'],
  },
  {
    sku: 'SI-SPK-003',
    category: 'speakers',
    shape: 'speaker',
    zh: ['声屿 Home 智能家居音箱', '360°环绕声场，一台即可填满整个客厅。支持语音助手与多房间联动。'],
    en: ['SoundIsle Home Smart Speaker', '360° sound that fills a whole living room. Voice assistant and multi-room support.'],
    price: 129900,
    was: 149900,
    stock: 35,
    tags: ['智能音箱', '双11', '语音助手', 'smart home'],
    rating: [4.8, 1024, 0.97],
    related: ['SI-SPK-005', 'SI-CBL-003'],
  },
  {
    sku: 'SI-SPK-004',
    category: 'speakers',
    shape: 'speaker',
    zh: ['声屿 Mini 桌面蓝牙音箱', '桌面小钢炮，电脑、手机一键切换。金属网罩，质感出众。'],
    en: [
      'SoundIsle Mini Desktop Speaker',
      'A small speaker with big sound that switches between computer and phone at one press. A premium metal grille.',
    ],
    price: 32900,
    stock: 124,
    tags: ['桌面音箱', '蓝牙音箱', '电脑音箱'],
    rating: [4.5, 587, 0.94],
    related: ['SI-CBL-003', 'SI-CBL-001'],
  },
  {
    sku: 'SI-SPK-005',
    category: 'speakers',
    shape: 'speaker',
    zh: ['声屿 Bar 电视回音壁', '支持杜比全景声，在家看电影也有影院般的沉浸感。HDMI eARC一线连接，电视遥控器即可控制。'],
    en: [
      'SoundIsle Bar TV Soundbar',
      'Dolby Atmos for a cinema feel at home. One HDMI eARC cable, controlled with your TV remote.',
    ],
    price: 99900,
    was: 119900,
    stock: 29,
    tags: ['回音壁', '家庭影院', '杜比全景声', 'soundbar'],
    rating: [4.7, 463, 0.96],
    related: ['SI-SPK-003', 'SI-CBL-003'],
  },
  {
    sku: 'SI-SPK-006',
    category: 'speakers',
    shape: 'speaker',
    zh: ['声屿 Retro 复古木质音箱', '胡桃木箱体搭配复古旋钮，摆在书架上就是一件装饰。音色温暖醇厚，适合爵士与民谣。'],
    en: [
      'SoundIsle Retro Wooden Speaker',
      'A walnut cabinet with vintage knobs, a display piece on any bookshelf. Warm, rich sound made for jazz and folk.',
    ],
    price: 69900,
    stock: 5,
    tags: ['复古音箱', '木质', '新品', 'retro'],
    related: ['SI-CBL-003', 'SI-SPK-004'],
  },
  /* ------------------------------------------------ audio accessories */
  {
    sku: 'SI-CBL-001',
    category: 'audio-accessories',
    shape: 'cable',
    zh: ['Type-C 快充数据线', '支持60W PD快充，长度1米。编织线身耐弯折，通过2万次弯折测试。'],
    en: [
      'Type-C Fast-Charging Cable (1 m)',
      'Supports 60 W PD fast charging, 1 m long. A braided jacket tested to 20,000 bends.',
    ],
    price: 2900,
    stock: 287,
    tags: ['数据线', '快充', 'Type-C', 'USB-C'],
    rating: [4.7, 4388, 0.96],
    related: ['SI-CHG-001', 'SI-CBL-002'],
    freeShipping: true,
  },
  {
    sku: 'SI-CBL-002',
    category: 'audio-accessories',
    shape: 'cable',
    zh: ['Type-C 转 Lightning 编织数据线', 'MFi官方认证，支持iPhone 20W快充。1.2米编织线身，耐用不打结。'],
    en: [
      'Type-C to Lightning Braided Cable',
      'MFi certified, with 20 W fast charging for iPhone. A 1.2 m braided cable that lasts and never tangles.',
    ],
    price: 5900,
    stock: 176,
    tags: ['数据线', 'Lightning', 'iPhone', '快充'],
    rating: [4.6, 1532, 0.95],
    related: ['SI-CHG-001', 'SI-CBL-001'],
  },
  {
    sku: 'SI-CBL-003',
    category: 'audio-accessories',
    shape: 'cable',
    zh: ['3.5mm 音频线', '镀金接头，信号稳定、底噪更低。适用于头戴耳机、音箱与车载AUX。'],
    en: [
      '3.5 mm Audio Cable',
      'Gold-plated plugs for a stable signal and a lower noise floor. For headphones, speakers and car AUX.',
    ],
    price: 3900,
    stock: null,
    tags: ['音频线', 'AUX', '3.5mm'],
    rating: [4.5, 812, 0.94],
    related: ['SI-HPH-002', 'SI-SPK-006'],
  },
  {
    sku: 'SI-CAS-001',
    category: 'audio-accessories',
    shape: 'case',
    zh: ['声屿 Air 硅胶保护套', '液态硅胶材质，防摔防刮不沾灰。附赠金属挂扣，可挂在包上。'],
    en: [
      'SoundIsle Air Silicone Case',
      "Liquid silicone that guards against drops and scratches and doesn't collect dust. Comes with a metal carabiner.",
    ],
    price: 4900,
    stock: 210,
    tags: ['保护套', '硅胶', '耳机配件'],
    rating: [4.6, 1245, 0.95],
    related: ['SI-BUD-001', 'SI-CBL-001'],
    freeShipping: true,
  },
  {
    sku: 'SI-CAS-002',
    category: 'audio-accessories',
    shape: 'case',
    zh: ['声屿 Pro 皮革保护套', '植鞣牛皮手工缝制，越用越有质感。不影响无线充电。'],
    en: [
      'SoundIsle Pro Leather Case',
      'Hand-stitched vegetable-tanned leather that ages beautifully. Wireless charging still works.',
    ],
    price: 9900,
    stock: 63,
    tags: ['保护套', '真皮', '耳机配件', 'leather'],
    rating: [4.8, 276, 0.97],
    related: ['SI-BUD-002', 'SI-CHG-002'],
  },
  {
    sku: 'SI-CHG-001',
    category: 'audio-accessories',
    shape: 'charger',
    zh: ['20W PD 快充充电头', '30分钟可为手机充至50%电量。插脚可折叠，小巧便携。'],
    en: ['20W PD Fast Charger', 'Charges a phone to 50% in 30 minutes. Folding prongs, small enough to carry anywhere.'],
    price: 6900,
    was: 8900,
    stock: 198,
    tags: ['充电头', '快充', 'PD', '20W'],
    rating: [4.7, 2056, 0.96],
    related: ['SI-CBL-001', 'SI-CBL-002', 'SI-CHG-002'],
  },
  {
    sku: 'SI-CHG-002',
    category: 'audio-accessories',
    shape: 'charger',
    zh: ['声屿 15W 无线充电板', '15W无线快充，耳机、手机都能充。放上即充，异物检测更安全。'],
    en: [
      'SoundIsle 15W Wireless Charging Pad',
      'Up to 15 W wireless charging for earbuds and phones. Just set them down; foreign-object detection keeps it safe.',
    ],
    price: 9900,
    stock: 84,
    tags: ['无线充电', '充电板', '新品', 'Qi'],
    related: ['SI-CHG-001', 'SI-BUD-002'],
  },
  {
    sku: 'SI-CAS-003',
    category: 'audio-accessories',
    shape: 'case',
    zh: ['头戴耳机收纳包', '硬壳EVA材质，抗压防摔。内置网兜收纳线材，适合大多数头戴式耳机。'],
    en: [
      'Over-Ear Headphone Carrying Case',
      'A hard EVA shell that resists crushing and drops. An inner mesh pocket holds cables; fits most over-ear headphones.',
    ],
    price: 7900,
    stock: 136,
    tags: ['收纳包', '耳机包', '旅行'],
    rating: [4.6, 389, 0.95],
    related: ['SI-HPH-001', 'SI-HPH-002'],
  },
];

/**
 * The demo catalog, with every time-bound field (flash sales, group buy, `createdAt`)
 * placed relative to `now`. Returns fresh objects on every call.
 */
export function createDemoProducts(now: number): Product[] {
  const ids = new Map(SPECS.map((spec, i) => [spec.sku, `p-${String(i + 1).padStart(3, '0')}`]));
  const seriesOf = new Map(DEMO_CATEGORIES.map((c) => [c.id, c.series]));
  return SPECS.map((spec, i): Product => {
    const product: Product = {
      id: ids.get(spec.sku)!,
      sku: spec.sku,
      title: spec.zh[0],
      description: spec.zh[1],
      price: yuan(spec.price),
      series: seriesOf.get(spec.category),
      category: spec.category,
      tags: [...spec.tags],
      images: [productImage(spec.shape, (HUES[spec.category] ?? 0) + (i % 3) * 14, spec.zh[0])],
      stock: spec.stock ?? undefined,
      related: spec.related.map((sku) => {
        const id = ids.get(sku);
        if (!id) throw new Error(`demo product ${spec.sku}: unknown related sku ${sku}`);
        return id;
      }),
      // Spread over the last 120 days, a few hours apart so "newest" has a stable order.
      createdAt: now - ((i * 53) % 118) * DAY - (i % 7) * 3 * HOUR - HOUR,
      translations: { en: { title: spec.en[0], description: spec.en[1] } },
    };
    if (spec.was !== undefined) product.compareAtPrice = yuan(spec.was);
    if (spec.rating) {
      const [average, count, positiveRate] = spec.rating;
      product.rating = { average, count, positiveRate };
    }
    if (spec.freeShipping) product.freeShipping = true;
    switch (spec.sku) {
      case 'SI-BUD-001':
        // The one running 限时特卖, above the 70% floor (¥299 of ¥399).
        product.flashSale = {
          price: yuan(29900),
          startsAt: now - HOUR,
          endsAt: now + 2 * HOUR + 15 * 60_000,
          label: '限时特卖',
        };
        break;
      case 'SI-SPK-003':
        // A flagged campaign may go below the floor (¥799 of ¥1,299).
        product.flashSale = {
          price: yuan(79900),
          startsAt: now - DAY,
          endsAt: now + 3 * DAY,
          campaign: true,
          label: '双11',
        };
        break;
      case 'CC-HOD-001':
        product.groupBuy = {
          price: yuan(19900),
          joined: 37,
          needed: 50,
          deadline: now + 3 * DAY,
          presaleStock: 120,
        };
        break;
    }
    return product;
  });
}
