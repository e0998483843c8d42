#ifndef TWINC_CFIXEDPOINT_H
#define TWINC_CFIXEDPOINT_H

#include <stddef.h>

/// Writes `value` with `decimals` digits after the point into `buffer` (at most `size`
/// bytes, the terminating NUL included), exactly as C's `%.*f` does: the exact binary
/// value, rounded half to even, no locale beyond the "C" one a Swift program starts in.
/// Returns what snprintf returns (the length the whole text needs).
///
/// Why C: Swift can only reach `%.*f` through `withVaList`, which casts every argument
/// to `CVarArg` at run time (a dynamic cast per argument, about 10,000 instructions a
/// number); design.md formats hundreds of numbers per compile.
int twinc_fixed_point(char *buffer, size_t size, int decimals, double value);

#endif
