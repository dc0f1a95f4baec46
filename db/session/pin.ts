// PINs are kept only as scrypt hashes with a per-operator salt: a copied ledger file does not
// give the PINs away cheaply. A 4–8 digit PIN is a light check against the wrong person at a
// shared PC, not a password (anyone with the file and a SQL tool can change the table).
import crypto from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

export function hashPin(pin: string): string {
  const salt = crypto.randomBytes(16);
  const key = crypto.scryptSync(pin, salt, KEYLEN, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function pinMatches(pin: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64');
  if (expected.length !== KEYLEN) return false;
  const got = crypto.scryptSync(pin, Buffer.from(salt, 'base64'), KEYLEN, { N: Number(n), r: Number(r), p: Number(p) });
  return crypto.timingSafeEqual(got, expected);
}
