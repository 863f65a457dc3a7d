import * as v from 'valibot';
import { requireCapability, type AccountCapability, type CallOptions, type StorefrontAdapter } from '../adapter/adapter.js';
import { DEFAULT_TIMEOUT_MS, withDeadline } from '../core/deadline.js';
import { StorefrontError, toStorefrontError } from '../core/errors.js';
import { describeIssues, MemberSchema } from '../core/schemas.js';
import type { Member, SignInRequest, SignUpRequest } from '../core/types.js';
import type { ChangeChannel } from '../storage/channel.js';

export type MemberListener = (member: Member | null) => void;

/** What the cart needs to know about the shopper: the member now, and when it changes. */
export interface MemberSource {
  readonly member: Member | null;
  readonly ready: Promise<void>;
  subscribe(listener: MemberListener): () => void;
}

/** The channel name other tabs listen on. */
export const ACCOUNT_CHANNEL = 'account';

function sameMember(a: Member | null, b: Member | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.email === b.email &&
    a.tier === b.tier &&
    (a.shippingCard ?? false) === (b.shippingCard ?? false) &&
    a.since === b.since
  );
}

/**
 * The signed-in member, as the adapter's account capability reports it. `member` is read
 * synchronously (the cart prices with it); `ready` settles once the first `current()` answered
 * (or failed: then the shopper is treated as signed out). Sign-in, sign-up and sign-out are told
 * to the other tabs over the change channel, and every tab re-reads `current()`.
 * Every response is validated: a malformed member is an `invalid-response` error, never trusted.
 */
export class AccountStore implements MemberSource {
  private currentMember: Member | null = null;
  private readonly listeners = new Set<MemberListener>();
  /** Bumped by every change, so a slow `refresh` cannot undo a sign-in that finished after it began. */
  private generation = 0;
  private refreshes = 0;
  private readonly unsubscribeChannel: () => void;
  private closed = false;
  readonly ready: Promise<void>;

  constructor(
    private readonly adapter: StorefrontAdapter,
    private readonly channel: ChangeChannel,
    private readonly timeout: number = DEFAULT_TIMEOUT_MS,
  ) {
    this.unsubscribeChannel = channel.subscribe((message) => {
      if (message.store === ACCOUNT_CHANNEL) void this.refresh().catch(() => {});
    });
    this.ready = this.supported
      ? this.refresh().then(
          () => undefined,
          (error: unknown) => {
            // A store closed meanwhile (the page swapped its adapter) has nobody to tell.
            if (this.closed) return;
            console.warn('[storefront-elements] Could not read the signed-in member:', toStorefrontError(error).message);
          },
        )
      : Promise.resolve();
  }

  /** The adapter offers accounts. Without them `member` stays null and the methods reject `unsupported`. */
  get supported(): boolean {
    return this.adapter.account !== undefined;
  }

  /** The signed-in member, or null (signed out, not known yet, or no account capability). */
  get member(): Member | null {
    return this.currentMember;
  }

  /** Re-reads the signed-in member from the adapter. A failure keeps the member as it was. */
  async refresh(options: CallOptions = {}): Promise<Member | null> {
    const account = this.capability();
    // Only the newest refresh may apply its answer, and only if no sign-in/out of this tab
    // happened meanwhile: an older, slower answer must not bring back a member who left.
    const ticket = ++this.refreshes;
    const started = this.generation;
    const raw = await this.call(options, (call) => account.current(call));
    const member = raw === null ? null : this.parse(raw);
    if (ticket === this.refreshes && this.generation === started) this.apply(member, { broadcast: false });
    return this.currentMember;
  }

  async signIn(request: SignInRequest, options: CallOptions = {}): Promise<Member> {
    const account = this.capability();
    const member = this.parse(await this.call(options, (call) => account.signIn(request, call)));
    this.set(member, { broadcast: true });
    return member;
  }

  async signUp(request: SignUpRequest, options: CallOptions = {}): Promise<Member> {
    const account = this.capability();
    const member = this.parse(await this.call(options, (call) => account.signUp(request, call)));
    this.set(member, { broadcast: true });
    return member;
  }

  /** Signs out; when the adapter cannot be reached the shopper stays signed in (and the error says why). */
  async signOut(options: CallOptions = {}): Promise<void> {
    const account = this.capability();
    await this.call(options, (call) => account.signOut(call));
    this.set(null, { broadcast: true });
  }

  /** Calls `listener` with the member once it is known (after `ready`) and after every change, from any tab. */
  subscribe(listener: MemberListener): () => void {
    this.listeners.add(listener);
    void this.ready.then(() => {
      if (this.listeners.has(listener)) listener(this.currentMember);
    });
    return () => {
      this.listeners.delete(listener);
    };
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
    this.unsubscribeChannel();
  }

  private capability(): AccountCapability {
    return requireCapability(this.adapter, 'account');
  }

  private call<T>(options: CallOptions, run: (options: CallOptions) => Promise<T>): Promise<T> {
    return withDeadline((signal) => run({ ...options, signal }), this.timeout, options.signal).catch((error: unknown) => {
      throw toStorefrontError(error);
    });
  }

  private parse(raw: unknown): Member {
    const result = v.safeParse(MemberSchema, raw);
    if (!result.success) {
      throw new StorefrontError(
        'invalid-response',
        `The ${this.adapter.name} adapter sent a malformed member: ${describeIssues(result.issues)}.`,
      );
    }
    return result.output;
  }

  /** A change made in this tab (sign in, up or out): newer than any refresh in flight. */
  private set(member: Member | null, options: { broadcast: boolean }): void {
    this.generation += 1;
    this.apply(member, options);
  }

  private apply(member: Member | null, { broadcast }: { broadcast: boolean }): void {
    const changed = !sameMember(this.currentMember, member);
    this.currentMember = member;
    if (broadcast && !this.closed) this.channel.post(ACCOUNT_CHANNEL);
    if (!changed) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(member);
      } catch (error) {
        console.error('[storefront-elements] An account listener failed:', error);
      }
    }
  }
}
