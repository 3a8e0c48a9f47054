// Calls into the WebAssembly core, guarded: a trap (a Rust panic surfaces as a
// WebAssembly.RuntimeError, "unreachable") leaves the module's memory in an unknown state, so the
// module is reset before the next call, and the user gets a message instead of a blank overlay.

export const TRAP_MESSAGE = 'Lucid hit an internal error on this page. Please try again.';

/** Run `call`; on a trap run `reset` and throw TRAP_MESSAGE; other errors carry the core's message. */
export function guardCore(call, reset) {
  try {
    return call();
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) {
      reset();
      throw new Error(TRAP_MESSAGE, { cause: error });
    }
    throw new Error(`Lucid can't read this page: ${error.message}.`, { cause: error });
  }
}
