-- Core tables: catalog, help, payment methods, orders, members and sessions, and the
-- infrastructure every instance shares (idempotency keys, rate-limit counters, daily salts).
-- Times are epoch milliseconds (bigint). Runs unchanged on PGlite and PostgreSQL.

CREATE TABLE meta (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE products (
  sku text PRIMARY KEY,
  id text NOT NULL UNIQUE,
  -- Seed order: the catalog's natural order (relevance ties, stable sorts).
  position integer NOT NULL,
  series text,
  category text,
  price bigint NOT NULL,
  currency text NOT NULL,
  sale_price bigint,
  sale_starts_at bigint,
  sale_ends_at bigint,
  rating_average double precision NOT NULL DEFAULT 0,
  rating_count integer NOT NULL DEFAULT 0,
  created_at bigint NOT NULL DEFAULT 0,
  -- Units that can be sold now; null = not tracked. Authoritative over data->stock.
  stock integer CHECK (stock IS NULL OR stock >= 0),
  -- foldText() of the title (all locales), the tags and the description (all locales).
  search_title text NOT NULL,
  search_tags text NOT NULL,
  search_description text NOT NULL,
  -- The whole Product as the SDK types it.
  data jsonb NOT NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX products_series ON products (series, position);
CREATE INDEX products_category ON products (category, position);

CREATE TABLE facets (
  kind text NOT NULL CHECK (kind IN ('series', 'category')),
  id text NOT NULL,
  position integer NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (kind, id)
);

CREATE TABLE promotions (
  id text PRIMARY KEY,
  position integer NOT NULL,
  data jsonb NOT NULL
);

CREATE TABLE help_articles (
  id text PRIMARY KEY,
  position integer NOT NULL,
  data jsonb NOT NULL
);

CREATE TABLE payment_methods (
  id text PRIMARY KEY,
  position integer NOT NULL,
  data jsonb NOT NULL
);

CREATE TABLE members (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  tier text NOT NULL CHECK (tier IN ('member', 'vip')),
  shipping_card boolean NOT NULL DEFAULT false,
  since bigint NOT NULL,
  -- scrypt$N$r$p$salt$hash
  password_hash text NOT NULL
);

-- Bearer session tokens, stored as sha256 hashes only.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX sessions_member ON sessions (member_id);

CREATE TABLE orders (
  number text PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('placed', 'paid', 'shipped', 'delivered', 'cancelled')),
  placed_at bigint NOT NULL,
  paid_at bigint,
  shipped_at bigint,
  delivered_at bigint,
  cancelled_at bigint,
  carrier text,
  tracking_number text,
  lines jsonb NOT NULL,
  total_amount bigint NOT NULL,
  currency text NOT NULL,
  member_id text,
  payment_method text,
  -- sha256 of the payment page's token (null for seeded orders).
  pay_token_hash text
);
CREATE INDEX orders_placed ON orders (placed_at DESC, number DESC);
CREATE INDEX orders_status ON orders (status, placed_at DESC, number DESC);

CREATE TABLE order_events (
  id bigserial PRIMARY KEY,
  order_number text NOT NULL REFERENCES orders (number) ON DELETE CASCADE,
  status text NOT NULL,
  at bigint NOT NULL,
  note text
);
CREATE INDEX order_events_order ON order_events (order_number, at, id);

-- Who may track an order: normalized phone digits or lower-case e-mail (never listed publicly).
CREATE TABLE order_contacts (
  order_number text NOT NULL REFERENCES orders (number) ON DELETE CASCADE,
  contact text NOT NULL,
  PRIMARY KEY (order_number, contact)
);

-- Per-day order number sequence (SFyyyymmddNNN), shared by every instance.
CREATE TABLE order_sequences (
  day text PRIMARY KEY,
  last integer NOT NULL
);

CREATE TABLE idempotency_keys (
  key text PRIMARY KEY,
  -- sha256 of method, path and the canonical JSON body.
  request_hash text NOT NULL,
  state text NOT NULL CHECK (state IN ('running', 'done')),
  status integer,
  headers jsonb,
  body text,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- Fixed-window counters per bucket (route + client hash).
CREATE TABLE rate_limits (
  bucket text NOT NULL,
  window_start bigint NOT NULL,
  count integer NOT NULL,
  expires_at bigint NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limits_expires ON rate_limits (expires_at);

-- A random salt per UTC day for client hashes; deleted after 48 h.
CREATE TABLE daily_salts (
  day text PRIMARY KEY,
  salt text NOT NULL,
  created_at bigint NOT NULL
);
