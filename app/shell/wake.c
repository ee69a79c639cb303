/* wake.c — see wake.h. SDL_GetWindowWMInfo gives the display connection: X11's Display
 * (its socket is ConnectionNumber, its queue QLength: macros, nothing linked) or
 * Wayland's wl_display (its descriptor from wl_display_get_fd, looked up in the library
 * SDL has loaded itself). */
#include "wake.h"

#include <SDL_syswm.h>
#include <dlfcn.h>

#if defined(SDL_VIDEO_DRIVER_WAYLAND)
static int wayland_fd(struct wl_display *display)
{
    void *lib = dlopen("libwayland-client.so.0", RTLD_NOW | RTLD_NOLOAD);
    if (!lib)
        return -1;
    int (*get_fd)(struct wl_display *) = NULL;
    *(void **)&get_fd = dlsym(lib, "wl_display_get_fd");
    int fd = get_fd ? get_fd(display) : -1;
    dlclose(lib); /* SDL still holds it open */
    return fd;
}
#endif

int wake_display_fd(SDL_Window *window, void **x11)
{
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    *x11 = NULL;
    if (!window || !SDL_GetWindowWMInfo(window, &info))
        return -1;
#if defined(SDL_VIDEO_DRIVER_X11)
    if (info.subsystem == SDL_SYSWM_X11 && info.info.x11.display) {
        *x11 = info.info.x11.display;
        return ConnectionNumber(info.info.x11.display);
    }
#endif
#if defined(SDL_VIDEO_DRIVER_WAYLAND)
    if (info.subsystem == SDL_SYSWM_WAYLAND && info.info.wl.display)
        return wayland_fd(info.info.wl.display);
#endif
    return -1;
}

bool wake_display_queued(void *x11)
{
#if defined(SDL_VIDEO_DRIVER_X11)
    return x11 && QLength((Display *)x11) > 0;
#else
    (void)x11;
    return false;
#endif
}
