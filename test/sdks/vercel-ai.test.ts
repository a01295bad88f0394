import { fixturePairs } from '../helpers/fixture-suite.js';

fixturePairs('vercel-ai', 12);
