import { add } from './math.js';
import { unused } from './math.js';
export function run(x) { return add(x, 2) * 3; }
console.log(run(4));
