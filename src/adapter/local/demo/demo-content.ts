import type { Money } from '../../../core/money.js';
import type { GuestbookEntry, HelpArticle, Member, Order, OrderEvent, PaymentMethod, Promotion } from '../../../core/types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const yuan = (fen: number): Money => ({ amount: fen, currency: 'CNY' });

/* ---------------------------------------------------------------- promotions */

export const DEMO_PROMOTIONS: Promotion[] = [
  // VIP members get 5% off (basis points); ordinary members get no tier discount.
  { kind: 'vip', id: 'vip', tiers: { vip: 500 } },
  {
    kind: 'threshold',
    id: 'full-reduction',
    tiers: [
      { threshold: yuan(19900), discount: yuan(2000) },
      { threshold: yuan(39900), discount: yuan(5000) },
    ],
  },
  { kind: 'add-on', id: 'add-on-socks', threshold: yuan(19900), sku: 'CC-SOCK-001', price: yuan(100) },
  { kind: 'shipping', id: 'shipping', fee: yuan(1000), freeThreshold: yuan(9900) },
];

/* ---------------------------------------------------------------- help centre */

type ArticleSpec = [id: string, topic: HelpArticle['topic'], zh: [string, string], en: [string, string]];

const ARTICLES: ArticleSpec[] = [
  [
    'guide-order',
    'guide',
    [
      '如何下单',
      '在商品页选择颜色、尺码和数量，点击“加入购物车”。确认购物车中的商品无误后点击“去结算”，填写收货地址并选择支付方式即可完成下单。\n\n登录会员账号下单，可以在“我的订单”中随时查看订单状态和物流进度。未登录也可以凭订单号和手机号查询订单。',
    ],
    [
      'How to place an order',
      'On a product page, choose the colour, size and quantity, then click "Add to cart". Check your cart, click "Checkout", enter your delivery address and choose a payment method to place the order.\n\nWhen you order signed in, "My orders" shows the status and tracking of every order. Without an account you can still look an order up with its number and your phone number.',
    ],
  ],
  [
    'guide-size',
    'guide',
    [
      '尺码选择',
      '云棉服饰均按国内标准尺码制作，每个商品页都附有详细的尺码表。建议拿一件合身的衣服平铺测量，再对照尺码表选择。\n\n如果介于两个尺码之间，喜欢宽松效果可以选大一码。收到后不合适，签收7天内可申请换码。',
    ],
    [
      'Choosing your size',
      'CloudCotton clothing follows Chinese standard sizing, and every product page has a detailed size chart. Measure a well-fitting garment laid flat and compare it with the chart.\n\nIf you are between two sizes and like a relaxed fit, size up. If it does not fit, you can exchange it within 7 days of delivery.',
    ],
  ],
  [
    'guide-member',
    'guide',
    [
      '会员与VIP',
      '注册会员完全免费，登录后可以查看订单、收藏商品并在留言板发表评价。VIP会员购买全场商品均享95折。\n\n会员还可以开通全年包邮卡，一年内所有订单不限金额免运费。满减、换购等活动对所有顾客开放。',
    ],
    [
      'Membership and VIP',
      'Membership is free: sign in to see your orders, save favourites and post reviews in the guestbook. VIP members get 5% off everything.\n\nMembers can also get the annual free-shipping card, which makes every order ship free for a year. Spend-and-save and add-on deals are open to every shopper.',
    ],
  ],
  [
    'promise-genuine',
    'promise',
    [
      '正品保障',
      '本店所有商品均由品牌官方直供，假一赔十。云棉服饰面料均通过国家纺织品安全检测，声屿音频产品享受全国联保。\n\n每件商品发货前都会经过质检，确保您收到的商品完好无损。',
    ],
    [
      'Genuine products guaranteed',
      'Every item comes straight from the brand, and we refund ten times the price of anything that is not genuine. CloudCotton fabrics pass the national textile safety tests, and SoundIsle audio products carry a nationwide warranty.\n\nEvery item is inspected before dispatch so it reaches you in perfect condition.',
    ],
  ],
  [
    'promise-warranty',
    'promise',
    [
      '质保服务',
      '声屿耳机和音箱自签收之日起享受1年质保，15天内出现性能故障可直接换新。质保期内非人为损坏免费维修，往返运费由我们承担。\n\n申请质保时请准备好订单号，通过留言板或客服热线联系我们即可。',
    ],
    [
      'Warranty',
      'SoundIsle earbuds, headphones and speakers come with a one-year warranty from delivery, and a faulty unit is replaced outright within 15 days. Within the warranty, repairs of defects not caused by misuse are free, including shipping both ways.\n\nTo make a claim, have your order number ready and contact us through the guestbook or the service hotline.',
    ],
  ],
  [
    'promise-price',
    'promise',
    [
      '价格保护',
      '签收后7天内，如果同一商品降价，可以申请退还差价。限时特卖、团购以及双11等大促活动价格不参与价格保护。\n\n请联系客服并提供订单号，核实后差价将原路退回。',
    ],
    [
      'Price protection',
      'If an item drops in price within 7 days of delivery, you can claim the difference. Flash sales, group buys and big campaigns such as Double 11 are excluded.\n\nContact customer service with your order number; once verified, the difference is refunded to your original payment method.',
    ],
  ],
  [
    'returns-policy',
    'returns',
    [
      '7天无理由退换货',
      '自签收之日起7天内，商品完好、吊牌和包装齐全、不影响二次销售的，均可申请无理由退换货。\n\n出于卫生考虑，已拆封的入耳式耳机和贴身袜子不支持无理由退换，质量问题不受此限制。',
    ],
    [
      '7-day no-reason returns',
      'Within 7 days of delivery you can return or exchange any item for any reason, as long as it is unused with its tags and packaging intact.\n\nFor hygiene reasons, opened in-ear earbuds and socks cannot be returned without a reason; this does not limit returns for defects.',
    ],
  ],
  [
    'returns-how',
    'returns',
    [
      '如何申请退换货',
      '在“我的订单”中找到对应订单，点击“申请售后”并填写原因。审核通过后，请在3天内将商品寄回页面提示的地址。\n\n我们收到退货并检查无误后，退款将在1-3个工作日内原路退回。',
    ],
    [
      'How to request a return',
      'Find the order in "My orders", click "After-sales service" and tell us why. Once approved, send the item to the address shown within 3 days.\n\nWhen the return arrives and has been checked, the refund goes back to your original payment method within 1-3 working days.',
    ],
  ],
  [
    'returns-shipping',
    'returns',
    [
      '退货运费说明',
      '因质量问题或发错货产生的退换货，来回运费均由我们承担。无理由退换货的寄回运费由买家承担，全年包邮卡会员除外。\n\n请勿使用到付方式寄回，以免包裹被拒收。',
    ],
    [
      'Return shipping costs',
      'For defective or wrongly shipped items, we pay shipping both ways. For no-reason returns the buyer pays the return postage, except annual free-shipping card holders.\n\nPlease do not send returns cash-on-delivery, or the parcel may be refused.',
    ],
  ],
  [
    'payment-methods',
    'payment',
    [
      '支持的支付方式',
      '我们支持支付宝、微信支付、银联，以及Visa、Mastercard等国内外信用卡。\n\n所有付款均由持牌支付机构处理，本店不会保存您的银行卡信息。',
    ],
    [
      'Accepted payment methods',
      'We accept Alipay, WeChat Pay, UnionPay and credit cards such as Visa and Mastercard, issued in China or abroad.\n\nEvery payment is processed by a licensed payment provider; we never store your card details.',
    ],
  ],
  [
    'payment-timeout',
    'payment',
    [
      '支付时限',
      '下单后请在30分钟内完成支付，超时未支付的订单将自动取消，商品库存随之释放。限时特卖和团购商品需在活动结束前完成支付才能享受活动价。\n\n如果支付遇到问题，可以在“我的订单”中重新发起支付。',
    ],
    [
      'Payment time limit',
      'Please pay within 30 minutes of ordering; unpaid orders are cancelled automatically and the stock is released. Flash-sale and group-buy prices apply only when payment is completed before the deal ends.\n\nIf a payment fails, you can retry it from "My orders".',
    ],
  ],
  [
    'payment-invoice',
    'payment',
    [
      '发票说明',
      '所有订单均可开具电子普通发票，在结算页填写发票抬头和税号即可。\n\n订单签收后，电子发票将发送到您的邮箱，也可以在“我的订单”中下载。',
    ],
    [
      'Invoices',
      'Every order can come with an electronic invoice (fapiao): enter the invoice title and tax number at checkout.\n\nAfter delivery the invoice is e-mailed to you, and you can also download it from "My orders".',
    ],
  ],
  [
    'delivery-fees',
    'delivery',
    [
      '运费标准',
      '单笔订单商品金额满99元包邮，不满99元收取运费10元。标有“包邮”的商品，单独购买也免运费。\n\n全年包邮卡会员的所有订单均免运费。',
    ],
    [
      'Delivery fees',
      'Orders with ¥99 or more of merchandise ship free; below ¥99 delivery costs ¥10. Items marked "Free shipping" ship free even on their own.\n\nAnnual free-shipping card holders never pay for delivery.',
    ],
  ],
  [
    'delivery-card',
    'delivery',
    [
      '全年包邮卡',
      '开通全年包邮卡后，一年内所有订单不限金额、不限次数免运费。包邮卡自开通之日起365天有效。\n\n开通后可在“我的账户”中查看有效期，到期前7天我们会通过邮件提醒您续费。',
    ],
    [
      'Annual free-shipping card',
      'With the annual free-shipping card, every order ships free for a year, whatever its amount and however often you order. The card is valid for 365 days from activation.\n\n"My account" shows its expiry date, and we e-mail you a reminder 7 days before it runs out.',
    ],
  ],
  [
    'delivery-carriers',
    'delivery',
    [
      '合作快递',
      '我们默认使用中通快递发货，声屿音频产品和满399元的订单使用顺丰速运。\n\n目前支持中国大陆地区配送，港澳台及海外地区暂不支持。',
    ],
    [
      'Couriers',
      'We ship with ZTO Express by default; SoundIsle audio products and orders of ¥399 or more go by SF Express.\n\nWe currently deliver within mainland China only, not yet to Hong Kong, Macao, Taiwan or abroad.',
    ],
  ],
  [
    'dispatch-time',
    'dispatch',
    [
      '发货时间',
      '付款成功后48小时内发货，团购商品在成团后48小时内发货。\n\n双11等大促期间订单量较大，发货可能稍有延迟，我们会尽快为您安排。',
    ],
    [
      'Dispatch time',
      'Orders are dispatched within 48 hours of payment; group-buy items within 48 hours of the group filling up.\n\nDuring big campaigns such as Double 11, volumes are high and dispatch may take a little longer, but we ship as fast as we can.',
    ],
  ],
  [
    'dispatch-tracking',
    'dispatch',
    [
      '查看物流',
      '发货后，您会收到包含快递单号的短信和邮件通知。\n\n您也可以在“订单查询”中输入订单号和下单手机号或邮箱，随时查看物流进度。',
    ],
    [
      'Tracking your parcel',
      'When your order ships, we send a text message and an e-mail with the tracking number.\n\nYou can also enter your order number and the phone number or e-mail used for the order under "Track order" to follow the parcel.',
    ],
  ],
];

