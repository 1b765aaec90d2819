/*
 * faultshim: an LD_PRELOAD library that lists, and makes fail, the calls a kompass run makes to change files.
 *
 * Built by Tests/Conformance/test_fault_injection.py into a temporary folder:
 *     cc -shared -fPIC -O2 -o faultshim.so faultshim.c -ldl -lpthread
 * and used as LD_PRELOAD=faultshim.so kompass run ...
 *
 * Only calls on paths under KOMPASS_FAULT_ROOT count (a folder, given as an absolute path without symbolic
 * links); descriptors are resolved to paths through /proc/self/fd. Opens count only when they can change the
 * file (O_WRONLY, O_RDWR, O_CREAT, O_TRUNC); close only for descriptors open for writing; reads never count.
 *
 * Environment:
 *   KOMPASS_FAULT_ROOT=DIR        the folder whose calls count (required; without it the shim only passes calls on)
 *   KOMPASS_FAULT_COUNT=FILE      appends one line per counted call: "<n>\t<op>\t<path>\t<result>"; <n> counts
 *                                 the calls that KOMPASS_FAULT_ON selects (all, without it), 0 for the others;
 *                                 the injected failure's line ends in "\tFAIL <errno name>"
 *   KOMPASS_FAULT_FAIL=N:ERRNO    the N-th selected call (1-based) fails with ERRNO (ENOSPC, EIO, EACCES, or a
 *                                 number), once: it is not carried out (close is: a failed close still
 *                                 releases the descriptor, as Linux does)
 *   KOMPASS_FAULT_ON=OP PATH      only calls of OP on PATH are selected (N counts among them): a step named by
 *                                 its operation and path stays the same step when threads reorder other calls
 * In every path written or matched, the root is shown as "$ROOT" and "-<this process's pid>" as "-PID", so that
 * the steps of two runs can be compared.
 *
 * Operations (the name in the list, and the functions behind it):
 *   open (open, open64, openat, openat64, creat, creat64), write (write, writev), pwrite (pwrite, pwrite64,
 *   pwritev), fsync, fdatasync, ftruncate (ftruncate, ftruncate64, truncate), close, rename (rename, renameat;
 *   the path is the target, "<source> -> <target>" in the list), exchange (renameat2 with RENAME_EXCHANGE),
 *   renameat2 (other flags), link (link, linkat), unlink (unlink, unlinkat without AT_REMOVEDIR), rmdir (rmdir,
 *   unlinkat with AT_REMOVEDIR), mkdir (mkdir, mkdirat).
 * A rename, exchange or link is selected when either of its paths is under the root; KOMPASS_FAULT_ON matches
 * its target (the second path).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

typedef int (*open_fn)(const char *, int, ...);
typedef int (*openat_fn)(int, const char *, int, ...);
typedef int (*creat_fn)(const char *, mode_t);
typedef ssize_t (*write_fn)(int, const void *, size_t);
typedef ssize_t (*writev_fn)(int, const struct iovec *, int);
typedef ssize_t (*pwrite_fn)(int, const void *, size_t, off_t);
typedef ssize_t (*pwritev_fn)(int, const struct iovec *, int, off_t);
typedef int (*fd_fn)(int);
typedef int (*ftruncate_fn)(int, off_t);
typedef int (*truncate_fn)(const char *, off_t);
typedef int (*rename_fn)(const char *, const char *);
typedef int (*renameat_fn)(int, const char *, int, const char *);
typedef int (*renameat2_fn)(int, const char *, int, const char *, unsigned int);
typedef int (*linkat_fn)(int, const char *, int, const char *, int);
typedef int (*path_fn)(const char *);
typedef int (*unlinkat_fn)(int, const char *, int);
typedef int (*mkdir_fn)(const char *, mode_t);
typedef int (*mkdirat_fn)(int, const char *, mode_t);

static struct {
    open_fn open, open64;
    openat_fn openat, openat64;
    creat_fn creat, creat64;
    write_fn write;
    writev_fn writev;
    pwrite_fn pwrite, pwrite64;
    pwritev_fn pwritev;
    fd_fn fsync, fdatasync, close;
    ftruncate_fn ftruncate, ftruncate64;
    truncate_fn truncate;
    rename_fn rename, link;
    renameat_fn renameat;
    renameat2_fn renameat2;
    linkat_fn linkat;
    path_fn unlink, rmdir;
    unlinkat_fn unlinkat;
    mkdir_fn mkdir;
    mkdirat_fn mkdirat;
} real;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char root[PATH_MAX];
static size_t root_length;
static int count_fd = -1;
static long fail_at;          /* 0: no failure */
static int fail_errno;
static char on_op[32];
static char on_path[PATH_MAX];
static int has_on;
static long selected;         /* calls selected so far (atomic) */
static int failed;            /* the failure was injected (atomic) */
static char pid_text[32];

