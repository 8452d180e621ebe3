#ifndef NIANBAO_CCRYPTO_SHIM_H
#define NIANBAO_CCRYPTO_SHIM_H
/* SHA-256 from OpenSSL's libcrypto (EVP interface). swift-crypto would cost ~140 s per clean build. */
#include <openssl/evp.h>
static inline const EVP_MD *ccrypto_sha256(void) { return EVP_sha256(); }
#endif
