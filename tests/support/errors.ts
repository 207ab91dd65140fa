import assert from "node:assert/strict";

/** The message of the error `run` throws, which must be a `type`: what an author is told. */
export function thrownMessage(run: () => unknown, type: abstract new (...args: never[]) => Error): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof type, `expected a ${type.name}, got ${String(error)}`);
    return error.message;
  }
  assert.fail(`expected a ${type.name}, nothing was thrown`);
}
