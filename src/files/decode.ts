// Bytes to text: UTF-8 (a byte-order mark dropped), or UTF-16 when a byte-order mark says so; a file whose
// lines end in a lone CR (old Mac editors) has them read as line ends. A CR becomes an LF one for one, so
// every column stays where it was.

export function decodeText(bytes: Uint8Array): string {
  const text = new TextDecoder(encodingOf(bytes)).decode(bytes); // drops the byte-order mark
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

function encodingOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}
