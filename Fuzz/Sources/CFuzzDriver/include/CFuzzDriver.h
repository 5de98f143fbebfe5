// libFuzzer's driver (in the toolchain's libclang_rt.fuzzer, linked by -sanitize=fuzzer). Each fuzz
// target's main.swift calls it with its entry point: SwiftPM gives executable targets their own
// `main`, which would otherwise replace libFuzzer's.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
