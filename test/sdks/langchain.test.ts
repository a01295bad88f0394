import { fixturePairs } from '../helpers/fixture-suite.js';

fixturePairs('langchain', 16);