export const DEMO_HELP_ARTICLES: HelpArticle[] = ARTICLES.map(([id, topic, zh, en]) => ({
  id,
  topic,
  title: zh[0],
  body: zh[1],
  translations: { en: { title: en[0], body: en[1] } },
}));

/* ---------------------------------------------------------------- orders */

type Line = Order['lines'][number];

const line = (sku: string, title: string, quantity: number, fen: number): Line => ({
  sku,
  title,
  quantity,
  unitPrice: yuan(fen),
});

/** `SF` + the placing day (yyyymmdd, local time, as the shopper sees it) + a 3-digit sequence. */
function orderNumber(placedAt: number, sequence: number): string {
  const d = new Date(placedAt);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `SF${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}${pad(sequence, 3)}`;
}

interface OrderSpec {
  sequence: number;
  contact: string[];
  lines: Line[];
  /** Ms before `now` the order was placed. */
  ago: number;
  /** Ms after placing each later step happened, in status order. */
  paid?: [number, string];
  shipped?: [number, string, string];
  delivered?: number;
  cancelled?: [number, string];
}

const ORDERS: OrderSpec[] = [
  {
    sequence: 18,
    contact: ['13800138000', 'li.lei@example.com'],
    lines: [line('CC-TEE-001', '男士纯棉短袖T恤', 2, 7900)],
    ago: 21 * DAY + 3 * HOUR,
    paid: [2 * MINUTE, '微信支付'],
    shipped: [20 * HOUR, '中通快递', '75310248896537'],
    delivered: 2 * DAY + 4 * HOUR,
  },
  {
    sequence: 126,
    contact: ['13912345678', 'han.meimei@example.com'],
    lines: [
      line('SI-CBL-001', 'Type-C 快充数据线', 1, 2900),
      line('SI-CHG-001', '20W PD 快充充电头', 1, 6900),
      line('SI-CAS-001', '声屿 Air 硅胶保护套', 1, 4900),
    ],
    ago: 12 * DAY + 7 * HOUR,
    paid: [MINUTE, '支付宝'],
    shipped: [26 * HOUR, '顺丰速运', 'SF1402358617729'],
    delivered: 3 * DAY + 2 * HOUR,
  },
  {
    sequence: 42,
    contact: ['13700137000', 'member@example.com'],
    lines: [line('CC-LST-001', '女士纯棉长袖T恤', 1, 9900), line('CC-SOCK-002', '女士纯棉船袜（5双装）', 1, 3990)],
    ago: 2 * DAY + 5 * HOUR,
    paid: [3 * MINUTE, '支付宝'],
    shipped: [30 * HOUR, '中通快递', '78431977203415'],
  },
  {
    sequence: 207,
    contact: ['15800158000', 'chen.jing@example.com'],
    lines: [line('CC-PNT-002', '纯棉束脚卫裤', 1, 16900)],
    ago: 5 * HOUR,
    paid: [4 * MINUTE, '银联'],
  },
  {
    sequence: 311,
    contact: ['18600186000', 'wang.xm@example.com'],
    lines: [line('CC-CAP-001', '纯棉水洗棒球帽', 1, 7900), line('CC-BAG-001', '纯棉帆布托特包', 1, 6900)],
    ago: 20 * MINUTE,
  },
  {
    sequence: 95,
    contact: ['13600136000', 'zhang.wei@example.com'],
    lines: [line('SI-CBL-002', 'Type-C 转 Lightning 编织数据线', 2, 5900)],
    ago: 8 * DAY + 2 * HOUR,
    cancelled: [30 * MINUTE, '超时未支付，订单已自动取消'],
  },
];

