// The 报送包 file format, one home for it: signed with the school's Ed25519 key, optionally
// sealed for the district (X25519 ECDH → HKDF-SHA256 → AES-256-GCM), all with Node's crypto.
// The school signs first and seals the signed bundle, so the district can always tell who sent
// it, and a lost USB stick reveals neither the content nor the sender.
//
// Version 2, the only one written now, is binary:
//   "YISHI-BUNDLE\n" · version byte 2 · u32 BE header length · header (UTF-8 JSON)
//   unsealed: block                      sealed: GCM tag (16) · AES-256-GCM(block)
//   block = Ed25519 signature (64) · u16 BE key length · school's public key (SPKI DER) · payload
// The header holds format, version, sealed, the block's length and, sealed, the recipient's
// fingerprint, the one-off public key and the IV; never the payload. Sealed, every byte before the
// tag is the cipher's AAD, so no header field or the version byte can be changed unnoticed.
// Unsealed, the header guards nothing the signature does not: the file must be exactly as long
// as it says, and the signature covers the payload.
// Version 1 (JSON, the payload as base64 inside AES-GCM inside base64) is still read: districts
// receive bundles from schools on older apps.
import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const BUNDLE_FORMAT = 'yishi-bundle';
export const BUNDLE_EXTENSION = 'yishi-bundle';
export const DISTRICT_KEY_FORMAT = 'yishi-district-key';
/** Distinct per version: a key derived for one version can never open the other's cipher. */
const HKDF_INFO = { 1: 'yishi-bundle v1', 2: 'yishi-bundle v2' } as const;
const MAGIC = Buffer.from('YISHI-BUNDLE\n', 'latin1');
const VERSION = 2;
const SIGNATURE_BYTES = 64;
const TAG_BYTES = 16;
/** A header is a few hundred bytes; a length beyond this is a damaged file, not a reason to allocate. */
const MAX_HEADER_BYTES = 4096;

/** A refusal while reading a bundle: code for tests, Chinese message for the secretary. */
export class BundleError extends Error {
  constructor(
    readonly code: 'not_bundle' | 'bad_signature' | 'wrong_key' | 'not_sealed_for_us' | 'damaged',
    message: string,
  ) {
    super(message);
    this.name = 'BundleError';
  }
}

/** sha256 of the raw public key, 32 hex digits in groups of four: short enough to print and read aloud. */
export function fingerprintOf(publicKey: KeyObject): string {
  const raw = rawPublicKey(publicKey);
  const hex = crypto.createHash('sha256').update(raw).digest('hex').slice(0, 32).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

function rawPublicKey(publicKey: KeyObject): Buffer {
  // Ed25519 and X25519 SPKI encodings end with the 32-byte raw key.
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32);
}

const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'der' }).toString('base64');
const fromSpki = (b64: string) => crypto.createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' });

/** A private key kept as a PEM file; made on first use, readable only by the user. */
function keyFile(file: string, type: 'ed25519' | 'x25519'): KeyObject {
  if (fs.existsSync(file)) return crypto.createPrivateKey(fs.readFileSync(file, 'utf8'));
  const { privateKey } = type === 'ed25519' ? crypto.generateKeyPairSync('ed25519') : crypto.generateKeyPairSync('x25519');
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  // Never replace a key that appeared meanwhile: the district registered its fingerprint.
  try {
    fs.linkSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return crypto.createPrivateKey(fs.readFileSync(file, 'utf8'));
}

export interface Signer {
  privateKey: KeyObject;
  publicKey: KeyObject;
  fingerprint: string;
  file: string;
}

/** The school's signing key, in the data folder next to the ledger (made at first use). */
export function schoolKey(ledgerFile: string): Signer {
  const file = path.join(path.dirname(ledgerFile), 'report-key.pem');
  const privateKey = keyFile(file, 'ed25519');
  const publicKey = crypto.createPublicKey(privateKey);
  return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey), file };
}

export interface DistrictKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  fingerprint: string;
}

