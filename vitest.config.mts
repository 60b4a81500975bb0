import { defineConfig, type Plugin } from 'vitest/config';

/**
 * src/ loads a few modules lazily, by a `require` at the call (the LaTeX reader: a .cr check starts without
 * it). The tests run the TypeScript sources, where Node's `require` finds no relative module, so for them
 * each such `require('./x')` reads a namespace imported at the end of the file (imports are hoisted, and
 * no line moves): the import the source would have without the laziness.
 */
const relativeRequiresAsImports: Plugin = {
  name: 'relative-requires-as-imports',
  enforce: 'pre',
  transform(code, id) {
    if (!/\/src\/.*\.ts$/.test(id) || !/\brequire\('\.\.?\//.test(code)) return undefined;
    const imports: string[] = [];
    const body = code.replace(/\brequire\(('\.\.?\/[^']+')\)/g, (_, spec: string) => {
      imports.push(`import * as __required${imports.length} from ${spec};`);
      return `__required${imports.length - 1}`;
    });
    return { code: `${body}\n${imports.join('\n')}\n`, map: null };
  },
};

export default defineConfig({
  plugins: [relativeRequiresAsImports],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
