#ifndef KOMPASS_SHA256_INTERNAL_H
#define KOMPASS_SHA256_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/// The FIPS 180-4 round constants, 16-byte aligned so the SHA-NI code can load four at a time.
extern const uint32_t kompass_sha256_k[64] __attribute__((aligned(16)));

/// Compresses `blocks` consecutive 64-byte blocks of `data` into `state`.
void kompass_sha256_compress_portable(uint32_t state[8], const uint8_t *data, size_t blocks);

#if defined(__x86_64__)
/// The same with the SHA extensions; call only when `kompass_sha256_hardware_available()`.
void kompass_sha256_compress_shani(uint32_t state[8], const uint8_t *data, size_t blocks);
#endif

#endif
