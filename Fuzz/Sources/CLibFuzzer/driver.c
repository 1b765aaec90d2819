// libfuzzer_driver.h declares libFuzzer's driver (nothing to compile); the packet pipe needs the GNU names of
// <fcntl.h> and <unistd.h>, which Swift's Glibc module does not export.
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include "libfuzzer_driver.h"
#include "packet_pipe.h"

int kompass_fuzz_packet_pipe(int fds[2]) {
    if (pipe2(fds, O_DIRECT | O_CLOEXEC) != 0) return -1;
    (void)fcntl(fds[1], F_SETPIPE_SZ, 1 << 20);
    return 0;
}
