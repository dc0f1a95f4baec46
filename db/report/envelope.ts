// The 报送包 file format, one home for it: signed with the school's Ed25519 key, optionally
// sealed for the district (X25519 ECDH → HKDF-SHA256 → AES-256-GCM), all with Node's crypto.
// The school signs first and seals the signed bundle, so the district can always tell who sent
// it, and a lost USB stick reveals neither the content nor the sender.
import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const BUNDLE_FORMAT = 'yishi-bundle';
export const BUNDLE_EXTENSION = 'yishi-bundle';
export const DISTRICT_KEY_FORMAT = 'yishi-district-key';
const HKDF_INFO = 'yishi-bundle v1';

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

interface Signed {
  payload: string;
  publicKey: string;
  signature: string;
}

/** Sign the payload and, when a district key is given, seal the whole for it. Returns the file's bytes. */
export function packBundle(payload: Buffer, signer: Signer, recipient?: DistrictPublicKey | null): Buffer {
  const signed: Signed = {
    payload: payload.toString('base64'),
    publicKey: spki(signer.publicKey),
    signature: crypto.sign(null, payload, signer.privateKey).toString('base64'),
  };
  if (!recipient) return Buffer.from(JSON.stringify({ format: BUNDLE_FORMAT, version: 1, sealed: false, signed }));
  const districtPublic = fromSpki(recipient.publicKey);
  const eph = crypto.generateKeyPairSync('x25519');
  const header = { format: BUNDLE_FORMAT, version: 1, sealed: true, recipient: recipient.fingerprint, ephemeralKey: spki(eph.publicKey) };
  const key = sealingKey(crypto.diffieHellman({ privateKey: eph.privateKey, publicKey: districtPublic }), eph.publicKey, districtPublic);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(JSON.stringify(header)));
  // GCM is a stream cipher: update() gives every byte and final() none, so no copy joins them.
  const data = cipher.update(JSON.stringify(signed));
  cipher.final();
  return Buffer.from(JSON.stringify({ ...header, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') }));
}

/** HKDF over the X25519 secret; the salt binds both public keys, so the key belongs to this exchange and recipient only. */
function sealingKey(shared: Buffer, ephemeralPublic: KeyObject, districtPublic: KeyObject): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', shared, Buffer.concat([rawPublicKey(ephemeralPublic), rawPublicKey(districtPublic)]), HKDF_INFO, 32));
}

export interface OpenedBundle {
  /** The signed bytes (gzip of the body). */
  payload: Buffer;
  /** sha256 of the payload: the bundle's name, the same sealed or not. */
  hash: string;
  publicKey: string;
  fingerprint: string;
  sealed: boolean;
}

/** Decrypt (when sealed) and check the signature. Throws BundleError with the reason. */
export function openBundle(bytes: Buffer, district?: DistrictKey | null): OpenedBundle {
  let outer: Record<string, unknown>;
  try {
    outer = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new BundleError('not_bundle', '这不是议事台账的报送包文件，或文件已损坏（无法读取）。');
  }
  if (!outer || outer.format !== BUNDLE_FORMAT || outer.version !== 1) {
    throw new BundleError('not_bundle', '这不是议事台账的报送包文件，或是更新版本的应用制作的，无法读取。');
  }
  let signed: Signed;
  if (outer.sealed === true) {
    if (!district) throw new BundleError('wrong_key', '报送包已加密，需要本区的密钥才能打开。');
    if (outer.recipient !== district.fingerprint) {
      throw new BundleError('not_sealed_for_us', '报送包是为另一个区的密钥加密的，本区无法打开：请学校导入本区下发的公钥文件后重新制作。');
    }
    try {
      const header = { format: outer.format, version: outer.version, sealed: true, recipient: outer.recipient, ephemeralKey: outer.ephemeralKey };
      const eph = fromSpki(String(outer.ephemeralKey));
      const shared = crypto.diffieHellman({ privateKey: district.privateKey, publicKey: eph });
      const key = sealingKey(shared, eph, district.publicKey);
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(String(outer.iv), 'base64'));
      decipher.setAAD(Buffer.from(JSON.stringify(header)));
      decipher.setAuthTag(Buffer.from(String(outer.tag), 'base64'));
      const plain = decipher.update(Buffer.from(String(outer.data), 'base64'));
      decipher.final(); // checks the tag; GCM gives no bytes here
      signed = JSON.parse(plain.toString('utf8')) as Signed;
    } catch {
      throw new BundleError('damaged', '报送包无法解密：文件在传送途中被改动或损坏。请学校重新制作、重新拷贝。');
    }
  } else {
    signed = outer.signed as Signed;
  }
  if (!signed || typeof signed.payload !== 'string' || typeof signed.publicKey !== 'string' || typeof signed.signature !== 'string') {
    throw new BundleError('damaged', '报送包内容不完整，无法核验签名。');
  }
  let publicKey: KeyObject;
  try {
    publicKey = fromSpki(signed.publicKey);
    if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
  } catch {
    throw new BundleError('bad_signature', '报送包的签名密钥无法识别，不能确认是哪所学校制作的。');
  }
  const payload = Buffer.from(signed.payload, 'base64');
  if (!crypto.verify(null, payload, publicKey, Buffer.from(signed.signature, 'base64'))) {
    throw new BundleError('bad_signature', '报送包签名核验不通过：内容在学校签名之后被改动过。');
  }
  return {
    payload,
    hash: crypto.createHash('sha256').update(payload).digest('hex'),
    publicKey: signed.publicKey,
    fingerprint: fingerprintOf(publicKey),
    sealed: outer.sealed === true,
  };
}
