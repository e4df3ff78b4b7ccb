#ifndef C_ZLIB_SHIM_H
#define C_ZLIB_SHIM_H
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

// The blocks zlib allocated for one stream, with their sizes, so that they can be wiped: zlib
// keeps its window and buffers between calls and frees them without clearing them, and a
// pooled stream would otherwise hold the last session's plaintext indefinitely.
enum { CZLIB_MAX_BLOCKS = 16 };  // zlib uses 5 for deflate and 2 for inflate.
typedef struct {
    void *blocks[CZLIB_MAX_BLOCKS];
    size_t sizes[CZLIB_MAX_BLOCKS];
} czlib_blocks;

// Zeroes through a volatile pointer: a plain memset just before free may be optimised away.
static inline void czlib_zero_before_free(void *block, size_t size) {
    volatile unsigned char *bytes = (volatile unsigned char *)block;
    while (size-- > 0) *bytes++ = 0;
}

static inline voidpf czlib_alloc(voidpf opaque, uInt items, uInt size) {
    czlib_blocks *tracked = (czlib_blocks *)opaque;
    for (int i = 0; i < CZLIB_MAX_BLOCKS; i++) {
        if (tracked->blocks[i] == NULL) {
            void *block = calloc(items, size);
            if (block != NULL) {
                tracked->blocks[i] = block;
                tracked->sizes[i] = (size_t)items * size;
            }
            return block;
        }
    }
    return Z_NULL;  // More blocks than any zlib uses: refuse rather than lose track of one.
}

static inline void czlib_free(voidpf opaque, voidpf address) {
    czlib_blocks *tracked = (czlib_blocks *)opaque;
    for (int i = 0; i < CZLIB_MAX_BLOCKS; i++) {
        if (tracked->blocks[i] == address) {
            czlib_zero_before_free(address, tracked->sizes[i]);
            tracked->blocks[i] = NULL;
            tracked->sizes[i] = 0;
            break;
        }
    }
    free(address);
}

// Zeroes the first `prefix` bytes of every block (the whole of a smaller one) but the stream's
// own state (`stream->state`, which must survive for the next call). The blocks stay in use,
// so the stores cannot be optimised away.
static inline void czlib_wipe(const czlib_blocks *tracked, z_const z_stream *stream, size_t prefix) {
    for (int i = 0; i < CZLIB_MAX_BLOCKS; i++) {
        if (tracked->blocks[i] != NULL && tracked->blocks[i] != (void *)stream->state) {
            memset(tracked->blocks[i], 0, tracked->sizes[i] < prefix ? tracked->sizes[i] : prefix);
        }
    }
}

// deflateInit2 and inflateInit2 are macros in zlib.h, which Swift cannot import;
// these inline functions expose them with the version check zlib expects, allocating through
// `blocks`.
static inline int czlib_deflate_init_raw(z_streamp stream, int level, int memLevel, czlib_blocks *blocks) {
    stream->zalloc = czlib_alloc;
    stream->zfree = czlib_free;
    stream->opaque = blocks;
    return deflateInit2(stream, level, Z_DEFLATED, -15, memLevel, Z_DEFAULT_STRATEGY);
}

static inline int czlib_inflate_init_raw(z_streamp stream, czlib_blocks *blocks) {
    stream->zalloc = czlib_alloc;
    stream->zfree = czlib_free;
    stream->opaque = blocks;
    return inflateInit2(stream, -15);
}
#endif
