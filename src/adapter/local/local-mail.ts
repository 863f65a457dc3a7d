import type { LocalContext } from './local-state.js';

/**
 * A mail the local adapter "sent". A browser cannot send mail, so the adapter keeps what it
 * would have sent (newsletter confirmations, feedback for the staff) in a local outbox the
 * demo shows; the reference server keeps the same in its `mail_outbox` table (`/api/staff/mail`).
 */
export interface LocalMail {
  id: string;
  kind: 'newsletter-confirmation' | 'feedback';
  to: string;
  subject: string;
  text: string;
  /** Mail headers, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058). */
  headers: Record<string, string>;
  createdAt: number;
}

const PREFIX = 'mail:';

/** Writes `mail` to the outbox; a per-outbox sequence keeps mails of the same millisecond in order. */
export async function sendLocalMail(context: LocalContext, mail: Omit<LocalMail, 'id' | 'createdAt'>): Promise<LocalMail> {
  const sequence = await context.state.update<number>('mail-sequence', (current) => (current ?? 0) + 1);
  const id = `mail-${String(sequence).padStart(10, '0')}`;
  const stored: LocalMail = { id, ...mail, createdAt: context.now() };
  await context.state.set(`${PREFIX}${id}`, stored);
  return stored;
}

/** The outbox, newest first, optionally only the mails to `address` (compared case-insensitively). */
export async function readLocalMail(context: LocalContext, address?: string): Promise<LocalMail[]> {
  const wanted = address?.trim().toLowerCase();
  const mails = await context.state.list<LocalMail>(PREFIX);
  return mails
    .filter((mail) => wanted === undefined || mail.to.toLowerCase() === wanted)
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