/** Six orders, one or more in every status, to try order tracking with (number + phone or e-mail). */
export function createDemoOrders(now: number): (Order & { contact: string[] })[] {
  return ORDERS.map((spec) => {
    const placedAt = now - spec.ago;
    const timeline: OrderEvent[] = [{ status: 'placed', at: placedAt, note: '订单已提交' }];
    const total = spec.lines.reduce((sum, l) => sum + l.unitPrice.amount * l.quantity, 0);
    const order: Order & { contact: string[] } = {
      number: orderNumber(placedAt, spec.sequence),
      status: 'placed',
      placedAt,
      lines: spec.lines.map((l) => ({ ...l })),
      total: yuan(total),
      timeline,
      contact: [...spec.contact],
    };
    if (spec.paid) {
      order.status = 'paid';
      order.paidAt = placedAt + spec.paid[0];
      timeline.push({ status: 'paid', at: order.paidAt, note: `${spec.paid[1]}付款成功` });
    }
    if (spec.shipped) {
      order.status = 'shipped';
      order.shippedAt = placedAt + spec.shipped[0];
      order.carrier = spec.shipped[1];
      order.trackingNumber = spec.shipped[2];
      timeline.push({ status: 'shipped', at: order.shippedAt, note: `${spec.shipped[1]}已揽收，运单号 ${spec.shipped[2]}` });
    }
    if (spec.delivered !== undefined) {
      order.status = 'delivered';
      order.deliveredAt = placedAt + spec.delivered;
      timeline.push({ status: 'delivered', at: order.deliveredAt, note: '已签收，感谢您的购买' });
    }
    if (spec.cancelled) {
      order.status = 'cancelled';
      timeline.push({ status: 'cancelled', at: placedAt + spec.cancelled[0], note: spec.cancelled[1] });
    }
    return order;
  });
}

