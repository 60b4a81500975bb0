// The document in the URL hash (src/web/share.ts): what a link holds comes back exactly, and a broken or
// hostile link is refused rather than loaded.
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { decodeShared, encodeShared } from '../../src/web/share';
import { MAX_SOURCE_CHARS } from '../../src/limits/index';

describe('shared links', () => {
  it('give back the text and format they hold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom('cr', 'md', 'tex'), async (text, format) => {
        const hash = await encodeShared({ format, text });
        expect(hash).toMatch(/^(cr|md|tex):[A-Za-z0-9_-]*$/);
        expect(await decodeShared(`#${hash}`)).toEqual({ format, text });
      }),
      { numRuns: 200 },
    );
  });

  it('are short for a derivation', async () => {
    const text = 'X : 1 x M\nW : M x 1\nh = X W\na = sigma(h)\n'.repeat(20);
    expect((await encodeShared({ format: 'cr', text })).length).toBeLessThan(text.length / 5);
  });

  it('refuse what is not a link of theirs', async () => {
    expect(await decodeShared('')).toBeUndefined();
    expect(await decodeShared('#py:AAAA')).toBeUndefined(); // not a format of the page
    expect(await decodeShared('#cr:a+b/')).toBeUndefined(); // not base64url
    expect(await decodeShared('#cr:A')).toBeUndefined(); // not a whole byte
    expect(await decodeShared('#cr:AAAAAAAA')).toBeUndefined(); // not DEFLATE
  });

  it('refuse text that is not UTF-8 and text beyond the input limit (a deflate bomb)', async () => {
    const latin1 = await deflated(new Uint8Array([0x63, 0x61, 0x66, 0xe9])); // "café" in Latin-1
    expect(await decodeShared(`#cr:${latin1}`)).toBeUndefined();
    const bomb = await encodeShared({ format: 'cr', text: 'a'.repeat(4 * MAX_SOURCE_CHARS + 1) });
    expect(bomb.length).toBeLessThan(10_000);
    expect(await decodeShared(bomb)).toBeUndefined();
  });
});

/** Raw bytes deflated and written as the page writes them. */
async function deflated(bytes: Uint8Array): Promise<string> {
  const out = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
  return Buffer.from(out).toString('base64url');
}
