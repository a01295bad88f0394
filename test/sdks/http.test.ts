import { fixturePairs } from '../helpers/fixture-suite.js';

fixturePairs('http', 10);