/** The district's sealing key, next to the district ledger (made at first use). */
export function districtKey(districtFile: string): DistrictKey {
  const privateKey = keyFile(path.join(path.dirname(districtFile), 'district-key.pem'), 'x25519');
  const publicKey = crypto.createPublicKey(privateKey);
  return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
}

/** The file the district hands out to its schools: its name and public sealing key. */
export function districtKeyFileText(name: string, key: Pick<DistrictKey, 'publicKey' | 'fingerprint'>): string {
  return `${JSON.stringify({ format: DISTRICT_KEY_FORMAT, version: 1, name, publicKey: spki(key.publicKey), fingerprint: key.fingerprint }, null, 2)}\n`;
}

export interface DistrictPublicKey {
  name: string;
  publicKey: string;
  fingerprint: string;
}

/** Reads a district key file; null when it is not one (or its fingerprint does not match its key). */
export function parseDistrictKeyFile(text: string): DistrictPublicKey | null {
  try {
    const o = JSON.parse(text) as Record<string, unknown>;
    if (o.format !== DISTRICT_KEY_FORMAT || typeof o.name !== 'string' || typeof o.publicKey !== 'string') return null;
    const key = fromSpki(o.publicKey);
    if (key.asymmetricKeyType !== 'x25519') return null;
    const fingerprint = fingerprintOf(key);
    if (o.fingerprint !== undefined && o.fingerprint !== fingerprint) return null;
    return { name: o.name.slice(0, 100), publicKey: o.publicKey, fingerprint };
  } catch {
    return null;
  }
}

/** Sign the payload and, when a district key is given, seal the whole for it. Returns the file's bytes (version 2). */
export function packBundle(payload: Buffer, signer: Signer, recipient?: DistrictPublicKey | null): Buffer {
  const signature = crypto.sign(null, payload, signer.privateKey);
  const key = signer.publicKey.export({ type: 'spki', format: 'der' });
  const keyLength = Buffer.alloc(2);
  keyLength.writeUInt16BE(key.length);
  const block = [signature, keyLength, key, payload];
  const length = SIGNATURE_BYTES + 2 + key.length + payload.length;
  if (!recipient) return Buffer.concat([prefix({ format: BUNDLE_FORMAT, version: VERSION, sealed: false, length }), ...block]);
  const districtPublic = fromSpki(recipient.publicKey);
  const eph = crypto.generateKeyPairSync('x25519');
  const iv = crypto.randomBytes(12);
  const head = prefix({ format: BUNDLE_FORMAT, version: VERSION, sealed: true, recipient: recipient.fingerprint, ephemeralKey: spki(eph.publicKey), iv: iv.toString('base64'), length });
  const cipher = crypto.createCipheriv('aes-256-gcm', sealingKey(crypto.diffieHellman({ privateKey: eph.privateKey, publicKey: districtPublic }), eph.publicKey, districtPublic, 2), iv);
  cipher.setAAD(head);
  // GCM is a stream cipher: update() gives every byte and final() none, so each piece is encrypted
  // as it is and the pieces are joined once, into the file.
  const sealed = block.map((b) => cipher.update(b));
  cipher.final();
  return Buffer.concat([head, cipher.getAuthTag(), ...sealed]);
}

/** Magic, version byte, header length and header: the bytes before the block (sealed: the AAD). */
function prefix(header: Record<string, unknown>): Buffer {
  const json = Buffer.from(JSON.stringify(header));
  const out = Buffer.alloc(MAGIC.length + 1 + 4 + json.length);
  MAGIC.copy(out);
  out[MAGIC.length] = VERSION;
  out.writeUInt32BE(json.length, MAGIC.length + 1);
  json.copy(out, MAGIC.length + 5);
  return out;
}

/** HKDF over the X25519 secret; the salt binds both public keys, so the key belongs to this exchange and recipient only. */
function sealingKey(shared: Buffer, ephemeralPublic: KeyObject, districtPublic: KeyObject, version: 1 | 2): Buffer {
  const salt = Buffer.concat([rawPublicKey(ephemeralPublic), rawPublicKey(districtPublic)]);
  return Buffer.from(crypto.hkdfSync('sha256', shared, salt, HKDF_INFO[version], 32));
}

