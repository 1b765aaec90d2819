#ifndef KOMPASS_SHA256_H
#define KOMPASS_SHA256_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256 (FIPS 180-4), incremental. The x86-64 SHA extensions (SHA-NI) when the CPU has them,
/// chosen at run time with CPUID; a portable C implementation everywhere else.
///
/// The context is a plain value: copying it copies the hash state (Swift stores it inline).

/// Implementations for `kompass_sha256_init_with`.
enum {
    KOMPASS_SHA256_AUTOMATIC = 0,
    KOMPASS_SHA256_PORTABLE = 1,
    KOMPASS_SHA256_SHA_NI = 2,
};

typedef struct kompass_sha256_ctx {
    uint32_t state[8];
    uint8_t buffer[64];
    /// Bytes in `buffer` (0..63).
    uint32_t buffered;
    /// The implementation this context runs (KOMPASS_SHA256_PORTABLE or KOMPASS_SHA256_SHA_NI).
    int32_t implementation;
    /// Bytes fed so far.
    uint64_t total;
} kompass_sha256_ctx;

/// Starts a hash with the fastest implementation this CPU has.
void kompass_sha256_init(kompass_sha256_ctx *_Nonnull ctx);

/// Starts a hash with the given implementation (0 automatic, 1 portable, 2 SHA-NI).
/// Returns 0; or -1 when the implementation is unknown or this CPU lacks it (the context then
/// runs the portable implementation).
int kompass_sha256_init_with(kompass_sha256_ctx *_Nonnull ctx, int implementation);

/// Feeds `length` bytes; whole 64-byte blocks are compressed straight from `data`.
/// `data` may be NULL when `length` is 0.
void kompass_sha256_update(kompass_sha256_ctx *_Nonnull ctx, const void *_Nullable data, size_t length);

/// Pads, writes the 32-byte digest to `out` and leaves `ctx` finished (init it again to reuse it;
/// copy it first to keep feeding the same message).
void kompass_sha256_final(kompass_sha256_ctx *_Nonnull ctx, uint8_t out[_Nonnull 32]);

/// 1 when this CPU (and build) can run the SHA-NI implementation, else 0.
int kompass_sha256_hardware_available(void);

/// The implementation `kompass_sha256_init` chooses on this CPU (1 portable or 2 SHA-NI).
int kompass_sha256_automatic_implementation(void);

/// "portable", "sha-ni", or "unknown".
const char *_Nonnull kompass_sha256_implementation_name(int implementation);

#endif
