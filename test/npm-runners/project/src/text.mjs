// An ES module under test.
export function shout(s) {
  return `${s.toUpperCase()}!`;
}
export async function readBack(value) {
  await new Promise((resolve) => setImmediate(resolve));
  return value;
}
