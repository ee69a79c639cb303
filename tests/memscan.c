/* memscan.c — how many times a text is in a running program's memory, at a moment the
 * program chooses: tests/memory.sh runs the app under it.
 *
 *   memscan TEXT FILE PROGRAM [ARG...]
 *
 * Runs PROGRAM as a traced child and stops it when it is about to open a file whose name
 * ends in FILE (a headless script's `shot FILE-NAME` saves FILE-NAME.png: that is the
 * moment), reads every writable mapping of its memory (/proc/PID/maps, /proc/PID/mem),
 * prints "N" (how many times TEXT is there), kills it and exits 0. Exits 2 when the child
 * ended without opening FILE, or its memory could not be read (a non-dumpable program,
 * unless run by root). Linux only (PTRACE_GET_SYSCALL_INFO, 5.3 and later). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

enum { CHUNK = 1 << 20 };

/* Counts `needle` in [start, end) of the child's memory; -1 when it cannot be read. */
static long count_region(int mem, unsigned long start, unsigned long end, const char *needle, size_t n,
                         char *buf)
{
    long found = 0;
    size_t keep = 0; /* bytes carried over from the last chunk: a match may straddle them */
    for (unsigned long at = start; at < end;) {
        size_t want = end - at < CHUNK ? end - at : CHUNK;
        ssize_t got = pread(mem, buf + keep, want, (off_t)at);
        if (got <= 0)
            return found; /* an unreadable page (a guard page): the rest of this mapping */
        size_t have = keep + (size_t)got;
        for (char *p = buf; (p = memmem(p, have - (size_t)(p - buf), needle, n)) != NULL; p++)
            found++;
        keep = have >= n - 1 ? n - 1 : have;
        memmove(buf, buf + have - keep, keep);
        at += (unsigned long)got;
    }
    return found;
}

/* Counts `needle` in every writable mapping of `pid`; -1 when its memory cannot be read. */
static long count_all(pid_t pid, const char *needle)
{
    char path[64], line[512];
    snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
    FILE *maps = fopen(path, "r");
    snprintf(path, sizeof(path), "/proc/%d/mem", (int)pid);
    int mem = open(path, O_RDONLY);
    char *buf = malloc(CHUNK + strlen(needle));
    long total = 0, regions = 0;
    while (maps && mem >= 0 && buf && fgets(line, sizeof(line), maps)) {
        unsigned long start, end;
        char perms[8];
        if (sscanf(line, "%lx-%lx %7s", &start, &end, perms) != 3 || perms[0] != 'r' || perms[1] != 'w')
            continue;
        long n = count_region(mem, start, end, needle, strlen(needle), buf);
        total += n;
        regions++;
    }
    if (!maps || mem < 0 || regions == 0) {
        fprintf(stderr, "memscan: cannot read the memory of %d: %s\n", (int)pid, strerror(errno));
        total = -1;
    }
    if (maps)
        fclose(maps);
    if (mem >= 0)
        close(mem);
    free(buf);
    return total;
}

/* The string at `addr` in the child (a path), into `out`. */
static void read_string(pid_t pid, unsigned long addr, char *out, size_t size)
{
    char path[64];
    snprintf(path, sizeof(path), "/proc/%d/mem", (int)pid);
    int mem = open(path, O_RDONLY);
    ssize_t got = mem >= 0 ? pread(mem, out, size - 1, (off_t)addr) : -1;
    out[got > 0 ? got : 0] = '\0';
    if (mem >= 0)
        close(mem);
}

/* Whether the child, stopped at a system call's entry, is opening a file ending in `file`. */
static bool opening(pid_t pid, const char *file)
{
    struct __ptrace_syscall_info info;
    if (ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof(info), &info) <= 0 || info.op != PTRACE_SYSCALL_INFO_ENTRY)
        return false;
    unsigned long path_at;
    if (info.entry.nr == SYS_openat)
        path_at = (unsigned long)info.entry.args[1];
#ifdef SYS_open
    else if (info.entry.nr == SYS_open)
        path_at = (unsigned long)info.entry.args[0];
#endif
    else
        return false;
    char path[4096];
    read_string(pid, path_at, path, sizeof(path));
    size_t n = strlen(path), m = strlen(file);
    return n >= m && strcmp(path + n - m, file) == 0;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: memscan TEXT FILE PROGRAM [ARG...]\n");
        return 2;
    }
    pid_t pid = fork();
    if (pid == 0) {
        ptrace(PTRACE_TRACEME, 0, NULL, NULL);
        raise(SIGSTOP);
        execvp(argv[3], argv + 3);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)(long)(PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL));
    int sig = 0;
    for (;;) {
        if (ptrace(PTRACE_SYSCALL, pid, NULL, (void *)(long)sig) != 0 || waitpid(pid, &status, 0) < 0)
            break;
        sig = 0;
        if (WIFEXITED(status) || WIFSIGNALED(status))
            break;
        if (!WIFSTOPPED(status))
            continue;
        if (WSTOPSIG(status) != (SIGTRAP | 0x80)) {
            sig = WSTOPSIG(status) == SIGTRAP ? 0 : WSTOPSIG(status); /* pass signals on */
            continue;
        }
        if (!opening(pid, argv[2]))
            continue;
        long n = count_all(pid, argv[1]);
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        if (n < 0)
            return 2;
        printf("%ld\n", n);
        return 0;
    }
    fprintf(stderr, "memscan: %s ended without opening a file ending in %s\n", argv[3], argv[2]);
    return 2;
}
