// libFuzzer's driver, which main.swift calls (libFuzzer's own main is not used: SwiftPM gives the executable its
// main). See https://llvm.org/docs/LibFuzzer.html#using-libfuzzer-as-a-library
#ifndef KOMPASS_LIBFUZZER_DRIVER_H
#define KOMPASS_LIBFUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

typedef int (*kompass_fuzz_callback)(const uint8_t *data, size_t size);

int LLVMFuzzerRunDriver(int *argc, char ***argv, kompass_fuzz_callback callback);

#endif
