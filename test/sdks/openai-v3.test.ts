import { fixturePairs } from '../helpers/fixture-suite.js';

fixturePairs('openai-v3', 10);
