/**
 * Provider dialects (issue 15): the rules as data (rules.ts), checked at scan time on a call's
 * literal arguments (scan.ts) and on the wire for the emulator (wire.ts).
 */
export { DIALECT_RULES, dialectRule } from './rules.js';
export { requestViolations, emulatorRules, apiOfPath, type Violation, type EmulatorRule } from './wire.js';
export { rulesFor, ruleFires, conditionHolds, thinkingOn, lookup } from './match.js';
export { literalView, firedRules, dialectEdits, outputTokenRule, type ScanCall } from './scan.js';
export { UNKNOWN, type DialectRule, type DialectEvidence, type Condition, type Rewrite, type View, type DialectApi, type DialectFamily } from './types.js';
