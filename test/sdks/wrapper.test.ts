import { fixturePairs } from '../helpers/fixture-suite.js';

fixturePairs('wrapper', 6);
