import { fixturePairs } from '../helpers/fixture-suite.js';

fixturePairs('env', 6);
