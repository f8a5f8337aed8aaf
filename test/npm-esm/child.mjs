// Started by esm.mjs through execa and execaNode.
import { sendMessage } from 'execa';
const mode = process.argv[2];
console.log(`child ${mode} ipc=${typeof process.send}`);
if (mode === 'ipc') await sendMessage({ from: 'child', n: 1 });
