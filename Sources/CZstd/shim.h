#ifndef C_ZSTD_SHIM_H
#define C_ZSTD_SHIM_H
// The experimental parameters SealedCookie needs (magicless frames, a stable output buffer,
// fastCover training) are behind the static-linking guards; Debian's and Homebrew's shared
// libzstd export them.
#define ZSTD_STATIC_LINKING_ONLY
#define ZDICT_STATIC_LINKING_ONLY
#include <zstd.h>
#include <zdict.h>

// Named constants for the experimental parameters, which zstd.h defines as macros over
// ZSTD_c_experimentalParamN / ZSTD_d_experimentalParamN that Swift cannot import.
static const ZSTD_cParameter czstd_c_format = ZSTD_c_format;
static const ZSTD_dParameter czstd_d_format = ZSTD_d_format;
static const ZSTD_dParameter czstd_d_stable_out_buffer = ZSTD_d_stableOutBuffer;
#endif
