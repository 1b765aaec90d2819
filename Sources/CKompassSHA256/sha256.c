// SHA-256 (FIPS 180-4): the portable compression, the buffering and padding, and the choice of
// implementation at run time.
#include <string.h>
#include "kompass_sha256.h"
#include "sha256_internal.h"

#if defined(__x86_64__)
#include <cpuid.h>
#endif

const uint32_t kompass_sha256_k[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static const uint32_t initial_state[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

// ---------------------------------------------------------------------------------------------
// Portable compression

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
#define BSIG0(x) (ROTR(x, 2) ^ ROTR(x, 13) ^ ROTR(x, 22))
#define BSIG1(x) (ROTR(x, 6) ^ ROTR(x, 11) ^ ROTR(x, 25))
#define SSIG0(x) (ROTR(x, 7) ^ ROTR(x, 18) ^ ((x) >> 3))
#define SSIG1(x) (ROTR(x, 17) ^ ROTR(x, 19) ^ ((x) >> 10))
#define CH(x, y, z) (((x) & ((y) ^ (z))) ^ (z))
#define MAJ(x, y, z) (((x) & (y)) | ((z) & ((x) | (y))))

static inline uint32_t load_be32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static inline void store_be32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

// One round; the eight working variables rotate by renaming instead of by moving.
#define ROUND(a, b, c, d, e, f, g, h, i, w)                                   \
    do {                                                                      \
        uint32_t t1_ = (h) + BSIG1(e) + CH(e, f, g) + kompass_sha256_k[i] + (w); \
        (d) += t1_;                                                           \
        (h) = t1_ + BSIG0(a) + MAJ(a, b, c);                                  \
    } while (0)

// The schedule word for round i (i >= 16) in a 16-word ring.
#define SCHEDULE(W, i) \
    (W[(i) & 15] += SSIG1(W[((i) - 2) & 15]) + W[((i) - 7) & 15] + SSIG0(W[((i) - 15) & 15]))

void kompass_sha256_compress_portable(uint32_t state[8], const uint8_t *data, size_t blocks) {
    uint32_t W[16];
    while (blocks--) {
        uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
        uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
        for (int i = 0; i < 16; i += 8) {
            ROUND(a, b, c, d, e, f, g, h, i + 0, W[i + 0] = load_be32(data + 4 * (i + 0)));
            ROUND(h, a, b, c, d, e, f, g, i + 1, W[i + 1] = load_be32(data + 4 * (i + 1)));
            ROUND(g, h, a, b, c, d, e, f, i + 2, W[i + 2] = load_be32(data + 4 * (i + 2)));
            ROUND(f, g, h, a, b, c, d, e, i + 3, W[i + 3] = load_be32(data + 4 * (i + 3)));
            ROUND(e, f, g, h, a, b, c, d, i + 4, W[i + 4] = load_be32(data + 4 * (i + 4)));
            ROUND(d, e, f, g, h, a, b, c, i + 5, W[i + 5] = load_be32(data + 4 * (i + 5)));
            ROUND(c, d, e, f, g, h, a, b, i + 6, W[i + 6] = load_be32(data + 4 * (i + 6)));
            ROUND(b, c, d, e, f, g, h, a, i + 7, W[i + 7] = load_be32(data + 4 * (i + 7)));
        }
        for (int i = 16; i < 64; i += 8) {
            ROUND(a, b, c, d, e, f, g, h, i + 0, SCHEDULE(W, i + 0));
            ROUND(h, a, b, c, d, e, f, g, i + 1, SCHEDULE(W, i + 1));
            ROUND(g, h, a, b, c, d, e, f, i + 2, SCHEDULE(W, i + 2));
            ROUND(f, g, h, a, b, c, d, e, i + 3, SCHEDULE(W, i + 3));
            ROUND(e, f, g, h, a, b, c, d, i + 4, SCHEDULE(W, i + 4));
            ROUND(d, e, f, g, h, a, b, c, i + 5, SCHEDULE(W, i + 5));
            ROUND(c, d, e, f, g, h, a, b, i + 6, SCHEDULE(W, i + 6));
            ROUND(b, c, d, e, f, g, h, a, i + 7, SCHEDULE(W, i + 7));
        }
        state[0] += a; state[1] += b; state[2] += c; state[3] += d;
        state[4] += e; state[5] += f; state[6] += g; state[7] += h;
        data += 64;
    }
}

// ---------------------------------------------------------------------------------------------
// Choosing the implementation

#if defined(__x86_64__)
static int detect_sha_ni(void) {
    unsigned int eax, ebx, ecx, edx;
    // Leaf 1, ECX: bit 19 SSE4.1, bit 9 SSSE3.
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    if (!(ecx & (1u << 19)) || !(ecx & (1u << 9))) return 0;
    // Leaf 7, subleaf 0, EBX: bit 29 SHA (returns 0 when the CPU has no leaf 7).
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    return (ebx & (1u << 29)) ? 1 : 0;
}
#endif

int kompass_sha256_hardware_available(void) {
#if defined(__x86_64__)
    // -1 unknown, else 0 or 1; racing first callers compute the same answer.
    static int cached = -1;
    int value = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (value < 0) {
        value = detect_sha_ni();
        __atomic_store_n(&cached, value, __ATOMIC_RELAXED);
    }
    return value;
#else
    return 0;
#endif
}

int kompass_sha256_automatic_implementation(void) {
    return kompass_sha256_hardware_available() ? KOMPASS_SHA256_SHA_NI : KOMPASS_SHA256_PORTABLE;
}

const char *kompass_sha256_implementation_name(int implementation) {
    switch (implementation) {
    case KOMPASS_SHA256_PORTABLE: return "portable";
    case KOMPASS_SHA256_SHA_NI: return "sha-ni";
    default: return "unknown";
    }
}

static inline void compress(kompass_sha256_ctx *ctx, const uint8_t *data, size_t blocks) {
#if defined(__x86_64__)
    if (ctx->implementation == KOMPASS_SHA256_SHA_NI) {
        kompass_sha256_compress_shani(ctx->state, data, blocks);
        return;
    }
#endif
    kompass_sha256_compress_portable(ctx->state, data, blocks);
}

// ---------------------------------------------------------------------------------------------
// Buffering and padding

int kompass_sha256_init_with(kompass_sha256_ctx *ctx, int implementation) {
    memcpy(ctx->state, initial_state, sizeof initial_state);
    memset(ctx->buffer, 0, sizeof ctx->buffer);
    ctx->buffered = 0;
    ctx->total = 0;
    switch (implementation) {
    case KOMPASS_SHA256_AUTOMATIC:
        ctx->implementation = kompass_sha256_automatic_implementation();
        return 0;
    case KOMPASS_SHA256_PORTABLE:
        ctx->implementation = KOMPASS_SHA256_PORTABLE;
        return 0;
    case KOMPASS_SHA256_SHA_NI:
        if (kompass_sha256_hardware_available()) {
            ctx->implementation = KOMPASS_SHA256_SHA_NI;
            return 0;
        }
        ctx->implementation = KOMPASS_SHA256_PORTABLE;
        return -1;
    default:
        ctx->implementation = KOMPASS_SHA256_PORTABLE;
        return -1;
    }
}

void kompass_sha256_init(kompass_sha256_ctx *ctx) {
    (void)kompass_sha256_init_with(ctx, KOMPASS_SHA256_AUTOMATIC);
}

void kompass_sha256_update(kompass_sha256_ctx *ctx, const void *data, size_t length) {
    if (length == 0) return;
    const uint8_t *p = (const uint8_t *)data;
    ctx->total += (uint64_t)length;
    if (ctx->buffered > 0) {
        size_t take = 64 - ctx->buffered;
        if (take > length) take = length;
        memcpy(ctx->buffer + ctx->buffered, p, take);
        ctx->buffered += (uint32_t)take;
        p += take;
        length -= take;
        if (ctx->buffered < 64) return;
        compress(ctx, ctx->buffer, 1);
        ctx->buffered = 0;
    }
    size_t blocks = length / 64;
    if (blocks > 0) {
        // Whole blocks straight from the caller's memory.
        compress(ctx, p, blocks);
        p += blocks * 64;
        length -= blocks * 64;
    }
    if (length > 0) {
        memcpy(ctx->buffer, p, length);
        ctx->buffered = (uint32_t)length;
    }
}

void kompass_sha256_final(kompass_sha256_ctx *ctx, uint8_t out[32]) {
    uint64_t bits = ctx->total * 8;
    uint32_t n = ctx->buffered;
    ctx->buffer[n++] = 0x80;
    if (n > 56) {
        memset(ctx->buffer + n, 0, 64 - n);
        compress(ctx, ctx->buffer, 1);
        n = 0;
    }
    memset(ctx->buffer + n, 0, 56 - n);
    store_be32(ctx->buffer + 56, (uint32_t)(bits >> 32));
    store_be32(ctx->buffer + 60, (uint32_t)bits);
    compress(ctx, ctx->buffer, 1);
    for (int i = 0; i < 8; i++) store_be32(out + 4 * i, ctx->state[i]);
    ctx->buffered = 0;
}
