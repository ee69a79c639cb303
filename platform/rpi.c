/* rpi.c — the Raspberry Pi: Raspberry Pi OS booted to the console, no X, SDL's KMSDRM
 * backend drawing straight to the panel through DRM, touches read by SDL from evdev.
 *
 * What is different here: SDL must be told to use KMSDRM and OpenGL ES, and which DRM card
 * has the panel (on a Pi 5 the DSI panel's card number changes between boots); the
 * backlight to dim is the panel's own in /sys/class/backlight. Under the Pi's desktop
 * (DISPLAY or WAYLAND_DISPLAY set) it behaves like desktop.c. See platform.h. */
#include "platform.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>

/* SDL 2.24 added the hint; older SDLs pick a card themselves and ignore it. */
#ifndef SDL_HINT_KMSDRM_DEVICE_INDEX
#define SDL_HINT_KMSDRM_DEVICE_INDEX "SDL_KMSDRM_DEVICE_INDEX"
#endif

const char *plat_name(void)
{
    return "Raspberry Pi";
}

static bool set(const char *name)
{
    const char *value = getenv(name);
    return value && *value;
}

void plat_video_hints(void)
{
    if (set("DISPLAY") || set("WAYLAND_DISPLAY"))
        return; /* the Pi's desktop: SDL finds X11 or Wayland as anywhere */
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "kmsdrm");
    /* If GLES cannot start, SDL_CreateRenderer tries the other drivers, and the shell
     * then asks for SDL_RENDERER_SOFTWARE. */
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
    if (!set("SDL_KMSDRM_DEVICE_INDEX")) {
        int card = plat_drm_card(NULL, NULL, 0);
        if (card >= 0) {
            char index[16];
            snprintf(index, sizeof(index), "%d", card);
            SDL_SetHint(SDL_HINT_KMSDRM_DEVICE_INDEX, index);
        }
    }
}

void plat_hide_cursor(bool hide)
{
    /* KMSDRM draws the pointer on a cursor plane as soon as a mouse appears */
    SDL_ShowCursor(hide ? SDL_DISABLE : SDL_ENABLE);
}

void plat_screensaver_off(void)
{
    /* Under a desktop session this inhibits its screensaver; on the console there is
     * none, and the kernel's blanking is off through consoleblank=0. */
    SDL_DisableScreenSaver();
}

const char *plat_backlight_root(void)
{
    return "/sys/class/backlight";
}
