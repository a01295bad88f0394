/**
 * The TypeScript compiler API, taken from ts-morph's bundled copy so that the raw parser used for
 * detection and the ts-morph Project used for type queries are the same TypeScript. (The `typescript`
 * package on npm is now the native 7.x port without this API.) It is required on its own, not
 * through ts-morph: ts-morph's layers (4 MB more to load, ~0.2 s) are only for the type-check stage,
 * which loads them when a receiver needs it. Types: bundled-typescript.d.ts.
 */
import ts = require('@ts-morph/common/dist/typescript.js');

export { ts };
