import { createHash } from 'node:crypto';
import { DomainError } from '@tiaojie/core';
import { canonicalJson } from '@tiaojie/intake-parsers';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;

/** An Idempotency-Key header: 1–100 of letters, digits and . _ : - (a UUID fits). */
export function checkIdempotencyKey(key: string): string {
  if (!IDEMPOTENCY_KEY.test(key))
    throw DomainError.validation('Idempotency-Key 须为 1–100 个字母、数字或 . _ : -', {
      field: 'Idempotency-Key',
    });
  return key;
}

/** The request a key was first used for: sha256 of the validated body, keys sorted (their order is not meaning). */
export function requestFingerprint(input: unknown): string {
  return createHash('sha256').update(canonicalJson(input), 'utf8').digest('hex');
}

/**
 * A retry must repeat the request: the same key with another body is refused (409) rather than answered with the
 * first request's result, which would drop the new body silently. Rows stored before fingerprints were kept pass.
 */
export function assertSameRequest(stored: string | null | undefined, fingerprint: string | undefined): void {
  if (stored && fingerprint && stored !== fingerprint) throw DomainError.idempotencyKeyReused();
}
