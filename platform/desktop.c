/* desktop.c — a desktop or laptop under X11 or Wayland (development, and the workshop
 * profile on a projector). SDL chooses the video and render drivers itself, the session
 * rotates the screen, and the laptop's backlight is left alone: the kiosk's "off" is a
 * black picture here. See platform.h; rpi.c is the other implementation. */
#include "platform.h"

#include <SDL.h>

const char *plat_name(void)
{
    return "desktop";
}

void plat_video_hints(void)
{
    /* nothing: SDL's own choice (x11 or wayland, an accelerated renderer) is right */
}

void plat_hide_cursor(bool hide)
{
    SDL_ShowCursor(hide ? SDL_DISABLE : SDL_ENABLE);
}

void plat_screensaver_off(void)
{
    /* a fullscreen kiosk or a presentation must not blank */
    SDL_DisableScreenSaver();
}

const char *plat_backlight_root(void)
{
    return NULL;
}
