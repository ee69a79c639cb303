/* pick.h — which of SDL's renderers fits this machine, decided before the window opens.
 * Plain C with no SDL (tests/test_pick.c); render_hints in render.c applies the choice.
 *
 * Where /dev/dri holds no render node that can be opened (no GPU: a thin client, a
 * virtual machine, CI, a Pi whose GL stack is broken), an "accelerated" renderer is Mesa's
 * software rasteriser behind OpenGL: a GL context, its shader compiler and its libraries,
 * several times the start time and the memory of SDL's own software renderer. There the
 * software renderer is chosen, and the window's surface is told not to probe GL either.
 * Where there is a render node, SDL's accelerated choice (GLES or GL) is kept.
 *
 * What each video driver needs (SDL 2):
 *   x11      has a window surface of its own (XImage, MIT-SHM): the software renderer
 *            draws there with no GL at all, once SDL_HINT_FRAMEBUFFER_ACCELERATION is "0"
 *            (otherwise SDL puts the surface in a texture of an accelerated renderer).
 *   wayland  has no window surface of its own: the software renderer's surface is shown
 *            through an EGL renderer anyway, and with the hint "0" SDL_GetWindowSurface
 *            fails ("Window framebuffer support not available"). Kept accelerated.
 *   kmsdrm   (a Pi's console) opens GBM and EGL for every window that is not Vulkan, with
 *            any renderer: it has no dumb-buffer path (SDL issue 6561, "KMSDRM driver
 *            without OpenGL/ES?"). With no GPU it draws through Mesa's kms_swrast or not
 *            at all; the software renderer would only add a copy. Kept accelerated.
 * SDL_RENDER_DRIVER set by the person running the app wins over all of this. */
#ifndef ATTUNE_PICK_H
#define ATTUNE_PICK_H

#include <stdbool.h>

/* What a DRM folder (/dev/dri) holds: its render nodes, renderD<N>. */
typedef struct PickNodes {
    int found;          /* renderD* entries seen */
    int usable;         /* of them, how many opened for reading and writing */
    char first[64];     /* the first seen (name order), "" when none */
    char usable_name[64]; /* the first that opened, "" when none */
    int first_errno;    /* why the first seen did not open (0: it did) */
} PickNodes;

typedef enum PickKind {
    PICK_ACCELERATED,   /* SDL's own order: GLES or GL */
    PICK_SOFTWARE,      /* SDL's software renderer */
    PICK_CHOSEN,        /* SDL_RENDER_DRIVER, as the person set it */
} PickKind;

typedef struct Pick {
    PickKind kind;
    bool no_gl_surface; /* also set SDL_HINT_FRAMEBUFFER_ACCELERATION to "0" */
    char line[192];     /* for the journal after "attune: renderer: ", e.g.
                           "software (no GPU render node in /dev/dri)" */
} Pick;

/* Looks in `dir` (normally "/dev/dri") for render nodes and tries to open each one
 * (O_RDWR, closed at once). A missing folder is a folder with none. Never fails. */
void pick_scan(const char *dir, PickNodes *out);

/* The choice, from what the DRM folder `dir` holds, the environment's SDL_RENDER_DRIVER
 * (`env_driver`, NULL or "" when unset) and the video driver SDL opened (`video`: "x11",
 * "wayland", "kmsdrm"...; NULL when not known). Pure: no files, no environment. */
void pick_renderer(const PickNodes *nodes, const char *dir, const char *env_driver,
                   const char *video, Pick *out);

#endif
