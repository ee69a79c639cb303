/* firstframe.c — an LD_PRELOAD library that marks a program's first frame on screen: when
 * its first SDL_RenderPresent returns, it writes the CLOCK_MONOTONIC time in nanoseconds
 * (a decimal line) to the descriptor named by FIRSTFRAME_FD and stops the process
 * (SIGSTOP), so that its memory can be read at that moment and not later. Without
 * FIRSTFRAME_FD it does nothing. tests/startbench.c runs Attune and tests/least_sdl.c
 * under it, so that both are timed and measured the same way. */
#define _GNU_SOURCE /* RTLD_NEXT */
#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void SDL_RenderPresent(void *renderer);

void SDL_RenderPresent(void *renderer)
{
    static void (*real)(void *);
    static int presents;
    if (!real) {
        void *sym = dlsym(RTLD_NEXT, "SDL_RenderPresent");
        memcpy(&real, &sym, sizeof(real)); /* ISO C has no cast from data to function */
        if (!real)
            abort();
    }
    real(renderer);
    const char *fd = getenv("FIRSTFRAME_FD");
    if (presents++ > 0 || !fd)
        return;
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    char line[32];
    int n = snprintf(line, sizeof(line), "%lld\n", (long long)t.tv_sec * 1000000000LL + t.tv_nsec);
    if (write(atoi(fd), line, (size_t)n) == n)
        raise(SIGSTOP);
}
