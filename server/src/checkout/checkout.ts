import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { normalizeContact } from '../../../src/adapter/local/local-validation.js';
import { priceCart } from '../../../src/cart/pricing.js';
import type { Money } from '../../../src/core/money.js';
import type { Member, Order, Product } from '../../../src/core/types.js';
import { tokenHash } from '../account/account-sql.js';
import { paymentMethods, promotions } from '../catalog/catalog-sql.js';
import { productOf } from '../catalog/catalog-rows.js';
import type { Database } from '../db/tables.js';
import { HttpProblem } from '../http/problem.js';
import { insertOrder, nextOrderNumber } from '../orders/orders-sql.js';
import { lockProducts, takeStock } from './stock-sql.js';

export interface CheckoutInput {
  lines: { sku: string; quantity: number }[];
  paymentMethod: string;
  contact?: string;
  expectedTotal?: Money;
}

export interface PlacedOrder {
  orderNumber: string;
  total: Money;
  /** The payment page's secret (only its hash is stored). */
  payToken: string;
}

/**
 * Prices the cart on the server (priceCart with the shop's promotions and the bearer member:
 * client totals are never trusted), holds the stock and creates a `placed` order, all in one
 * transaction with the product rows locked, so concurrent checkouts can never oversell.
 */
export async function placeOrder(
  db: Kysely<Database>,
  input: CheckoutInput,
  member: Member | null,
  now: number,
): Promise<PlacedOrder> {
  const methods = await paymentMethods(db);
  if (!methods.some((method) => method.id === input.paymentMethod)) {
    throw new HttpProblem(400, 'validation', `Unknown payment method "${input.paymentMethod}".`, { field: 'paymentMethod' });
  }
  let contact: string | undefined;
  if (input.contact !== undefined && input.contact.trim() !== '') {
    contact = normalizeContact(input.contact);
    if (!contact)
      throw new HttpProblem(400, 'validation', 'contact must be a phone number or an e-mail address.', { field: 'contact' });
  }
  const shopPromotions = await promotions(db);
  return db.transaction().execute(async (trx) => {
    const wanted = new Map<string, number>();
    for (const { sku, quantity } of input.lines) wanted.set(sku, (wanted.get(sku) ?? 0) + quantity);
    const rows = await lockProducts(trx, [...wanted.keys()]);
    const bySku = new Map<string, Product>(rows.map((row) => [row.sku, productOf(row)]));
    for (const [sku, quantity] of wanted) {
      const product = bySku.get(sku);
      if (!product) throw new HttpProblem(404, 'not-found', `No product has the sku "${sku}".`, { sku });
      // Stock is per sku: two lines of one sku count together.
      if (product.stock !== undefined && quantity > product.stock) {
        throw new HttpProblem(409, 'conflict', `Only ${product.stock} of "${product.title}" left.`, {
          reason: 'stock',
          sku,
          stock: product.stock,
        });
      }
    }
    const picked = input.lines.map(({ sku, quantity }) => ({ product: bySku.get(sku)!, quantity }));
    const priced = priceCart({ lines: picked, promotions: shopPromotions, member, now });
    const total = priced.total;
    const expected = input.expectedTotal;
    if (expected && (expected.amount !== total.amount || expected.currency !== total.currency)) {
      throw new HttpProblem(409, 'conflict', 'Prices changed since the cart was shown: check the new total.', {
        reason: 'total-changed',
        field: 'expectedTotal',
        expected,
        actual: total,
      });
    }
    for (const [sku, quantity] of wanted) {
      if (!(await takeStock(trx, sku, quantity, now))) {
        throw new HttpProblem(409, 'conflict', `Not enough of "${sku}" left.`, { reason: 'stock', sku });
      }
    }
    const number = await nextOrderNumber(trx, now);
    const order: Order = {
      number,
      status: 'placed',
      placedAt: now,
      lines: picked.map(({ product, quantity }, i) => ({
        sku: product.sku,
        title: product.title,
        quantity,
        unitPrice: priced.lines[i]!.unitPrice,
      })),
      total,
      timeline: [{ status: 'placed', at: now, note: '订单已提交' }],
    };
    const payToken = randomBytes(24).toString('base64url');
    const contacts = [...new Set([contact, member?.email.toLowerCase()].filter((value): value is string => Boolean(value)))];
    await insertOrder(trx, order, {
      contacts,
      memberId: member?.id ?? null,
      paymentMethod: input.paymentMethod,
      payTokenHash: tokenHash(payToken),
    });
    return { orderNumber: number, total, payToken };
  });
}
