#ifndef KOMPASS_PACKET_PIPE_H
#define KOMPASS_PACKET_PIPE_H

/// A pipe in packet mode (pipe2 with O_DIRECT, Linux): each write is one packet, each read returns at most one.
/// Its buffer is raised to 1 MiB (256 packets). Returns 0, or -1 with errno set.
int kompass_fuzz_packet_pipe(int fds[2]);

#endif
