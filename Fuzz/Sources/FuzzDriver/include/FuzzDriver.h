/* libFuzzer's driver entry point (compiler-rt, linked by -sanitize=fuzzer). parcheck's harness calls it from its
 * own main, because SwiftPM links executables with main defined as <Module>_main and libFuzzer's main would
 * otherwise never run. */
#ifndef PARCHECK_FUZZ_DRIVER_H
#define PARCHECK_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

typedef int (*FuzzCallback)(const uint8_t *data, size_t size);

/** Parses libFuzzer flags from argc/argv and runs the fuzzing loop (or replays the given files) with `callback`. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, FuzzCallback callback);

#endif
