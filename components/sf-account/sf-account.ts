import { Task } from '@lit/task';
import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { AccountStore } from '../../src/account/account-store.js';
import { toStorefrontError, type StorefrontErrorCode } from '../../src/core/errors.js';
import { formatDate, type Locale } from '../../src/core/locale.js';
import type { Member } from '../../src/core/types.js';
import type { Storefront } from '../../src/storefront.js';
import { baseStyles, noticeStyles } from '../shared/base-styles.js';
import { configMessage } from '../shared/config-message.js';
import { widgetLocale } from '../shared/locale.js';
import { errorMessage, t, type MessageParams } from '../shared/messages.js';
import { renderNotice } from '../shared/notice.js';
import { defineElement, SfElement } from '../shared/sf-element.js';
import { StoreController } from '../shared/store-controller.js';
import { msg } from './sf-account.messages.js';
import { accountStyles } from './sf-account.styles.js';

type Key = Parameters<typeof msg>[1];
type Field = 'name' | 'email' | 'password';
type Tab = 'signIn' | 'signUp';
type Busy = Tab | 'signOut' | null;

interface FieldError {
  key: Key;
  params?: MessageParams;
}

type FormError = { kind: 'wrong-password' } | { kind: 'invalid' } | { kind: 'code'; code: StorefrontErrorCode } | null;

/** The demo shop's members (src/adapter/local/demo), offered as one-click fills with the local adapter. */
export const DEMO_ACCOUNTS: readonly { email: string; tier: Key }[] = [
  { email: 'member@example.com', tier: 'tier.member' },
  { email: 'vip@example.com', tier: 'tier.vip' },
  { email: 'card@example.com', tier: 'shippingCard' },
];
export const DEMO_PASSWORD = 'demo1234';

export const MIN_PASSWORD = 8;
export const MAX_NAME = 40;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;
const FIELDS: readonly Field[] = ['name', 'email', 'password'];

/** The client-side checks of the form: what is wrong with each field, if anything. */
export function validateAccountForm(
  tab: Tab,
  values: { name: string; email: string; password: string },
): Partial<Record<Field, FieldError>> {
  const errors: Partial<Record<Field, FieldError>> = {};
  if (tab === 'signUp') {
    if (!values.name) errors.name = { key: 'error.name.required' };
    else if ([...values.name].length > MAX_NAME) errors.name = { key: 'error.name.long', params: { max: MAX_NAME } };
  }
  if (!values.email) errors.email = { key: 'error.email.required' };
  else if (!EMAIL.test(values.email)) errors.email = { key: 'error.email.invalid' };
  if (!values.password) errors.password = { key: 'error.password.required' };
  else if (tab === 'signUp' && values.password.length < MIN_PASSWORD) errors.password = { key: 'error.password.short' };
  return errors;
}

/** 5% off (500 basis points) is 95 折, 10% off 9 折, 7.5% off 92.5 折. */
function zhe(basisPoints: number): string {
  const tenths = (10_000 - basisPoints) / 100;
  return String(Number.isInteger(tenths / 10) ? tenths / 10 : tenths);
}

function sameMember(a: Member | null, b: Member | null): boolean {
  if (a === null || b === null) return a === b;
  return a.id === b.id && a.name === b.name && a.email === b.email && a.tier === b.tier && !!a.shippingCard === !!b.shippingCard;
}

