import type { AccountCapability, CallOptions, CheckoutCapability, OrdersCapability, WriteOptions } from '../adapter.js';
import { isStorefrontError } from '../../core/errors.js';
import {
  CheckoutSessionSchema,
  CurrentMemberSchema,
  itemsSchema,
  MemberSessionSchema,
  OrderSchema,
  PaymentMethodSchema,
} from '../../core/schemas.js';
import type { CheckoutRequest, Member, SignInRequest, SignUpRequest } from '../../core/types.js';
import type { HttpClient } from './http-client.js';
import { pick } from './pick.js';
import type { TokenStore } from './token-store.js';

const CHECKOUT_FIELDS = ['lines', 'paymentMethod', 'contact', 'expectedTotal'] as const;

export function restOrders(http: HttpClient): OrdersCapability {
  return {
    // A POST, so the contact never lands in a URL (logs, history); 404 for a wrong pair too.
    track(orderNumber: string, contact: string, options?: CallOptions) {
      return http.lookup(
        { method: 'POST', path: '/orders/track', body: { number: orderNumber, contact }, schema: OrderSchema },
        options,
      );
    },
  };
}

export function restCheckout(http: HttpClient): CheckoutCapability {
  return {
    async paymentMethods(options?: CallOptions) {
      const answer = await http.request(
        { method: 'GET', path: '/payment-methods', schema: itemsSchema(PaymentMethodSchema), cache: true },
        options,
      );
      return answer.items;
    },
    begin(request: CheckoutRequest, options: WriteOptions) {
      // The member comes from the bearer token, not from `memberId`: the server trusts no claim.
      return http.request(
        {
          method: 'POST',
          path: '/checkout',
          body: pick(request, CHECKOUT_FIELDS),
          schema: CheckoutSessionSchema,
          idempotencyKey: options?.idempotencyKey,
          auth: true,
        },
        options,
      );
    },
  };
}

export function restAccount(http: HttpClient, tokens: TokenStore): AccountCapability {
  const startSession = async (path: string, body: object, options?: CallOptions): Promise<Member> => {
    const { member, token } = await http.request({ method: 'POST', path, body, schema: MemberSessionSchema }, options);
    await tokens.set(token);
    return member;
  };
  return {
    signIn: (request: SignInRequest, options?: CallOptions) =>
      startSession('/account/sign-in', pick(request, ['email', 'password']), options),
    signUp: (request: SignUpRequest, options?: CallOptions) =>
      startSession('/account/sign-up', pick(request, ['email', 'password', 'name']), options),
    async signOut(options?: CallOptions) {
      if ((await tokens.get()) === undefined) return;
      try {
        await http.request({ method: 'POST', path: '/account/sign-out', schema: null, auth: true }, options);
      } catch (error) {
        // An expired session is signed out already; anything else keeps the token (retry later).
        if (!isStorefrontError(error, 'unauthorized')) throw error;
      }
      await tokens.set(undefined);
    },
    async current(options?: CallOptions) {
      if ((await tokens.get()) === undefined) return null;
      try {
        const { member } = await http.request(
          { method: 'GET', path: '/account/me', schema: CurrentMemberSchema, auth: true },
          options,
        );
        if (member === null) await tokens.set(undefined);
        return member;
      } catch (error) {
        // The session expired or was revoked: forget the token, the shopper is signed out.
        if (!isStorefrontError(error, 'unauthorized')) throw error;
        await tokens.set(undefined);
        return null;
      }
    },
  };
}
