/* rotate.c — the maths of a turned panel (rotate.h): logical sizes, touches mapped back,
 * and where the turned copy of the frame goes. */
#include "rotate.h"

#include <stdbool.h>

/* Quarter turns clockwise, 0..3. */
static int quarters(int rotation)
{
    switch (rotation) {
    case 90: return 1;
    case 180: return 2;
    case 270: return 3;
    default: return 0;
    }
}

void rotate_logical_size(int rotation, int panel_w, int panel_h, int *logical_w, int *logical_h)
{
    bool swap = quarters(rotation) % 2 == 1;
    *logical_w = swap ? panel_h : panel_w;
    *logical_h = swap ? panel_w : panel_h;
}

static float clamp01(float v)
{
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* Turning the frame a quarter clockwise in y-down coordinates takes logical (x, y) to
 * panel (H - y, x); each case below is that, or its repeats, solved for the logical point. */
void rotate_to_logical(int rotation, int logical_w, int logical_h, float px, float py,
                       float *lx, float *ly)
{
    float w = (float)logical_w, h = (float)logical_h;
    px = clamp01(px);
    py = clamp01(py);
    switch (quarters(rotation)) {
    case 1: *lx = py * w; *ly = (1 - px) * h; break;
    case 2: *lx = (1 - px) * w; *ly = (1 - py) * h; break;
    case 3: *lx = (1 - py) * w; *ly = px * h; break;
    default: *lx = px * w; *ly = py * h; break;
    }
}

void rotate_to_panel(int rotation, int logical_w, int logical_h, float lx, float ly,
                     float *px, float *py)
{
    float u = logical_w > 0 ? lx / (float)logical_w : 0;  /* 0..1 across the logical frame */
    float v = logical_h > 0 ? ly / (float)logical_h : 0;
    switch (quarters(rotation)) {
    case 1: *px = 1 - v; *py = u; break;
    case 2: *px = 1 - u; *py = 1 - v; break;
    case 3: *px = v; *py = 1 - u; break;
    default: *px = u; *py = v; break;
    }
}

double rotate_copy_angle(int rotation)
{
    return 90.0 * quarters(rotation);
}

/* SDL turns the copy about the destination's centre, so the destination is the texture's
 * own (unturned) size placed with its centre on the panel's centre. */
Rect rotate_copy_rect(int rotation, int panel_w, int panel_h)
{
    int w, h;
    rotate_logical_size(rotation, panel_w, panel_h, &w, &h);
    Rect r = { (float)(panel_w - w) / 2, (float)(panel_h - h) / 2, (float)w, (float)h };
    return r;
}
