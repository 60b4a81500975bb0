// The page's document in its URL hash, so that a link reproduces the page: `#FORMAT:DATA`, where DATA is
// the text as UTF-8, deflated (raw DEFLATE, CompressionStream) and written in base64url. Decoding is
// given untrusted links: anything malformed, or larger than the input limit once inflated, is refused.
import { MAX_SOURCE_CHARS } from '../limits/index';
import type { SourceFormat } from './protocol';

export interface SharedDocument {
  format: SourceFormat;
  text: string;
}

export async function encodeShared(doc: SharedDocument): Promise<string> {
  const deflated = await pipe(new TextEncoder().encode(doc.text), new CompressionStream('deflate-raw'), Infinity);
  return `${doc.format}:${toBase64Url(deflated)}`;
}

/** The document a hash holds (with or without its `#`), or undefined when it holds none or a broken one. */
export async function decodeShared(hash: string): Promise<SharedDocument | undefined> {
  const m = /^#?(cr|md|tex):([A-Za-z0-9_-]*)$/.exec(hash);
  if (!m) return undefined;
  const bytes = fromBase64Url(m[2]);
  if (!bytes) return undefined;
  try {
    // Bytes of UTF-8 are at most 4 per character: this bounds a deflate bomb.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(bytes, new DecompressionStream('deflate-raw'), 4 * MAX_SOURCE_CHARS));
    return { format: m[1] as SourceFormat, text };
  } catch {
    return undefined;
  }
}

/** The bytes through a (de)compression stream, failing once more than `limit` bytes come out. */
async function pipe(input: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const writer = stream.writable.getWriter();
  void writer.write(input).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const ch of text) {
    value = (value << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 255;
    }
  }
  return out;
}
