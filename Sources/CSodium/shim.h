#ifndef C_SODIUM_SHIM_H
#define C_SODIUM_SHIM_H
// The whole of libsodium; Swift wrappers in SealedCookie pick what they use.
#include <sodium.h>
#endif
