import { StorefrontError } from '../../core/errors.js';
import type { FeedbackMessage, FeedbackReceipt, SubscribeRequest, Subscription } from '../../core/types.js';
import { sendLocalMail } from './local-mail.js';
import type { LocalContext } from './local-state.js';
import { checkFeedbackMessage, checkSubscribeRequest, type CheckedSubscribeRequest } from './local-validation.js';

/* The parts of the local adapter that "send mail": newsletter sign-ups and feedback. */

export interface MailSettings {
  /** Where the links in mails point (`<base>/newsletter/confirm?token=...`). */
  linkBase: string;
  /** The least time between two confirmation mails to one address (ms). */
  cooldownMs: number;
  /** Staff addresses feedback may go to; the first is the default. */
  feedbackAddresses: readonly string[];
}

/**
 * A subscription as the adapter keeps it. Its tokens stay with it for good, so the link of any
 * mail it sent keeps working. (They are kept as they are, not hashed as a server must: this
 * state and the mail holding the same tokens sit in the same browser.)
 */
type StoredSubscription = Subscription &
  Omit<CheckedSubscribeRequest, 'email' | 'list'> & {
    confirmToken: string;
    unsubscribeToken: string;
    consentedAt: number;
  };

function randomToken(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

function answer({ email, list, status }: Subscription): Subscription {
  return { email, list, status };
}

function hostOf(base: string): string {
  try {
    return new URL(base).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

function confirmationMail(subscription: StoredSubscription, settings: MailSettings) {
  const confirm = `${settings.linkBase}/newsletter/confirm?token=${subscription.confirmToken}`;
  const unsubscribe = `${settings.linkBase}/newsletter/unsubscribe?token=${subscription.unsubscribeToken}`;
  const english = subscription.locale?.toLowerCase().startsWith('en') ?? false;
  const text = english
    ? `Please confirm that you want to receive "${subscription.list}" at this address:\n${confirm}\n\n` +
      `If you did not sign up, ignore this mail: nothing will be sent to you.\nUnsubscribe: ${unsubscribe}\n`
    : `请点击下面的链接确认订阅「${subscription.list}」：\n${confirm}\n\n` +
      `如果不是您本人操作，请忽略本邮件，我们不会再给您发送邮件。\n退订：${unsubscribe}\n`;
  return {
    kind: 'newsletter-confirmation' as const,
    to: subscription.email,
    subject: english ? 'Please confirm your subscription' : '请确认您的订阅',
    text,
    headers: {
      'List-Id': `<${subscription.list}.${hostOf(settings.linkBase)}>`,
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/**
 * One subscription per (list, address) however often it is submitted. A new one is mailed at
 * once; submitting a pending or unsubscribed one again mails again only when the address got
 * no mail within the cool-down. A confirmed one stays confirmed and gets no mail.
 */
export async function subscribe(context: LocalContext, settings: MailSettings, request: SubscribeRequest): Promise<Subscription> {
  const checked = checkSubscribeRequest(request);
  const key = `sub:${checked.list}:${checked.email}`;
  const existing = await context.state.get<StoredSubscription>(key);
  if (existing?.status === 'confirmed') return answer(existing);
  const now = context.now();
  const subscription: StoredSubscription = {
    ...existing,
    ...checked,
    status: 'pending',
    confirmToken: existing?.confirmToken ?? randomToken(),
    unsubscribeToken: existing?.unsubscribeToken ?? randomToken(),
    consentedAt: now,
  };
  await context.state.set(key, subscription);
  // Written every time: cheap, and it repairs a subscription stored by an older version.
  await context.state.set(`subtoken:confirm:${subscription.confirmToken}`, key);
  await context.state.set(`subtoken:unsubscribe:${subscription.unsubscribeToken}`, key);
  const lastMail = await context.state.get<number>(`newsletter-mailed:${checked.email}`);
  if (!existing || lastMail === undefined || now - lastMail >= settings.cooldownMs) {
    await sendLocalMail(context, confirmationMail(subscription, settings));
    await context.state.set(`newsletter-mailed:${checked.email}`, now);
  }
  return answer(subscription);
}

/** Confirms (a pending one) or unsubscribes by the token of a mail; an unknown token is `not-found`. */
export async function setSubscription(
  context: LocalContext,
  kind: 'confirm' | 'unsubscribe',
  token: string,
): Promise<Subscription> {
  const key = typeof token === 'string' ? await context.state.get<string>(`subtoken:${kind}:${token}`) : undefined;
  const subscription = key ? await context.state.get<StoredSubscription>(key) : undefined;
  if (!key || !subscription) throw new StorefrontError('not-found', 'This link is not valid or has expired.');
  // An old confirmation link does not undo an unsubscribe.
  const status = kind === 'unsubscribe' ? 'unsubscribed' : subscription.status === 'unsubscribed' ? 'unsubscribed' : 'confirmed';
  await context.state.set(key, { ...subscription, status });
  return answer({ ...subscription, status });
}

/** Keeps the message and mails it to the staff address asked for, if known, else to the default. */
export async function sendFeedback(
  context: LocalContext,
  settings: MailSettings,
  message: FeedbackMessage,
): Promise<FeedbackReceipt> {
  const checked = checkFeedbackMessage(message);
  const known = settings.feedbackAddresses.map((address) => address.toLowerCase());
  const to = checked.to && known.includes(checked.to.toLowerCase()) ? checked.to.toLowerCase() : known[0]!;
  const receipt: FeedbackReceipt = { id: `fb-${randomToken().slice(0, 12)}`, receivedAt: context.now() };
  await context.state.set(`feedback:${receipt.id}`, { ...receipt, ...checked, to });
  const lines = [
    checked.message,
    '',
    `页面 Page: ${checked.pageTitle ? `${checked.pageTitle} ` : ''}<${checked.pageUrl}>`,
    ...(checked.name ? [`姓名 Name: ${checked.name}`] : []),
    ...(checked.contact ? [`联系方式 Contact: ${checked.contact}`] : []),
    ...(checked.topic ? [`类别 Topic: ${checked.topic}`] : []),
    `编号 Receipt: ${receipt.id}`,
  ];
  await sendLocalMail(context, {
    kind: 'feedback',
    to,
    subject: `[反馈${checked.topic ? `: ${checked.topic}` : ''}] ${checked.pageTitle ?? checked.pageUrl}`.slice(0, 200),
    text: `${lines.join('\n')}\n`,
    headers: checked.contact?.includes('@') ? { 'Reply-To': checked.contact } : {},
  });
  return receipt;
}
