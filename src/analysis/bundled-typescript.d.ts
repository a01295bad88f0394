// The compiler file inside @ts-morph/common has no declarations of its own; these are its types.
declare module '@ts-morph/common/dist/typescript.js' {
  import { ts } from '@ts-morph/common';
  export = ts;
}
