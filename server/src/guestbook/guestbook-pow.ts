import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import type { Challenge, Payload } from 'altcha-lib/v1/types';

/**
 * ALTCHA proof of work (the v1 challenge format the contract names: algorithm, challenge, salt,
 * signature, maxnumber). Works without any third-party service, so it works in China. The
 * challenge is signed with the server's HMAC key and carries its expiry in the salt, so any
 * instance can verify it; used solutions are recorded in the database so one cannot be replayed.
 */
export async function issueChallenge(hmacKey: string, maxNumber: number, ttlMs: number, now: number): Promise<Challenge> {
  return createChallenge({ hmacKey, maxNumber, expires: new Date(now + ttlMs) });
}

/** The solved payload's signature and expiry when it is valid, else null. */
export async function checkSolution(solution: string, hmacKey: string): Promise<{ signature: string; expiresAt: number } | null> {
  const payload = parsePayload(solution);
  if (!payload || !(await verifySolution(payload, hmacKey, true))) return null;
  const expires = Number.parseInt(extractParams(payload).expires ?? '', 10);
  // A challenge without an expiry was not issued by this server.
  if (!Number.isSafeInteger(expires)) return null;
  return { signature: payload.signature, expiresAt: expires * 1000 };
}

/** The ALTCHA widget sends base64 of the JSON payload; plain JSON is accepted too. */
function parsePayload(text: string): Payload | null {
  for (const decode of [(value: string) => Buffer.from(value, 'base64').toString('utf8'), (value: string) => value]) {
    try {
      const value: unknown = JSON.parse(decode(text));
      if (isPayload(value)) return value;
    } catch {
      // try the next form
    }
  }
  return null;
}

function isPayload(value: unknown): value is Payload {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.algorithm === 'string' &&
    typeof candidate.challenge === 'string' &&
    typeof candidate.number === 'number' &&
    typeof candidate.salt === 'string' &&
    typeof candidate.signature === 'string'
  );
}