const USER_ICON = svg`<circle cx="12" cy="8.5" r="3.6" fill="none" stroke="currentColor" stroke-width="1.7"/><path d="M4.8 19.5c1.2-3.3 3.9-5 7.2-5s6 1.7 7.2 5" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round"/>`;
const EYE_ICON = svg`<path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/><circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" stroke-width="1.6"/>`;
const EYE_OFF_ICON = svg`<path d="M4 4l16 16M9.9 5.8A9.6 9.6 0 0 1 12 5.5c6 0 9.5 6.5 9.5 6.5a16 16 0 0 1-3 3.7M6.4 7.5A15.5 15.5 0 0 0 2.5 12S6 18.5 12 18.5a9 9 0 0 0 4-.9M9.9 9.9a3 3 0 0 0 4.2 4.2" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/>`;
const CLOSE_ICON = svg`<path d="m6 6 12 12M18 6 6 18" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`;
const CROWN_ICON = svg`<path d="M3 8l4.5 3.5L12 5l4.5 6.5L21 8l-2 10H5z" fill="currentColor"/>`;
const TRUCK_ICON = svg`<path d="M2.5 6.5h11v9h-11zM13.5 9.5h4l3 3v3h-7z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/><circle cx="6.5" cy="17.5" r="1.6" fill="currentColor"/><circle cx="17" cy="17.5" r="1.6" fill="currentColor"/>`;

/**
 * Sign in, sign up and sign out through the store's adapter (`storefront.account`). Signed
 * out it offers "登录" and "注册" (a form with e-mail, password with show/hide, and a name to
 * sign up), checked in the browser first with localized messages on each field; what the shop
 * answers ("邮箱或密码不正确", "该邮箱已注册") shows on the form. The password is read from the
 * field when the form is sent and handed to the adapter call; the element keeps it nowhere.
 * With the in-browser demo shop (`local` adapter) a hint lists the demo accounts, one click
 * filling the form.
 *
 * Signed in it shows the member's name, the tier ("VIP 会员 · 享 95 折", "普通会员") and the
 * "全年包邮卡", and "退出登录". It follows sign-ins and sign-outs from other tabs. A store whose
 * adapter has no account capability gets a note instead of a form.
 *
 * `mode="full"` (default) is a card for a page or a sidebar; `mode="compact"` is a header
 * button (the member's initial, or "登录") opening a popover; Escape or a click outside closes it.
 *
 * @summary Member sign-in / sign-up / sign-out with the member's tier badges.
 * @tagname sf-account
 * @event sf-account-change - The shopper signed in or out (here or in another tab); `detail: { member }` (null when signed out). Not fired for the member found when the page loads. Each `<sf-account>` on the page fires it.
 * @csspart card - The card of `mode="full"`.
 * @csspart trigger - The header button of `mode="compact"`.
 * @csspart avatar - The member's initial (in the card and on the compact button).
 * @csspart popover - The popover of `mode="compact"`.
 * @csspart tabs - The 登录 / 注册 tab list.
 * @csspart tab - One tab.
 * @csspart form - The sign-in / sign-up form.
 * @csspart field - A label, its input and its error.
 * @csspart label - A field's label.
 * @csspart input - A text field.
 * @csspart password-toggle - The show/hide password button.
 * @csspart error - A field's error message, and the form's error.
 * @csspart submit - The submit button.
 * @csspart demo - The demo-accounts hint (local adapter only).
 * @csspart demo-account - One demo account's fill button.
 * @csspart member - The signed-in member: initial, name, e-mail.
 * @csspart badge - A tier badge (VIP, 普通会员, 全年包邮卡).
 * @csspart sign-out - The sign-out button.
 * @csspart notice - The box shown while loading, without account support, or when the page has no store.
 * @cssprop --sf-account-background - Card and popover background (default `--sf-color-surface`, #fff).
 * @cssprop --sf-account-border-color - Card and field border colour (default `--sf-color-border`).
 * @cssprop --sf-account-radius - Card corner radius (default `--sf-radius`, 12px).
 * @cssprop --sf-account-padding - Space inside the card (default 20px).
 * @cssprop --sf-account-width - Width of the popover and the card's most (default 360px / 420px).
 * @cssprop --sf-account-accent - Buttons, active tab, focus ring (default `--sf-color-primary`, #d0342c).
 * @cssprop --sf-account-vip-color - Colour of the VIP badge (default #a86b00, gold).
 * @cssprop --sf-account-avatar-background - Background of the initial (default a tint of the accent).
 * @cssprop --sf-account-input-radius - Corner radius of the fields and buttons (default `--sf-radius-small`, 8px).
 * @cssprop --sf-account-trigger-height - Height of the compact header button (default 40px).
 */
