// A page's UTF-8 bytes from the pieces it is joined from. A string holding any character past U+00FF
// (KaTeX's output does, so every report does) is encoded by V8 one character at a time: about 1 ms for a
// 76 KB report, more than building it. Encoded piece by piece, the pieces of plain text are copied fast,
// and the typeset ones, which recur from report to report across a class, are encoded once and kept.
const kept = new Map<string, Buffer>();
/** Shorter pieces are encoded each time (a lookup would cost about as much). */
const MIN_KEPT_LENGTH = 200;
/** Longer pieces are a submission's own (its files, long messages): they do not recur. */
const MAX_KEPT_LENGTH = 20_000;
/** Beyond this many kept pieces the store starts over (a bound on memory, not a tuning knob). */
const MAX_KEPT = 20_000;

export function utf8OfPieces(pieces: readonly string[]): Buffer {
  return Buffer.concat(pieces.map(bytesOf));
}

function bytesOf(piece: string): Buffer {
  if (piece.length < MIN_KEPT_LENGTH || piece.length > MAX_KEPT_LENGTH) return Buffer.from(piece, 'utf8');
  let bytes = kept.get(piece);
  if (!bytes) {
    if (kept.size >= MAX_KEPT) kept.clear();
    kept.set(piece, (bytes = Buffer.from(piece, 'utf8')));
  }
  return bytes;
}
