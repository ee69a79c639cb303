/* pick.c — see pick.h: the renderer that fits the machine, from what /dev/dri holds. */
#define _DEFAULT_SOURCE /* O_CLOEXEC */
#include "pick.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool is_render_node(const char *name)
{
    return strncmp(name, "renderD", 7) == 0 && name[7] >= '0' && name[7] <= '9';
}

static int by_name(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

enum { PICK_MAX_NODES = 16 };

void pick_scan(const char *dir, PickNodes *out)
{
    memset(out, 0, sizeof(*out));
    DIR *d = opendir(dir);
    if (!d)
        return;
    char names[PICK_MAX_NODES][64];
    int count = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL && count < PICK_MAX_NODES;)
        if (is_render_node(e->d_name) && strlen(e->d_name) < sizeof(names[0]))
            snprintf(names[count++], sizeof(names[0]), "%.63s", e->d_name);
    closedir(d);
    qsort(names, (size_t)count, sizeof(names[0]), by_name);
    for (int i = 0; i < count; i++) {
        char path[512];
        snprintf(path, sizeof(path), "%.400s/%.63s", dir, names[i]);
        int fd = open(path, O_RDWR | O_CLOEXEC);
        if (i == 0) {
            snprintf(out->first, sizeof(out->first), "%.63s", names[i]);
            out->first_errno = fd < 0 ? errno : 0;
        }
        if (fd < 0)
            continue;
        close(fd);
        if (out->usable++ == 0)
            snprintf(out->usable_name, sizeof(out->usable_name), "%.63s", names[i]);
    }
    out->found = count;
}

static bool same(const char *a, const char *b)
{
    return a && strcmp(a, b) == 0;
}

void pick_renderer(const PickNodes *nodes, const char *dir, const char *env_driver,
                   const char *video, Pick *out)
{
    memset(out, 0, sizeof(*out));
    if (env_driver && env_driver[0]) {
        out->kind = PICK_CHOSEN;
        snprintf(out->line, sizeof(out->line), "%.64s (SDL_RENDER_DRIVER, as set)", env_driver);
        return;
    }
    if (nodes->usable > 0) {
        out->kind = PICK_ACCELERATED;
        snprintf(out->line, sizeof(out->line), "accelerated (GPU render node %.80s/%.63s)", dir,
                 nodes->usable_name);
        return;
    }
    char why[160];
    if (nodes->found > 0)
        snprintf(why, sizeof(why), "%.40s/%.20s cannot be opened: %.50s", dir, nodes->first,
                 strerror(nodes->first_errno));
    else
        snprintf(why, sizeof(why), "no GPU render node in %.80s", dir);
    if (same(video, "wayland") || same(video, "kmsdrm")) {
        /* their windows are shown through EGL whatever the renderer (pick.h) */
        out->kind = PICK_ACCELERATED;
        snprintf(out->line, sizeof(out->line), "accelerated (%.100s, but %.16s shows windows "
                 "only through EGL)", why, video);
        return;
    }
    out->kind = PICK_SOFTWARE;
    out->no_gl_surface = true;
    snprintf(out->line, sizeof(out->line), "software (%s)", why);
}
