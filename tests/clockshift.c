/* clockshift.c — an LD_PRELOAD library that moves SDL's clock on, as if the machine had
 * been up for weeks: SDL_GetTicks64() returns SDL's ticks plus CLOCKSHIFT_MS (from the
 * environment, read once; 0 when unset), and SDL_GetTicks() the same truncated to 32 bits,
 * as SDL's own does, so that with CLOCKSHIFT_MS a little below 2^32 the 32-bit count
 * wraps to 0 seconds after start. Only the app's calls are moved: SDL's own code calls
 * its functions directly. tests/wrap.sh runs the app under it. */
#define _GNU_SOURCE /* RTLD_NEXT */
#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

uint64_t SDL_GetTicks64(void);
uint32_t SDL_GetTicks(void);

uint64_t SDL_GetTicks64(void)
{
    static uint64_t (*real)(void);
    static uint64_t shift;
    if (!real) {
        const char *ms = getenv("CLOCKSHIFT_MS");
        shift = ms ? strtoull(ms, NULL, 10) : 0;
        void *sym = dlsym(RTLD_NEXT, "SDL_GetTicks64");
        memcpy(&real, &sym, sizeof(real)); /* ISO C has no cast from data to function */
        if (!real)
            abort(); /* not an SDL 2.0.18+ app */
    }
    return real() + shift;
}

uint32_t SDL_GetTicks(void)
{
    return (uint32_t)SDL_GetTicks64();
}