export interface OpenedBundle {
  /** The signed bytes (gzip of the body): a view into the file's bytes (unsealed) or the decrypted block, not a copy. */
  payload: Buffer;
  /** sha256 of the payload: the bundle's name, the same sealed or not, version 1 or 2. */
  hash: string;
  publicKey: string;
  fingerprint: string;
  sealed: boolean;
}

const NOT_BUNDLE = '这不是议事台账的报送包文件，或文件已损坏（无法读取）。';
const NEWER = '这不是议事台账的报送包文件，或是更新版本的应用制作的，无法读取。';
const CANNOT_DECRYPT = '报送包无法解密：文件在传送途中被改动或损坏。请学校重新制作、重新拷贝。';
const INCOMPLETE = '报送包内容不完整，无法核验签名。';
const TRUNCATED = '报送包文件不完整或多出了内容：可能在拷贝时被截断或损坏。请学校重新制作、重新拷贝。';
const refuse = (code: BundleError['code'], message: string): never => {
  throw new BundleError(code, message);
};

/** Decrypt (when sealed) and check the signature. Throws BundleError with the reason, and nothing else. */
export function openBundle(bytes: Buffer, district?: DistrictKey | null): OpenedBundle {
  if (bytes.length >= MAGIC.length && bytes.subarray(0, MAGIC.length).equals(MAGIC)) return openV2(bytes, district);
  return openV1(bytes, district);
}

/** The district's checks before decrypting, the same for both versions: its key, when the file was sealed for it. */
function keyFor(recipient: unknown, district?: DistrictKey | null): DistrictKey {
  if (!district) return refuse('wrong_key', '报送包已加密，需要本区的密钥才能打开。');
  if (recipient !== district.fingerprint) {
    refuse('not_sealed_for_us', '报送包是为另一个区的密钥加密的，本区无法打开：请学校导入本区下发的公钥文件后重新制作。');
  }
  return district;
}

/** The AES-256-GCM key of this file, from the one-off public key it carries. Throws (any error) when that key is no X25519 key. */
function unsealKey(ephemeralKey: string, district: DistrictKey, version: 1 | 2): Buffer {
  const eph = fromSpki(ephemeralKey);
  return sealingKey(crypto.diffieHellman({ privateKey: district.privateKey, publicKey: eph }), eph, district.publicKey, version);
}

/** Both versions end here: the school's key, the signature over the payload, the bundle's name. */
function verified(payload: Buffer, key: Buffer, signature: Buffer, sealed: boolean): OpenedBundle {
  let publicKey: KeyObject;
  try {
    publicKey = crypto.createPublicKey({ key, format: 'der', type: 'spki' });
    if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
  } catch {
    return refuse('bad_signature', '报送包的签名密钥无法识别，不能确认是哪所学校制作的。');
  }
  let valid = false;
  try {
    valid = crypto.verify(null, payload, publicKey, signature);
  } catch {
    // A signature of the wrong length: no more valid than a wrong one.
  }
  if (!valid) refuse('bad_signature', '报送包签名核验不通过：内容在学校签名之后被改动过。');
  return {
    payload,
    hash: crypto.createHash('sha256').update(payload).digest('hex'),
    publicKey: key.toString('base64'),
    fingerprint: fingerprintOf(publicKey),
    sealed,
  };
}

interface HeaderV2 {
  sealed: boolean;
  length: number;
  recipient?: unknown;
  ephemeralKey?: unknown;
  iv?: unknown;
}