static void *next(const char *name) { return dlsym(RTLD_NEXT, name); }

static int errno_named(const char *name) {
    if (strcmp(name, "ENOSPC") == 0) return ENOSPC;
    if (strcmp(name, "EIO") == 0) return EIO;
    if (strcmp(name, "EACCES") == 0) return EACCES;
    if (strcmp(name, "EDQUOT") == 0) return EDQUOT;
    if (strcmp(name, "EROFS") == 0) return EROFS;
    if (strcmp(name, "EPERM") == 0) return EPERM;
    return atoi(name);
}

static const char *errno_name(int code) {
    switch (code) {
    case ENOSPC: return "ENOSPC";
    case EIO: return "EIO";
    case EACCES: return "EACCES";
    case EDQUOT: return "EDQUOT";
    case EROFS: return "EROFS";
    case EPERM: return "EPERM";
    default: return "E?";
    }
}

static void initialise(void) {
    real.open = (open_fn)next("open");
    real.open64 = (open_fn)next("open64");
    real.openat = (openat_fn)next("openat");
    real.openat64 = (openat_fn)next("openat64");
    real.creat = (creat_fn)next("creat");
    real.creat64 = (creat_fn)next("creat64");
    real.write = (write_fn)next("write");
    real.writev = (writev_fn)next("writev");
    real.pwrite = (pwrite_fn)next("pwrite");
    real.pwrite64 = (pwrite_fn)next("pwrite64");
    real.pwritev = (pwritev_fn)next("pwritev");
    real.fsync = (fd_fn)next("fsync");
    real.fdatasync = (fd_fn)next("fdatasync");
    real.close = (fd_fn)next("close");
    real.ftruncate = (ftruncate_fn)next("ftruncate");
    real.ftruncate64 = (ftruncate_fn)next("ftruncate64");
    real.truncate = (truncate_fn)next("truncate");
    real.rename = (rename_fn)next("rename");
    real.link = (rename_fn)next("link");
    real.renameat = (renameat_fn)next("renameat");
    real.renameat2 = (renameat2_fn)next("renameat2");
    real.linkat = (linkat_fn)next("linkat");
    real.unlink = (path_fn)next("unlink");
    real.rmdir = (path_fn)next("rmdir");
    real.unlinkat = (unlinkat_fn)next("unlinkat");
    real.mkdir = (mkdir_fn)next("mkdir");
    real.mkdirat = (mkdirat_fn)next("mkdirat");

    snprintf(pid_text, sizeof pid_text, "-%ld", (long)getpid());
    const char *value = getenv("KOMPASS_FAULT_ROOT");
    if (value && *value && strlen(value) < sizeof root) {
        strcpy(root, value);
        root_length = strlen(root);
        while (root_length > 1 && root[root_length - 1] == '/') root[--root_length] = 0;
    }
    value = getenv("KOMPASS_FAULT_COUNT");
    if (value && *value) count_fd = real.open(value, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    value = getenv("KOMPASS_FAULT_FAIL");
    if (value && *value) {
        const char *colon = strchr(value, ':');
        fail_at = atol(value);
        fail_errno = colon ? errno_named(colon + 1) : EIO;
        if (fail_errno <= 0) fail_errno = EIO;
    }
    value = getenv("KOMPASS_FAULT_ON");
    if (value && *value) {
        const char *space = strchr(value, ' ');
        if (space && (size_t)(space - value) < sizeof on_op && strlen(space + 1) < sizeof on_path) {
            memcpy(on_op, value, (size_t)(space - value));
            on_op[space - value] = 0;
            strcpy(on_path, space + 1);
            has_on = 1;
        }
    }
}

static void ensure(void) { pthread_once(&once, initialise); }

/* `path` made absolute (relative to `dirfd`) and lexically normal ("//", "/./", "/../" resolved). */
static void absolute(int dirfd, const char *path, char *out, size_t size) {
    char joined[PATH_MAX * 2];
    out[0] = 0;
    if (!path) return;
    if (path[0] == '/') {
        snprintf(joined, sizeof joined, "%s", path);
    } else {
        char base[PATH_MAX];
        if (dirfd == AT_FDCWD) {
            if (!getcwd(base, sizeof base)) return;
        } else {
            char link_path[64];
            snprintf(link_path, sizeof link_path, "/proc/self/fd/%d", dirfd);
            ssize_t length = readlink(link_path, base, sizeof base - 1);
            if (length < 0) return;
            base[length] = 0;
        }
        snprintf(joined, sizeof joined, "%s/%s", base, path);
    }
    /* Normalise into out. */
    size_t length = 0;
    const char *cursor = joined;
    while (*cursor) {
        while (*cursor == '/') cursor++;
        if (!*cursor) break;
        const char *end = strchr(cursor, '/');
        size_t part = end ? (size_t)(end - cursor) : strlen(cursor);
        if (part == 1 && cursor[0] == '.') {
        } else if (part == 2 && cursor[0] == '.' && cursor[1] == '.') {
            while (length > 0 && out[length - 1] != '/') length--;
            if (length > 0) length--;
        } else if (length + 1 + part < size) {
            out[length++] = '/';
            memcpy(out + length, cursor, part);
            length += part;
        }
        cursor += part;
    }
    if (length == 0) out[length++] = '/';
    out[length] = 0;
}

static void fd_path(int fd, char *out, size_t size) {
    char link_path[64];
    snprintf(link_path, sizeof link_path, "/proc/self/fd/%d", fd);
    ssize_t length = readlink(link_path, out, size - 1);
    out[length < 0 ? 0 : length] = 0;
}

static int under_root(const char *path) {
    return root_length > 0 && strncmp(path, root, root_length) == 0
        && (path[root_length] == '/' || path[root_length] == 0);
}

/* The path as listed: "$ROOT" for the root, "-PID" for this process's pid. */
static void shown(const char *path, char *out, size_t size) {
    char temporary[PATH_MAX + 16];
    if (under_root(path)) snprintf(temporary, sizeof temporary, "$ROOT%s", path + root_length);
    else snprintf(temporary, sizeof temporary, "%s", path);
    size_t pid_length = strlen(pid_text), length = 0;
    for (const char *cursor = temporary; *cursor && length + 5 < size;) {
        if (strncmp(cursor, pid_text, pid_length) == 0 && (cursor[pid_length] == '/' || cursor[pid_length] == 0
                                                          || cursor[pid_length] == '.')) {
            memcpy(out + length, "-PID", 4);
            length += 4;
            cursor += pid_length;
        } else {
            out[length++] = *cursor++;
        }
    }
    out[length] = 0;
}

/* A call is about to be made on `path` (and `second`, for rename, exchange and link): returns the errno to fail
 * it with, or 0 to carry it out. `*number` receives its number among the selected calls (0: not selected). */
static int decide(const char *op, const char *path, const char *second, long *number) {
    ensure();
    *number = -1;
    if (root_length == 0) return 0;
    if (!under_root(path) && !(second && under_root(second))) return 0;
    char first_shown[PATH_MAX + 16], second_shown[PATH_MAX + 16];
    shown(path, first_shown, sizeof first_shown);
    if (second) shown(second, second_shown, sizeof second_shown);
    const char *target = second ? second_shown : first_shown;
    int selected_call = !has_on || (strcmp(op, on_op) == 0 && strcmp(target, on_path) == 0);
    *number = selected_call ? __atomic_add_fetch(&selected, 1, __ATOMIC_SEQ_CST) : 0;
    int code = 0;
    if (selected_call && fail_at > 0 && *number == fail_at && !__atomic_exchange_n(&failed, 1, __ATOMIC_SEQ_CST)) {
        code = fail_errno;
    }
    if (count_fd >= 0) {
        char line[3 * PATH_MAX + 128];
        int length;
        if (second) length = snprintf(line, sizeof line, "%ld\t%s\t%s -> %s%s%s\n", *number, op, first_shown, second_shown,
                                      code ? "\tFAIL " : "", code ? errno_name(code) : "");
        else length = snprintf(line, sizeof line, "%ld\t%s\t%s%s%s\n", *number, op, first_shown,
                               code ? "\tFAIL " : "", code ? errno_name(code) : "");
        if (length > 0) {
            if ((size_t)length >= sizeof line) length = (int)sizeof line - 1;
            ssize_t ignored = real.write(count_fd, line, (size_t)length);
            (void)ignored;
        }
    }
    return code;
}

static int decide_fd(const char *op, int fd, long *number) {
    ensure();
    *number = -1;
    if (root_length == 0 || fd < 0 || fd == count_fd) return 0;
    char path[PATH_MAX];
    fd_path(fd, path, sizeof path);
    if (!under_root(path)) return 0;
    return decide(op, path, NULL, number);
}

static int opens_for_writing(int flags) {
    return (flags & O_ACCMODE) != O_RDONLY || (flags & (O_CREAT | O_TRUNC)) != 0;
}

#define FAIL_WITH(code, value) do { errno = (code); return (value); } while (0)

static int open_common(open_fn function, int dirfd, openat_fn at_function, const char *path, int flags, mode_t mode) {
    if (opens_for_writing(flags)) {
        char absolute_path[PATH_MAX];
        long number;
        ensure();
        absolute(dirfd, path, absolute_path, sizeof absolute_path);
        int code = decide("open", absolute_path, NULL, &number);
        if (code) FAIL_WITH(code, -1);
    }
    return function ? function(path, flags, mode) : at_function(dirfd, path, flags, mode);
}

static mode_t mode_argument(int flags, va_list arguments) {
    if ((flags & O_CREAT) || (flags & __O_TMPFILE) == __O_TMPFILE) return (mode_t)va_arg(arguments, int);
    return 0;
}

int open(const char *path, int flags, ...) {
    va_list arguments;
    va_start(arguments, flags);
    mode_t mode = mode_argument(flags, arguments);
    va_end(arguments);
    ensure();
    return open_common(real.open, AT_FDCWD, NULL, path, flags, mode);
}

int open64(const char *path, int flags, ...) {
    va_list arguments;
    va_start(arguments, flags);
    mode_t mode = mode_argument(flags, arguments);
    va_end(arguments);
    ensure();
    return open_common(real.open64 ? real.open64 : real.open, AT_FDCWD, NULL, path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...) {
    va_list arguments;
    va_start(arguments, flags);
    mode_t mode = mode_argument(flags, arguments);
    va_end(arguments);
    ensure();
    return open_common(NULL, dirfd, real.openat, path, flags, mode);
}

int openat64(int dirfd, const char *path, int flags, ...) {
    va_list arguments;
    va_start(arguments, flags);
    mode_t mode = mode_argument(flags, arguments);
    va_end(arguments);
    ensure();
    return open_common(NULL, dirfd, real.openat64 ? real.openat64 : real.openat, path, flags, mode);
}

int creat(const char *path, mode_t mode) {
    ensure();
    return open_common(real.open, AT_FDCWD, NULL, path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int creat64(const char *path, mode_t mode) {
    ensure();
    return open_common(real.open64 ? real.open64 : real.open, AT_FDCWD, NULL, path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

ssize_t write(int fd, const void *buffer, size_t count) {
    long number;
    int code = decide_fd("write", fd, &number);
    if (code) FAIL_WITH(code, -1);
    return real.write(fd, buffer, count);
}

ssize_t writev(int fd, const struct iovec *vector, int count) {
    long number;
    int code = decide_fd("write", fd, &number);
    if (code) FAIL_WITH(code, -1);
    return real.writev(fd, vector, count);
}

ssize_t pwrite(int fd, const void *buffer, size_t count, off_t offset) {
    long number;
    int code = decide_fd("pwrite", fd, &number);
    if (code) FAIL_WITH(code, -1);
    return real.pwrite(fd, buffer, count, offset);
}

ssize_t pwrite64(int fd, const void *buffer, size_t count, off_t offset) {
    long number;
    int code = decide_fd("pwrite", fd, &number);
    if (code) FAIL_WITH(code, -1);
    return (real.pwrite64 ? real.pwrite64 : real.pwrite)(fd, buffer, count, offset);
}

ssize_t pwritev(int fd, const struct iovec *vector, int count, off_t offset) {
    long number;
    int code = decide_fd("pwrite", fd, &number);
    if (code) FAIL_WITH(code, -1);
    return real.pwritev(fd, vector, count, offset);
}

int fsync(int fd) {
    long number;
    int code = decide_fd("fsync", fd, &number);
    if (code) FAIL_WITH(code, -1);
    return real.fsync(fd);
}

int fdatasync(int fd) {
    long number;
    int code = decide_fd("fdatasync", fd, &number);
    if (code) FAIL_WITH(code, -1);
    return real.fdatasync(fd);
}

int close(int fd) {
    ensure();
    if (root_length > 0 && fd >= 0 && fd != count_fd) {
        int flags = fcntl(fd, F_GETFL);
        if (flags >= 0 && (flags & O_ACCMODE) != O_RDONLY) {
            long number;
            int code = decide_fd("close", fd, &number);
            if (code) {
                real.close(fd);
                FAIL_WITH(code, -1);
            }
        }
    }
    return real.close(fd);
}

int ftruncate(int fd, off_t length) {
    long number;
    int code = decide_fd("ftruncate", fd, &number);
    if (code) FAIL_WITH(code, -1);
    return real.ftruncate(fd, length);
}

int ftruncate64(int fd, off_t length) {
    long number;
    int code = decide_fd("ftruncate", fd, &number);
    if (code) FAIL_WITH(code, -1);
    return (real.ftruncate64 ? real.ftruncate64 : real.ftruncate)(fd, length);
}

int truncate(const char *path, off_t length) {
    char absolute_path[PATH_MAX];
    long number;
    ensure();
    absolute(AT_FDCWD, path, absolute_path, sizeof absolute_path);
    int code = decide("ftruncate", absolute_path, NULL, &number);
    if (code) FAIL_WITH(code, -1);
    return real.truncate(path, length);
}

static int two_paths(const char *op, int from_fd, const char *from, int to_fd, const char *to) {
    char first[PATH_MAX], second[PATH_MAX];
    long number;
    ensure();
    absolute(from_fd, from, first, sizeof first);
    absolute(to_fd, to, second, sizeof second);
    return decide(op, first, second, &number);
}

int rename(const char *from, const char *to) {
    int code = two_paths("rename", AT_FDCWD, from, AT_FDCWD, to);
    if (code) FAIL_WITH(code, -1);
    return real.rename(from, to);
}

int renameat(int from_fd, const char *from, int to_fd, const char *to) {
    int code = two_paths("rename", from_fd, from, to_fd, to);
    if (code) FAIL_WITH(code, -1);
    return real.renameat(from_fd, from, to_fd, to);
}

int renameat2(int from_fd, const char *from, int to_fd, const char *to, unsigned int flags) {
    int code = two_paths((flags & RENAME_EXCHANGE) ? "exchange" : "renameat2", from_fd, from, to_fd, to);
    if (code) FAIL_WITH(code, -1);
    if (real.renameat2) return real.renameat2(from_fd, from, to_fd, to, flags);
    return (int)syscall(SYS_renameat2, from_fd, from, to_fd, to, flags);
}

int link(const char *from, const char *to) {
    int code = two_paths("link", AT_FDCWD, from, AT_FDCWD, to);
    if (code) FAIL_WITH(code, -1);
    return real.link(from, to);
}

int linkat(int from_fd, const char *from, int to_fd, const char *to, int flags) {
    int code = two_paths("link", from_fd, from, to_fd, to);
    if (code) FAIL_WITH(code, -1);
    return real.linkat(from_fd, from, to_fd, to, flags);
}

static int one_path(const char *op, int dirfd, const char *path) {
    char absolute_path[PATH_MAX];
    long number;
    ensure();
    absolute(dirfd, path, absolute_path, sizeof absolute_path);
    return decide(op, absolute_path, NULL, &number);
}

int unlink(const char *path) {
    int code = one_path("unlink", AT_FDCWD, path);
    if (code) FAIL_WITH(code, -1);
    return real.unlink(path);
}

int rmdir(const char *path) {
    int code = one_path("rmdir", AT_FDCWD, path);
    if (code) FAIL_WITH(code, -1);
    return real.rmdir(path);
}

int unlinkat(int dirfd, const char *path, int flags) {
    int code = one_path((flags & AT_REMOVEDIR) ? "rmdir" : "unlink", dirfd, path);
    if (code) FAIL_WITH(code, -1);
    return real.unlinkat(dirfd, path, flags);
}

int mkdir(const char *path, mode_t mode) {
    int code = one_path("mkdir", AT_FDCWD, path);
    if (code) FAIL_WITH(code, -1);
    return real.mkdir(path, mode);
}

int mkdirat(int dirfd, const char *path, mode_t mode) {
    int code = one_path("mkdir", dirfd, path);
    if (code) FAIL_WITH(code, -1);
    return real.mkdirat(dirfd, path, mode);
}
