#ifndef KOMPASS_SYSTEM_H
#define KOMPASS_SYSTEM_H

/// Exchanges two paths on the same file system in one atomic step (Linux renameat2 with
/// RENAME_EXCHANGE): a reader sees either the old or the new folder, never neither and never a mix.
/// Returns 0, or -1 with errno set (EINVAL where the file system cannot exchange).
int kompass_exchange_paths(const char *first, const char *second);

#endif
