//! Helpers shared by the harness binaries and tests.
