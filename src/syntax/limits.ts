// The size limits on any input text (each breach is a `limit-exceeded` diagnostic). A module of their
// own, so that code reading them (the web page's main thread) does not load the parser.
export const MAX_SOURCE_CHARS = 1_000_000;
export const MAX_SOURCE_LINES = 20_000;
