#ifndef KOMPASS_BUILD_INFO_H
#define KOMPASS_BUILD_INFO_H

/// The commit kompass was built from: the macro KOMPASS_COMMIT given at build time
/// (`swift build -c release -Xcc -DKOMPASS_COMMIT='"1a2b3c4"'`), else "unknown".
const char *kompass_build_commit(void);

#endif