/* ---------------------------------------------------------------- guestbook */

type EntrySpec = [topic: string, author: string, body: string, ago: number, rating?: number, reply?: string];

const ENTRIES: EntrySpec[] = [
  ['site', '王芳', '页面很清爽，找东西很方便，中英文切换也很顺滑。', 30 * DAY],
  [
    'service',
    '陈先生',
    '周二晚上下单，周四上午就收到了，包装也很用心，点赞！',
    25 * DAY,
    undefined,
    '感谢您的认可！我们会继续坚持付款后48小时内发货，欢迎再次光临～',
  ],
  ['product:CC-TEE-001', '赵磊', '面料厚实不透，洗了好几次也没变形。身高180、体重75公斤穿XL刚好。', 40 * DAY, 5],
  [
    'product:CC-TEE-001',
    '小鹿',
    '颜色和图片一致，就是领口稍微有点紧，脖子粗的建议拍大一码。',
    18 * DAY,
    4,
    '感谢反馈！尺码表已补充领围数据，如果不合适，签收后7天内可以申请换码哦。',
  ],
  [
    'product:SI-BUD-001',
    'Tommy',
    'Bought these for my commute. Pairing was instant and the battery easily lasts the whole week.',
    9 * DAY,
    5,
  ],
  [
    'product:SI-BUD-001',
    '刘洋',
    '这个价位音质很不错，通话降噪也可以。唯一不足是充电盒容易沾指纹。',
    6 * DAY,
    4,
    '感谢评价！推荐搭配声屿 Air 硅胶保护套，防刮又不沾指纹～',
  ],
  [
    'product:SI-BUD-001',
    '周周',
    '左耳偶尔会断连，不知道是不是我手机的问题。',
    4 * DAY,
    3,
    '很抱歉给您带来不便！请先在手机蓝牙设置中忽略设备后重新配对；如果仍有问题，15天内可以直接为您换新。',
  ],
  ['product:SI-SPK-001', '孙晓', '露营带出去放了一整晚还有电，音量够大，防水也靠谱。', 15 * DAY, 5],
  [
    'product:SI-SPK-001',
    'Emma W.',
    'Small but surprisingly loud. The strap clips onto my bike handlebar perfectly.',
    11 * DAY,
    5,
  ],
  [
    'service',
    '林女士',
    '想问一下，全年包邮卡可以和家人一起用吗？',
    7 * DAY,
    undefined,
    '您好，全年包邮卡绑定开通的会员账号，用该账号下单即可包邮，收货地址不限哦。',
  ],
  [
    'site',
    '老张',
    '希望以后多出一些大码，XXXL的款式太少了。',
    2 * DAY,
    undefined,
    '收到您的建议！秋冬新款会增加XXXL尺码，敬请关注上新通知。',
  ],
  ['service', '何静', '客服回复很及时，退货流程也简单，三天就收到退款了。', DAY],
];