/** Version 2: every part is a view into `bytes` (unsealed) or into the one decrypted buffer (sealed). */
function openV2(bytes: Buffer, district?: DistrictKey | null): OpenedBundle {
  if (bytes.length < MAGIC.length + 5) refuse('damaged', TRUNCATED);
  if (bytes[MAGIC.length] !== VERSION) refuse('not_bundle', NEWER);
  const headerLength = bytes.readUInt32BE(MAGIC.length + 1);
  const start = MAGIC.length + 5 + headerLength;
  if (headerLength === 0 || headerLength > MAX_HEADER_BYTES || start > bytes.length) refuse('damaged', TRUNCATED);
  let header: HeaderV2;
  try {
    header = JSON.parse(bytes.toString('utf8', MAGIC.length + 5, start)) as HeaderV2;
  } catch {
    return refuse('damaged', TRUNCATED);
  }
  if (!header || typeof header !== 'object' || (header as { format?: unknown }).format !== BUNDLE_FORMAT || (header as { version?: unknown }).version !== VERSION) {
    refuse('not_bundle', NEWER);
  }
  if (typeof header.sealed !== 'boolean' || !Number.isSafeInteger(header.length) || header.length < SIGNATURE_BYTES + 2) refuse('damaged', INCOMPLETE);
  // Exactly the block (sealed: tag and block) after the header: shorter is a cut file, longer one with something added.
  if (bytes.length !== start + (header.sealed ? TAG_BYTES : 0) + header.length) refuse('damaged', TRUNCATED);
  let block: Buffer;
  if (header.sealed) {
    const key = keyFor(header.recipient, district);
    try {
      if (typeof header.ephemeralKey !== 'string' || typeof header.iv !== 'string') throw new Error('header');
      const iv = Buffer.from(header.iv, 'base64');
      if (iv.length !== 12) throw new Error('iv');
      const decipher = crypto.createDecipheriv('aes-256-gcm', unsealKey(header.ephemeralKey, key, 2), iv);
      decipher.setAAD(bytes.subarray(0, start));
      decipher.setAuthTag(bytes.subarray(start, start + TAG_BYTES));
      block = decipher.update(bytes.subarray(start + TAG_BYTES));
      decipher.final(); // checks the tag; GCM gives no bytes here
    } catch {
      return refuse('damaged', CANNOT_DECRYPT);
    }
  } else {
    block = bytes.subarray(start);
  }
  const keyLength = block.readUInt16BE(SIGNATURE_BYTES);
  const keyEnd = SIGNATURE_BYTES + 2 + keyLength;
  if (keyLength === 0 || keyEnd > block.length) refuse('damaged', INCOMPLETE);
  return verified(block.subarray(keyEnd), block.subarray(SIGNATURE_BYTES + 2, keyEnd), block.subarray(0, SIGNATURE_BYTES), header.sealed);
}

interface SignedV1 {
  payload: string;
  publicKey: string;
  signature: string;
}

/** Version 1, as the older app writes it: JSON; sealed, the signed JSON inside AES-GCM, all base64. */
function openV1(bytes: Buffer, district?: DistrictKey | null): OpenedBundle {
  let outer: Record<string, unknown>;
  try {
    outer = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  } catch {
    return refuse('not_bundle', NOT_BUNDLE);
  }
  if (!outer || outer.format !== BUNDLE_FORMAT || outer.version !== 1) refuse('not_bundle', NEWER);
  let signed: SignedV1;
  if (outer.sealed === true) {
    const key = keyFor(outer.recipient, district);
    try {
      const header = { format: outer.format, version: outer.version, sealed: true, recipient: outer.recipient, ephemeralKey: outer.ephemeralKey };
      const decipher = crypto.createDecipheriv('aes-256-gcm', unsealKey(String(outer.ephemeralKey), key, 1), Buffer.from(String(outer.iv), 'base64'));
      decipher.setAAD(Buffer.from(JSON.stringify(header)));
      decipher.setAuthTag(Buffer.from(String(outer.tag), 'base64'));
      const plain = decipher.update(Buffer.from(String(outer.data), 'base64'));
      decipher.final(); // checks the tag; GCM gives no bytes here
      signed = JSON.parse(plain.toString('utf8')) as SignedV1;
    } catch {
      return refuse('damaged', CANNOT_DECRYPT);
    }
  } else {
    signed = outer.signed as SignedV1;
  }
  if (!signed || typeof signed.payload !== 'string' || typeof signed.publicKey !== 'string' || typeof signed.signature !== 'string') refuse('damaged', INCOMPLETE);
  return verified(Buffer.from(signed.payload, 'base64'), Buffer.from(signed.publicKey, 'base64'), Buffer.from(signed.signature, 'base64'), outer.sealed === true);
}