export class SfAccount extends SfElement {
  static override styles = [baseStyles, noticeStyles, accountStyles];

  /** `full` (default): a card. `compact`: a header button with a popover. */
  @property({ reflect: true }) mode: 'full' | 'compact' = 'full';

  @state() private member: Member | null = null;
  /** The member has been read once (signed in or not). */
  @state() private known = false;
  @state() private tab: Tab = 'signIn';
  /** The form is shown in the full card (rather than the intro). */
  @state() private expanded = false;
  /** The compact popover is open. */
  @state() private open = false;
  @state() private busy: Busy = null;
  @state() private errors: Partial<Record<Field, FieldError>> = {};
  @state() private formError: FormError = null;
  @state() private showPassword = false;
  @state() private signOutError: StorefrontErrorCode | null = null;
  @state() private announcement = '';

  @query('#panel') private panel!: HTMLElement | null;
  @query('[part~="trigger"]') private trigger!: HTMLButtonElement | null;
  @query('form') private form!: HTMLFormElement | null;

  private readonly store = new StoreController(this, () => this.bind());
  private bound: Storefront | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Checks again on every keystroke once the shopper tried to send the form. */
  private validated = false;

  /** The VIP discount of the shop's promotions, for "享 95 折". */
  private readonly vipDiscount = new Task(this, {
    task: async ([storefront, tier], { signal }) => {
      if (!storefront || !tier) return null;
      const promotions = await storefront.catalog.promotions({ signal });
      for (const promotion of promotions) {
        const points = promotion.kind === 'vip' ? promotion.tiers[tier] : undefined;
        if (typeof points === 'number' && points > 0 && points < 10_000) return points;
      }
      return null;
    },
    args: () => [this.bound, this.member?.tier === 'vip' ? this.member.tier : null] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.bind();
    window.addEventListener('resize', this.reposition);
    window.addEventListener('scroll', this.reposition, { capture: true, passive: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.bound = null;
    window.removeEventListener('resize', this.reposition);
    window.removeEventListener('scroll', this.reposition, { capture: true });
  }

  private get storefront(): Storefront | null {
    const state = this.store.state;
    return state?.status === 'ready' ? state.storefront : null;
  }

  private get supported(): boolean {
    const storefront = this.storefront;
    return !!storefront && storefront.capabilities.includes('account') && !!storefront.account;
  }

  private get account(): AccountStore | null {
    return this.supported ? this.storefront!.account : null;
  }

  /** Follows the member of the store the element is bound to (again when the store changes). */
  private bind(): void {
    const storefront = this.isConnected ? this.storefront : null;
    if (storefront === this.bound) return;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.bound = storefront;
    this.known = false;
    this.member = null;
    if (!storefront || !this.supported) return;
    const account = storefront.account;
    this.unsubscribe = account.subscribe((member) => this.onMember(storefront, member));
  }

  private onMember(storefront: Storefront, member: Member | null): void {
    if (storefront !== this.bound) return;
    const wasKnown = this.known;
    const changed = !sameMember(this.member, member);
    this.member = member;
    this.known = true;
    if (!wasKnown || !changed) return;
    if (member) {
      // Signed in elsewhere (another tab) while this form was open: fold it.
      this.expanded = false;
      this.resetForm();
    }
    const locale = widgetLocale(this, this.store.state);
    this.announcement = member ? msg(locale, 'announce.signedIn', { name: member.name }) : msg(locale, 'announce.signedOut');
    this.signOutError = null;
    this.emit('sf-account-change', { member });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode') && this.mode !== 'compact' && this.mode !== 'full') this.mode = 'full';
  }

  /* ------------------------------------------------------------ rendering */

  protected override render() {
    const locale = widgetLocale(this, this.store.state);
    const live = html`<p class="visually-hidden" role="status">${this.announcement}</p>`;
    if (this.mode === 'compact') return html`${this.renderCompact(locale)}${live}`;
    return html`<section class="card" part="card" lang=${locale} aria-labelledby="title">
        <h3 class="title" id="title">${msg(locale, 'title')}</h3>
        ${this.renderContent(locale)}
      </section>
      ${live}`;
  }

  private renderCompact(locale: Locale) {
    const member = this.known ? this.member : null;
    const label = member
      ? html`<span part="avatar" class="avatar small" data-tier=${member.tier} aria-hidden="true">${this.initial(member)}</span
          ><span class="trigger-name">${member.name}</span
          ><span class="visually-hidden">${msg(locale, 'trigger.tier', { tier: this.tierText(member, locale) })}</span>`
      : html`<svg class="trigger-icon" viewBox="0 0 24 24" aria-hidden="true">${USER_ICON}</svg
          ><span class="trigger-name">${msg(locale, 'trigger.signIn')}</span>`;
    const problem = this.problem(locale);
    return html`<button
        type="button"
        part="trigger"
        class="trigger"
        lang=${locale}
        popovertarget="panel"
        aria-haspopup="dialog"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-busy=${!problem && this.supported && !this.known ? 'true' : 'false'}
        data-member=${member ? member.tier : 'none'}
      >
        ${label}${problem ? html`<span class="problem-dot" aria-hidden="true"></span>` : nothing}
      </button>
      <div
        id="panel"
        part="popover"
        class="popover"
        popover="auto"
        role="dialog"
        aria-labelledby="panel-title"
        lang=${locale}
        @toggle=${this.onToggle}
      >
        <div class="popover-head">
          <h2 class="title" id="panel-title">${msg(locale, 'title')}</h2>
          <button
            type="button"
            class="icon-button"
            aria-label=${msg(locale, 'form.close')}
            @click=${() => this.panel?.hidePopover()}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true">${CLOSE_ICON}</svg>
          </button>
        </div>
        ${this.renderContent(locale)}
      </div>`;
  }

  /** What is wrong with the page's store, or ''. */
  private problem(locale: Locale): string {
    const binding = this.store.binding;
    const state = this.store.state;
    if (binding.kind === 'missing') return t(locale, 'store.missing.title');
    if (state?.status === 'error' && state.error) return t(locale, 'store.config.title');
    return '';
  }

  private renderContent(locale: Locale) {
    const binding = this.store.binding;
    const state = this.store.state;
    if (binding.kind === 'missing') {
      return renderNotice({ tone: 'warning', title: t(locale, 'store.missing.title'), body: t(locale, 'store.missing.body') });
    }
    if (state?.status === 'error' && state.error) {
      return renderNotice({ tone: 'error', title: t(locale, 'store.config.title'), body: configMessage(locale, state.error) });
    }
    if (this.storefront && !this.supported) {
      return renderNotice({ tone: 'info', title: msg(locale, 'unsupported'), body: msg(locale, 'unsupported.body') });
    }
    if (!this.storefront || !this.known) return renderNotice({ tone: 'loading', title: msg(locale, 'loading') });
    if (this.member) return this.renderMember(this.member, locale);
    if (this.mode === 'full' && !this.expanded) return this.renderIntro(locale);
    return this.renderForm(locale);
  }

  private renderIntro(locale: Locale) {
    return html`<p class="intro">${msg(locale, 'intro')}</p>
      <div class="actions">
        <button type="button" class="primary" aria-expanded="false" @click=${() => this.expand('signIn')}>
          ${msg(locale, 'signIn')}
        </button>
        <button type="button" class="secondary" aria-expanded="false" @click=${() => this.expand('signUp')}>
          ${msg(locale, 'signUp')}
        </button>
      </div>`;
  }

  private renderForm(locale: Locale) {
    const signUp = this.tab === 'signUp';
    const busy = this.busy === 'signIn' || this.busy === 'signUp';
    const tab = (id: Tab) =>
      html`<button
        type="button"
        role="tab"
        part="tab"
        id="tab-${id}"
        aria-selected=${this.tab === id ? 'true' : 'false'}
        aria-controls="tabpanel"
        tabindex=${this.tab === id ? '0' : '-1'}
        @click=${() => this.switchTab(id)}
      >
        ${msg(locale, id)}
      </button>`;
    return html`<div class="form-head">
        <div class="tabs" part="tabs" role="tablist" aria-label=${msg(locale, 'form.label')} @keydown=${this.onTabKeydown}>
          ${tab('signIn')}${tab('signUp')}
        </div>
        ${
          this.mode === 'full'
            ? html`<button type="button" class="icon-button" aria-label=${msg(locale, 'form.close')} @click=${this.collapse}>
                <svg viewBox="0 0 24 24" aria-hidden="true">${CLOSE_ICON}</svg>
              </button>`
            : nothing
        }
      </div>
      <div role="tabpanel" id="tabpanel" aria-labelledby="tab-${this.tab}">
        <form id="form" part="form" novalidate @submit=${this.onSubmit} @input=${this.onInput} @keydown=${this.onFormKeydown}>
          ${
            signUp
              ? this.renderField(locale, 'name', {
                  type: 'text',
                  autocomplete: 'name',
                  placeholder: msg(locale, 'name.placeholder'),
                  readonly: busy,
                })
              : nothing
          }
          ${this.renderField(locale, 'email', {
            type: 'email',
            autocomplete: signUp ? 'email' : 'username',
            placeholder: msg(locale, 'email.placeholder'),
            readonly: busy,
          })}
          ${this.renderField(locale, 'password', {
            type: this.showPassword ? 'text' : 'password',
            autocomplete: signUp ? 'new-password' : 'current-password',
            placeholder: msg(locale, signUp ? 'password.newPlaceholder' : 'password.placeholder'),
            readonly: busy,
            hint: signUp ? msg(locale, 'password.hint') : undefined,
          })}
          ${this.renderFormError(locale)}
          <button
            type="submit"
            part="submit"
            class="primary submit"
            aria-disabled=${busy ? 'true' : 'false'}
            aria-busy=${busy ? 'true' : 'false'}
          >
            ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
            ${msg(locale, busy ? (`${this.tab}.busy` as const) : (`${this.tab}.submit` as const))}
          </button>
        </form>
      </div>
      ${this.storefront?.adapter.name === 'local' ? this.renderDemo(locale) : nothing}`;
  }

  private renderField(
    locale: Locale,
    name: Field,
    options: { type: string; autocomplete: string; placeholder: string; readonly: boolean; hint?: string },
  ) {
    const error = this.errors[name];
    const described = [error ? `${name}-error` : '', options.hint ? `${name}-hint` : ''].filter(Boolean).join(' ');
    const input = html`<input
      id="${name}-input"
      part="input"
      name=${name}
      type=${options.type}
      autocomplete=${options.autocomplete}
      inputmode=${name === 'email' ? 'email' : nothing}
      spellcheck="false"
      autocapitalize=${name === 'name' ? nothing : 'off'}
      placeholder=${options.placeholder}
      maxlength=${name === 'name' ? MAX_NAME * 2 : 254}
      required
      ?readonly=${options.readonly}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${described || nothing}
    />`;
    return html`<div class="field" part="field" data-invalid=${String(!!error)}>
      <label part="label" for="${name}-input">${msg(locale, name)}</label>
      ${
        name === 'password'
          ? html`<div class="password">
              ${input}
              <button
                type="button"
                part="password-toggle"
                class="toggle"
                aria-label=${msg(locale, 'password.show')}
                aria-pressed=${this.showPassword ? 'true' : 'false'}
                aria-controls="password-input"
                @click=${() => (this.showPassword = !this.showPassword)}
              >
                <svg viewBox="0 0 24 24" aria-hidden="true">${this.showPassword ? EYE_OFF_ICON : EYE_ICON}</svg>
              </button>
            </div>`
          : input
      }
      ${options.hint && !error ? html`<p class="hint" id="${name}-hint">${options.hint}</p>` : nothing}
      ${options.hint && error ? html`<p class="visually-hidden" id="${name}-hint">${options.hint}</p>` : nothing}
      ${
        error
          ? html`<p class="field-error" part="error" id="${name}-error">
              <span class="error-mark" aria-hidden="true">!</span>${msg(locale, error.key, error.params)}
              ${
                error.key === 'error.conflict'
                  ? html`<button type="button" class="link" @click=${() => this.switchTab('signIn', 'password')}>
                      ${msg(locale, 'error.conflict.action')}
                    </button>`
                  : nothing
              }
            </p>`
          : nothing
      }
    </div>`;
  }

  private renderFormError(locale: Locale) {
    const error = this.formError;
    if (!error) return nothing;
    const text =
      error.kind === 'wrong-password'
        ? msg(locale, 'error.wrongPassword')
        : error.kind === 'invalid'
          ? msg(locale, 'error.invalid')
          : errorMessage(locale, error.code);
    return html`<p class="form-error" part="error form-error" role="alert">
      <svg viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" stroke-width="1.5" />
        <path d="M10 5.8v5M10 13.8v.1" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
      </svg>
      <span>${text}</span>
    </p>`;
  }

  private renderDemo(locale: Locale) {
    return html`<div class="demo" part="demo">
      <p class="demo-title">${msg(locale, 'demo.title')}</p>
      <p class="demo-body">${msg(locale, 'demo.body', { password: DEMO_PASSWORD })}</p>
      <ul class="demo-list">
        ${DEMO_ACCOUNTS.map(
          (account) =>
            html`<li>
              <button type="button" part="demo-account" class="demo-account" @click=${() => void this.fillDemo(account.email)}>
                <span class="demo-email"><span class="visually-hidden">${msg(locale, 'demo.fill')} </span>${account.email}</span>
                <span class="demo-tier" data-tier=${account.tier}>${msg(locale, account.tier)}</span>
              </button>
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderMember(member: Member, locale: Locale) {
    const busy = this.busy === 'signOut';
    const since = typeof member.since === 'number' ? formatDate(member.since, locale, 'date') : '';
    return html`<div class="member" part="member">
        <span part="avatar" class="avatar" data-tier=${member.tier} aria-hidden="true">${this.initial(member)}</span>
        <div class="who">
          <p class="name" id="member-name" tabindex="-1">${member.name}</p>
          <p class="email">${member.email}</p>
        </div>
      </div>
      <ul class="badges" aria-label=${msg(locale, 'badges.label')}>
        <li part="badge" class="badge" data-kind=${member.tier}>
          ${member.tier === 'vip' ? html`<svg viewBox="0 0 24 24" aria-hidden="true">${CROWN_ICON}</svg>` : nothing}
          ${this.tierText(member, locale)}
        </li>
        ${
          member.shippingCard
            ? html`<li part="badge" class="badge" data-kind="shipping-card">
                <svg viewBox="0 0 24 24" aria-hidden="true">${TRUCK_ICON}</svg>${msg(locale, 'shippingCard')}
              </li>`
            : nothing
        }
      </ul>
      ${since && since !== '—' ? html`<p class="since">${msg(locale, 'since', { date: since })}</p>` : nothing}
      ${
        this.signOutError
          ? html`<p class="form-error" part="error" role="alert"><span>${errorMessage(locale, this.signOutError)}</span></p>`
          : nothing
      }
      <button
        type="button"
        part="sign-out"
        class="secondary sign-out"
        aria-disabled=${busy ? 'true' : 'false'}
        aria-busy=${busy ? 'true' : 'false'}
        @click=${() => void this.signOut()}
      >
        ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
        ${msg(locale, busy ? 'signOut.busy' : 'signOut')}
      </button>`;
  }

  private initial(member: Member): string {
    return ([...member.name.trim()][0] ?? [...member.email][0] ?? '?').toUpperCase();
  }

  private tierText(member: Member, locale: Locale): string {
    if (member.tier !== 'vip') return msg(locale, 'tier.member');
    const points = this.vipDiscount.value;
    if (typeof points !== 'number') return msg(locale, 'tier.vip');
    return msg(locale, 'tier.vipDiscount', { zhe: zhe(points), percent: points / 100 });
  }

  /* ------------------------------------------------------------ behaviour */

  private async focusLater(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private expand(tab: Tab): void {
    this.tab = tab;
    this.expanded = true;
    void this.focusLater(tab === 'signUp' ? '#name-input' : '#email-input');
  }

  private readonly collapse = (): void => {
    this.expanded = false;
    this.resetForm();
    void this.focusLater('.actions .primary');
  };

  private resetForm(): void {
    this.errors = {};
    this.formError = null;
    this.showPassword = false;
    this.validated = false;
    this.form?.reset();
  }

  private switchTab(tab: Tab, focus?: Field): void {
    if (this.busy) return;
    this.tab = tab;
    this.errors = {};
    this.formError = null;
    this.validated = false;
    if (focus) void this.focusLater(`#${focus}-input`);
  }

  private readonly onTabKeydown = (event: KeyboardEvent): void => {
    const order: Tab[] = ['signIn', 'signUp'];
    const index = order.indexOf(this.tab);
    let next: Tab | null = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = order[(index + 1) % 2]!;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = order[(index + 1) % 2]!;
    else if (event.key === 'Home') next = 'signIn';
    else if (event.key === 'End') next = 'signUp';
    if (!next) return;
    event.preventDefault();
    this.switchTab(next);
    void this.focusLater(`#tab-${next}`);
  };

  private readonly onFormKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.mode === 'full' && !this.busy) {
      event.preventDefault();
      this.collapse();
    }
  };

  private values(): { name: string; email: string; password: string } {
    const data = this.form ? new FormData(this.form) : null;
    return {
      name: String(data?.get('name') ?? '').trim(),
      email: String(data?.get('email') ?? '').trim(),
      password: String(data?.get('password') ?? ''),
    };
  }

  private readonly onInput = (): void => {
    if (!this.validated) return;
    // Once flagged, a field's message follows what is typed (it clears as soon as it is right).
    const next = validateAccountForm(this.tab, this.values());
    const errors: Partial<Record<Field, FieldError>> = {};
    for (const field of FIELDS) {
      const now = next[field];
      if (now && this.errors[field]) errors[field] = now;
    }
    this.errors = errors;
  };

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy) return;
    const account = this.account;
    if (!account) return;
    const tab = this.tab;
    const { name, email, password } = this.values();
    const errors = validateAccountForm(tab, { name, email, password });
    this.errors = errors;
    this.formError = null;
    this.validated = true;
    const first = FIELDS.find((field) => errors[field]);
    if (first) {
      void this.focusLater(`#${first}-input`);
      return;
    }
    this.busy = tab;
    try {
      if (tab === 'signIn') await account.signIn({ email, password });
      else await account.signUp({ name, email, password });
      this.busy = null;
      this.expanded = false;
      this.resetForm();
      if (this.mode === 'compact') {
        this.panel?.hidePopover();
        void this.focusLater('[part~="trigger"]');
      } else void this.focusLater('#member-name');
    } catch (error) {
      this.busy = null;
      this.onFailure(tab, toStorefrontError(error));
    }
  };

  private onFailure(tab: Tab, failure: ReturnType<typeof toStorefrontError>): void {
    const field = failure.detail['field'];
    if (failure.code === 'conflict') {
      this.errors = { email: { key: 'error.conflict' } };
      void this.focusLater('#email-input');
    } else if (failure.code === 'validation' && tab === 'signIn' && field !== 'email') {
      this.formError = { kind: 'wrong-password' };
      const password = this.renderRoot.querySelector<HTMLInputElement>('#password-input');
      if (password) password.value = '';
      void this.focusLater('#password-input');
    } else if (failure.code === 'validation' && (field === 'name' || field === 'email' || field === 'password')) {
      const key: Key =
        field === 'name' ? 'error.name.required' : field === 'email' ? 'error.email.invalid' : 'error.password.short';
      this.errors = { [field]: { key } };
      void this.focusLater(`#${field}-input`);
    } else if (failure.code === 'validation') {
      this.formError = { kind: 'invalid' };
    } else if (failure.code !== 'aborted') {
      this.formError = { kind: 'code', code: failure.code };
    }
  }

  private async fillDemo(email: string): Promise<void> {
    if (this.busy) return;
    this.switchTab('signIn');
    await this.updateComplete;
    const emailInput = this.renderRoot.querySelector<HTMLInputElement>('#email-input');
    const passwordInput = this.renderRoot.querySelector<HTMLInputElement>('#password-input');
    if (emailInput) emailInput.value = email;
    if (passwordInput) passwordInput.value = DEMO_PASSWORD;
    this.renderRoot.querySelector<HTMLElement>('[part~="submit"]')?.focus();
  }

  /** Signs the member out (what the "退出登录" button does). */
  async signOut(): Promise<void> {
    const account = this.account;
    if (!account || this.busy) return;
    this.busy = 'signOut';
    this.signOutError = null;
    try {
      await account.signOut();
      this.busy = null;
      if (this.mode === 'compact') {
        this.panel?.hidePopover();
        void this.focusLater('[part~="trigger"]');
      } else void this.focusLater('.actions .primary');
    } catch (error) {
      this.busy = null;
      const failure = toStorefrontError(error);
      if (failure.code !== 'aborted') this.signOutError = failure.code;
    }
  }

  /* ------------------------------------------------------------ the compact popover */

  private readonly onToggle = (event: Event): void => {
    const open = (event as ToggleEvent).newState === 'open';
    this.open = open;
    if (open) {
      this.reposition();
      const target = this.member ? '[part~="sign-out"]' : this.known && this.supported ? '#email-input' : '.icon-button';
      void this.focusLater(target);
      return;
    }
    if (!this.member) this.resetForm();
    // Focus was in the popover (Escape, the close button): give it back to the button, unless the
    // shopper clicked something else on the page.
    const active = document.activeElement;
    const inside = this.shadowRoot?.activeElement;
    const lost = !active || active === document.body || (active === this && (!inside || this.panel?.contains(inside)));
    if (lost) this.trigger?.focus();
  };

  /** Puts the popover under the trigger, its end edge on the trigger's, inside the window. */
  private readonly reposition = (): void => {
    const panel = this.panel;
    const trigger = this.trigger;
    if (!this.open || !panel || !trigger) return;
    const anchor = trigger.getBoundingClientRect();
    const width = panel.offsetWidth;
    const margin = 8;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const preferred = rtl ? anchor.left : anchor.right - width;
    const left = Math.max(margin, Math.min(preferred, window.innerWidth - width - margin));
    const top = anchor.bottom + margin;
    panel.style.left = `${Math.round(left)}px`;
    panel.style.top = `${Math.round(top)}px`;
    panel.style.maxHeight = `${Math.max(200, window.innerHeight - top - margin)}px`;
  };
}

defineElement('sf-account', SfAccount);

declare global {
  interface HTMLElementTagNameMap {
    'sf-account': SfAccount;
  }
}
