import { HttpProblem } from '../http/problem.js';
import type { PublicKey, StaffKey } from './guestbook-sql.js';

/**
 * Opaque cursors: base64url of the last row's sort key. The key names the last entry seen, not
 * a position, so an entry posted between two pages does not shift the next page.
 */
export function encodePublicCursor(key: PublicKey): string {
  return Buffer.from(JSON.stringify([key.pinned ? 1 : 0, key.createdAt, key.id])).toString('base64url');
}

export function encodeStaffCursor(key: StaffKey): string {
  return Buffer.from(JSON.stringify([key.createdAt, key.id])).toString('base64url');
}

/** Null when the cursor is not one this server wrote. */
export function decodePublicCursor(cursor: string): PublicKey | null {
  const value = parse(cursor);
  if (!Array.isArray(value) || value.length !== 3) return null;
  const [pinned, createdAt, id] = value as unknown[];
  if ((pinned !== 0 && pinned !== 1) || !isTime(createdAt) || !isId(id)) return null;
  return { pinned: pinned === 1, createdAt, id };
}

export function decodeStaffCursor(cursor: string): StaffKey | null {
  const value = parse(cursor);
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [createdAt, id] = value as unknown[];
  if (!isTime(createdAt) || !isId(id)) return null;
  return { createdAt, id };
}

function parse(cursor: string): unknown {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return null;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 100;
}

/** A 400 for a cursor this server did not write (every staff list pages with these cursors). */
function badCursor(): never {
  throw new HttpProblem(400, 'validation', 'The page cursor is not valid.', { field: 'cursor' }, undefined, {}, '分页游标无效。');
}

/** The position after which a staff list continues: null for the first page; a 400 for a bad cursor. */
export function staffCursorAfter(cursor: string | undefined): StaffKey | null {
  return cursor === undefined ? null : (decodeStaffCursor(cursor) ?? badCursor());
}

/** The position after which a public guestbook list continues; a 400 for a bad cursor. */
export function publicCursorAfter(cursor: string | undefined): PublicKey | null {
  return cursor === undefined ? null : (decodePublicCursor(cursor) ?? badCursor());
}
