import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely table types of the engagement tables (migration 002_engagement.sql). Times are epoch
 * milliseconds in `bigint` columns, read as numbers on both drivers (database.ts sets
 * node-postgres' int8 parser); sums (numeric) still come back as strings and are converted.
 */
type Int = number;
type NullableInt = number | null;

export interface GuestbookEntriesTable {
  id: string;
  topic: string;
  author: string;
  body: string;
  rating: number | null;
  contact: string | null;
  created_at: Int;
  approved: boolean;
  hidden: Generated<boolean>;
  pinned: Generated<boolean>;
  held_reason: string | null;
  poster_hash: string | null;
}

export interface GuestbookRepliesTable {
  id: string;
  entry_id: string;
  author: string;
  body: string;
  created_at: Int;
}

export interface GuestbookPowUsedTable {
  signature: string;
  expires_at: Int;
}

export interface VisitDailyTable {
  day: string;
  topic: string;
  page_views: Generated<number>;
  unique_visitors: Generated<number>;
}

export interface VisitSaltsTable {
  day: string;
  salt: string;
  created_at: Int;
}

export interface VisitSeenTable {
  day: string;
  topic: string;
  visitor_hash: string;
}

export interface VisitBatchesTable {
  key: string;
  accepted: number;
  created_at: Int;
}

export interface NewsletterSubscribersTable {
  id: string;
  list: string;
  email: string;
  status: 'pending' | 'confirmed' | 'unsubscribed';
  locale: string | null;
  created_at: Int;
  updated_at: Int;
  confirmed_at: NullableInt;
  unsubscribed_at: NullableInt;
}

export interface NewsletterConsentsTable {
  id: string;
  subscriber_id: string;
  consent_text: string;
  consent_version: string;
  created_at: Int;
}

export interface NewsletterTokensTable {
  token_hash: string;
  subscriber_id: string;
  purpose: 'confirm' | 'unsubscribe';
  created_at: Int;
  expires_at: NullableInt;
}

export interface NewsletterMailCooldownTable {
  email: string;
  last_sent_at: Int;
}

export interface MailOutboxTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  /** Written as a JSON string, read back parsed (jsonb). */
  headers: ColumnType<Record<string, string>, string, string>;
  kind: string;
  created_at: Int;
}

export interface FeedbackMessagesTable {
  id: string;
  message: string;
  page_url: string;
  page_title: string | null;
  name: string | null;
  contact: string | null;
  to_address: string;
  topic: string | null;
  created_at: Int;
}

export interface EngagementTables {
  guestbook_entries: GuestbookEntriesTable;
  guestbook_replies: GuestbookRepliesTable;
  guestbook_pow_used: GuestbookPowUsedTable;
  visit_daily: VisitDailyTable;
  visit_salts: VisitSaltsTable;
  visit_seen: VisitSeenTable;
  visit_batches: VisitBatchesTable;
  newsletter_subscribers: NewsletterSubscribersTable;
  newsletter_consents: NewsletterConsentsTable;
  newsletter_tokens: NewsletterTokensTable;
  newsletter_mail_cooldown: NewsletterMailCooldownTable;
  mail_outbox: MailOutboxTable;
  feedback_messages: FeedbackMessagesTable;
}
