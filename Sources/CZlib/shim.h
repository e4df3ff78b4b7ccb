#ifndef C_ZLIB_SHIM_H
#define C_ZLIB_SHIM_H
#include <zlib.h>

// deflateInit2 and inflateInit2 are macros in zlib.h, which Swift cannot import;
// these inline functions expose them with the version check zlib expects.
static inline int czlib_deflate_init_raw(z_streamp stream, int level, int memLevel) {
    return deflateInit2(stream, level, Z_DEFLATED, -15, memLevel, Z_DEFAULT_STRATEGY);
}

static inline int czlib_inflate_init_raw(z_streamp stream) {
    return inflateInit2(stream, -15);
}
#endif
