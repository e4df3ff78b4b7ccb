#ifndef C_SODIUM_FLOOR_SHIM_H
#define C_SODIUM_FLOOR_SHIM_H
// libsodium for the benchmark floor (AEAD + base64 alone). A module of its own because the
// package's CSodium target is internal to SealedCookie.
#include <sodium.h>
#endif
