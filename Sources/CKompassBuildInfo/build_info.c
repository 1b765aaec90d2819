#include "kompass_build_info.h"

#ifndef KOMPASS_COMMIT
#define KOMPASS_COMMIT "unknown"
#endif

const char *kompass_build_commit(void) {
    return KOMPASS_COMMIT;
}
