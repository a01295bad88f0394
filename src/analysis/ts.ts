/**
 * The TypeScript compiler API, taken from ts-morph's bundled copy so that the raw parser used for
 * detection and the ts-morph Project used for type queries are the same TypeScript. (The `typescript`
 * package on npm is now the native 7.x port without this API.)
 */
import { ts } from 'ts-morph';

export { ts };
