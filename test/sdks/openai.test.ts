import { fixturePairs } from '../helpers/fixture-suite.js';

fixturePairs('openai', 40);
