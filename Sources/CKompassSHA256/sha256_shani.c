// SHA-256 compression with the x86-64 SHA extensions (SHA-NI). Compiled for every x86-64 build
// through per-function target attributes (no global compiler flags); it runs only after CPUID
// said yes (see kompass_sha256_hardware_available).
#include "sha256_internal.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define KOMPASS_SHANI __attribute__((target("sha,sse4.1,ssse3")))

// Rounds 4q..4q+3 with the schedule vector `cur` (= W[4q..4q+3]).
// From q = 3 to 14 it completes the next vector `next` (msg2), and from q = 1 to 12 it starts the
// vector four ahead in `prev` (msg1); `prev` is read by msg2 before msg1 overwrites it.
#define QUAD(q, cur, prev, next)                                                              \
    do {                                                                                      \
        __m128i m_ = _mm_add_epi32(cur, _mm_load_si128((const __m128i *)&kompass_sha256_k[4 * (q)])); \
        s1 = _mm_sha256rnds2_epu32(s1, s0, m_);                                                \
        if ((q) >= 3 && (q) <= 14) {                                                          \
            next = _mm_add_epi32(next, _mm_alignr_epi8(cur, prev, 4));                        \
            next = _mm_sha256msg2_epu32(next, cur);                                           \
        }                                                                                     \
        m_ = _mm_shuffle_epi32(m_, 0x0E);                                                     \
        s0 = _mm_sha256rnds2_epu32(s0, s1, m_);                                                \
        if ((q) >= 1 && (q) <= 12) prev = _mm_sha256msg1_epu32(prev, cur);                   \
    } while (0)

KOMPASS_SHANI
void kompass_sha256_compress_shani(uint32_t state[8], const uint8_t *data, size_t blocks) {
    const __m128i byteswap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

    // The state as the instructions want it: s0 = ABEF, s1 = CDGH.
    __m128i t = _mm_loadu_si128((const __m128i *)&state[0]);     // DCBA
    __m128i s1 = _mm_loadu_si128((const __m128i *)&state[4]);    // HGFE
    t = _mm_shuffle_epi32(t, 0xB1);                               // CDAB
    s1 = _mm_shuffle_epi32(s1, 0x1B);                             // EFGH
    __m128i s0 = _mm_alignr_epi8(t, s1, 8);                       // ABEF
    s1 = _mm_blend_epi16(s1, t, 0xF0);                            // CDGH

    while (blocks--) {
        const __m128i abef = s0, cdgh = s1;
        __m128i w0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), byteswap);
        __m128i w1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), byteswap);
        __m128i w2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), byteswap);
        __m128i w3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), byteswap);

        QUAD(0, w0, w3, w1);
        QUAD(1, w1, w0, w2);
        QUAD(2, w2, w1, w3);
        QUAD(3, w3, w2, w0);
        QUAD(4, w0, w3, w1);
        QUAD(5, w1, w0, w2);
        QUAD(6, w2, w1, w3);
        QUAD(7, w3, w2, w0);
        QUAD(8, w0, w3, w1);
        QUAD(9, w1, w0, w2);
        QUAD(10, w2, w1, w3);
        QUAD(11, w3, w2, w0);
        QUAD(12, w0, w3, w1);
        QUAD(13, w1, w0, w2);
        QUAD(14, w2, w1, w3);
        QUAD(15, w3, w2, w0);

        s0 = _mm_add_epi32(s0, abef);
        s1 = _mm_add_epi32(s1, cdgh);
        data += 64;
    }

    // Back to A..H order.
    t = _mm_shuffle_epi32(s0, 0x1B);                              // FEBA
    s1 = _mm_shuffle_epi32(s1, 0xB1);                             // DCHG
    s0 = _mm_blend_epi16(t, s1, 0xF0);                            // DCBA
    s1 = _mm_alignr_epi8(s1, t, 8);                               // HGFE
    _mm_storeu_si128((__m128i *)&state[0], s0);
    _mm_storeu_si128((__m128i *)&state[4], s1);
}

#else
// Nothing to compile off x86-64 (an empty translation unit is not valid ISO C).
typedef int kompass_sha256_shani_unused;
#endif
