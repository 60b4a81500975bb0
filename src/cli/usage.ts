// A mistake in how chainrule was called: printed as `chainrule: MESSAGE`, exit code 2. Its own module so
// that main.ts can recognise it without loading any command.
export class UsageError extends Error {}
