// A release build on Linux compiles this module against the toolchain's static runtime
// (`-static-stdlib`, Package.swift's `staticRuntime`). Importing Foundation then records,
// in this module's object, every library a statically linked Foundation needs
// (CoreFoundation, _FoundationICU, _FoundationCShims, _FoundationCollections,
// swiftSynchronization) — libraries the shared Foundation loads by itself and the other
// modules, compiled against it, therefore never name. `twinc` and `twinc-serve` link
// with `-static-stdlib` and import this module, so their link finds them all; nothing
// else depends on it, so the tests keep linking against the shared runtime.
//
// Kept as a module of its own rather than a flag on every module: a module compiled
// against the static runtime asks for static-only archives (CoreFoundation has no
// shared library), which a test bundle linked against the shared Foundation that XCTest
// and Swift Testing load cannot provide.
internal import Foundation

/// The executables import this module for its link libraries alone (Package.swift's
/// import check wants every declared dependency imported); there is nothing to call.
public enum StaticRuntime {}
