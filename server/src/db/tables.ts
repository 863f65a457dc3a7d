import type { ColumnType, Generated } from 'kysely';
import type { EngagementTables } from './engagement-tables.js';

/**
 * Kysely types of the core tables (migration 001_core.sql). `bigint` columns are read as
 * numbers on both drivers (database.ts sets node-postgres' int8 parser), written as numbers.
 */
type Int = ColumnType<number, number, number>;
type NullableInt = ColumnType<number | null, number | null | undefined, number | null>;
/** jsonb: written as a JSON string, read back parsed. */
type Json<T> = ColumnType<T, string, string>;

export interface MetaTable {
  key: string;
  value: string;
}

export interface ProductsTable {
  sku: string;
  id: string;
  position: number;
  series: string | null;
  category: string | null;
  price: Int;
  currency: string;
  sale_price: NullableInt;
  sale_starts_at: NullableInt;
  sale_ends_at: NullableInt;
  rating_average: number;
  rating_count: number;
  created_at: Int;
  stock: number | null;
  search_title: string;
  search_tags: string;
  search_description: string;
  data: Json<unknown>;
  updated_at: Int;
}

export interface JsonRowTable {
  id: string;
  position: number;
  data: Json<unknown>;
}

export interface FacetsTable extends JsonRowTable {
  kind: 'series' | 'category';
}

export interface MembersTable {
  id: string;
  email: string;
  name: string;
  tier: 'member' | 'vip';
  shipping_card: boolean;
  since: Int;
  password_hash: string;
}

export interface SessionsTable {
  token_hash: string;
  member_id: string;
  created_at: Int;
  expires_at: Int;
}

export interface OrdersTable {
  number: string;
  status: 'placed' | 'paid' | 'shipped' | 'delivered' | 'cancelled';
  placed_at: Int;
  paid_at: NullableInt;
  shipped_at: NullableInt;
  delivered_at: NullableInt;
  cancelled_at: NullableInt;
  carrier: string | null;
  tracking_number: string | null;
  lines: Json<unknown>;
  total_amount: Int;
  currency: string;
  member_id: string | null;
  payment_method: string | null;
  pay_token_hash: string | null;
}

export interface OrderEventsTable {
  id: Generated<number>;
  order_number: string;
  status: string;
  at: Int;
  note: string | null;
}

export interface OrderContactsTable {
  order_number: string;
  contact: string;
}

export interface OrderSequencesTable {
  day: string;
  last: number;
}

export interface IdempotencyKeysTable {
  key: string;
  request_hash: string;
  state: 'running' | 'done';
  status: number | null;
  headers: ColumnType<Record<string, string> | null, string | null, string | null>;
  body: string | null;
  created_at: Int;
  updated_at: Int;
}

export interface RateLimitsTable {
  bucket: string;
  window_start: Int;
  count: number;
  expires_at: Int;
}

export interface DailySaltsTable {
  day: string;
  salt: string;
  created_at: Int;
}

export interface CoreTables {
  meta: MetaTable;
  products: ProductsTable;
  facets: FacetsTable;
  promotions: JsonRowTable;
  help_articles: JsonRowTable;
  payment_methods: JsonRowTable;
  members: MembersTable;
  sessions: SessionsTable;
  orders: OrdersTable;
  order_events: OrderEventsTable;
  order_contacts: OrderContactsTable;
  order_sequences: OrderSequencesTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_limits: RateLimitsTable;
  daily_salts: DailySaltsTable;
}

/** Every table of the server: the core ones and the engagement ones (guestbook, visits...). */
export interface Database extends CoreTables, EngagementTables {}
