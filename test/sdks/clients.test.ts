/**
 * One plan per client (issue 11): fixture projects for each defect seen on public apps and each
 * decision (move, keep, split, routed, configurable). The rewrite is a fixture pair like every
 * module's; the coherence of the whole project after apply is tested in test/coherence.test.ts.
 */
import { fixturePairs } from '../helpers/fixture-suite.js';

fixturePairs('clients', 7);