/** Twelve guestbook entries, oldest first, six of them answered by staff. */
export function createDemoGuestbook(now: number): GuestbookEntry[] {
  const oldestFirst = [...ENTRIES].sort((a, b) => b[3] - a[3]);
  return oldestFirst.map(([topic, author, body, ago, rating, reply], i) => {
    const createdAt = now - ago;
    const entry: GuestbookEntry = {
      id: `g-${String(i + 1).padStart(3, '0')}`,
      topic,
      author,
      body,
      createdAt,
      replies: reply ? [{ author: '客服小云', body: reply, createdAt: createdAt + 2 * HOUR + i * 7 * MINUTE, staff: true }] : [],
    };
    if (rating !== undefined) entry.rating = rating;
    return entry;
  });
}

/* ---------------------------------------------------------------- members */

export const DEMO_MEMBERS: { member: Member; password: string }[] = [
  {
    member: { id: 'm-001', name: '李明', email: 'member@example.com', tier: 'member', since: Date.UTC(2024, 2, 8) },
    password: 'demo1234',
  },
  {
    member: { id: 'm-002', name: '韩梅梅', email: 'vip@example.com', tier: 'vip', since: Date.UTC(2022, 10, 11) },
    password: 'demo1234',
  },
  {
    member: {
      id: 'm-003',
      name: '王小雨',
      email: 'card@example.com',
      tier: 'member',
      shippingCard: true,
      since: Date.UTC(2023, 5, 18),
    },
    password: 'demo1234',
  },
];

/* ---------------------------------------------------------------- checkout */

export const DEMO_PAYMENT_METHODS: PaymentMethod[] = [
  { id: 'alipay', title: '支付宝', translations: { en: { title: 'Alipay' } } },
  { id: 'wechat', title: '微信支付', translations: { en: { title: 'WeChat Pay' } } },
  { id: 'unionpay', title: '银联', translations: { en: { title: 'UnionPay' } } },
  { id: 'card', title: '信用卡', translations: { en: { title: 'Credit card' } } },
];
