import { fixturePairs } from '../helpers/fixture-suite.js';

fixturePairs('azure', 8);
