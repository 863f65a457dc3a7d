-- Guestbook, visits, newsletter, feedback and the mail outbox. Times are epoch milliseconds
-- (bigint), as everywhere in the SDK. Runs unchanged on PGlite and PostgreSQL.

CREATE TABLE guestbook_entries (
  id text PRIMARY KEY,
  topic text NOT NULL,
  author text NOT NULL,
  body text NOT NULL,
  rating smallint,
  -- Private contact for the staff only: never listed.
  contact text,
  created_at bigint NOT NULL,
  approved boolean NOT NULL,
  hidden boolean NOT NULL DEFAULT false,
  pinned boolean NOT NULL DEFAULT false,
  -- Why it was held ('honeypot', 'links', 'fill-time', 'moderation', 'first-post'); null when published at once.
  held_reason text,
  -- Daily-salted hash of the poster's address (first-post moderation); null for seeded entries.
  poster_hash text
);
-- The public list: one topic, visible entries, pinned first then newest.
CREATE INDEX guestbook_entries_listed ON guestbook_entries (topic, pinned DESC, created_at DESC, id DESC)
  WHERE approved AND NOT hidden;
CREATE INDEX guestbook_entries_staff ON guestbook_entries (created_at DESC, id DESC);
CREATE INDEX guestbook_entries_poster ON guestbook_entries (poster_hash) WHERE approved;

CREATE TABLE guestbook_replies (
  id text PRIMARY KEY,
  entry_id text NOT NULL REFERENCES guestbook_entries (id) ON DELETE CASCADE,
  author text NOT NULL,
  body text NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX guestbook_replies_entry ON guestbook_replies (entry_id, created_at);

-- Solved proof-of-work challenges, so one solution cannot be replayed for a second post.
CREATE TABLE guestbook_pow_used (
  signature text PRIMARY KEY,
  expires_at bigint NOT NULL
);

-- Visits: counters per (day, topic). Counts only go up.
CREATE TABLE visit_daily (
  day text NOT NULL,
  topic text NOT NULL,
  page_views bigint NOT NULL DEFAULT 0,
  unique_visitors bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, topic)
);
CREATE INDEX visit_daily_topic ON visit_daily (topic);

-- A random salt per day; deleted after 48 h so yesterday's visitors cannot be re-identified.
CREATE TABLE visit_salts (
  day text PRIMARY KEY,
  salt text NOT NULL,
  created_at bigint NOT NULL
);

-- Salted visitor hashes seen on a day and topic (deleted with the day's salt).
CREATE TABLE visit_seen (
  day text NOT NULL,
  topic text NOT NULL,
  visitor_hash text NOT NULL,
  PRIMARY KEY (day, topic, visitor_hash)
);

-- Batch keys from the body (`key`, for sendBeacon which cannot set headers): a replay counts once.
CREATE TABLE visit_batches (
  key text PRIMARY KEY,
  accepted integer NOT NULL,
  created_at bigint NOT NULL
);

CREATE TABLE newsletter_subscribers (
  id text PRIMARY KEY,
  list text NOT NULL,
  email text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
  locale text,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  confirmed_at bigint,
  unsubscribed_at bigint,
  UNIQUE (list, email)
);

-- Consent as proof: every sign-up's text, version and time, append-only.
CREATE TABLE newsletter_consents (
  id text PRIMARY KEY,
  subscriber_id text NOT NULL REFERENCES newsletter_subscribers (id) ON DELETE CASCADE,
  consent_text text NOT NULL,
  consent_version text NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX newsletter_consents_subscriber ON newsletter_consents (subscriber_id, created_at);

-- Tokens are stored as sha256 hashes only.
CREATE TABLE newsletter_tokens (
  token_hash text PRIMARY KEY,
  subscriber_id text NOT NULL REFERENCES newsletter_subscribers (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('confirm', 'unsubscribe')),
  created_at bigint NOT NULL,
  expires_at bigint
);
CREATE INDEX newsletter_tokens_subscriber ON newsletter_tokens (subscriber_id);

-- One confirmation mail per address per cool-down, across lists and server instances.
CREATE TABLE newsletter_mail_cooldown (
  email text PRIMARY KEY,
  last_sent_at bigint NOT NULL
);

-- Development mail outbox (the mail is also written to the server log).
CREATE TABLE mail_outbox (
  id text PRIMARY KEY,
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  headers jsonb NOT NULL,
  kind text NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX mail_outbox_created ON mail_outbox (created_at DESC, id DESC);
CREATE INDEX mail_outbox_to ON mail_outbox (to_address, created_at DESC);

CREATE TABLE feedback_messages (
  id text PRIMARY KEY,
  message text NOT NULL,
  page_url text NOT NULL,
  page_title text,
  name text,
  contact text,
  to_address text NOT NULL,
  topic text,
  created_at bigint NOT NULL
);
CREATE INDEX feedback_messages_created ON feedback_messages (created_at DESC, id DESC);
