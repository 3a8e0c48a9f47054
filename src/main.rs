//! The `lucid` command line: `lucid extract`, `lucid eval`.
fn main() {}
