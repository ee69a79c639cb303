/* rotate.h — a panel mounted on its side: the logical frame the view lays out, turned by
 * 0, 90, 180 or 270 degrees onto the panel. The renderer copies the frame turned; the
 * shell maps touches back. Plain C with no SDL (tests/test_rotate.c).
 *
 * `rotation` is how far the logical frame is turned clockwise on the panel: 0, 90, 180 or
 * 270 (anything else counts as 0). The PANEL is the physical mode (a Touch Display 2 is
 * 720x1280); the LOGICAL screen is what the view lays out, the panel with width and height
 * swapped at 90 and 270. At 90 the logical top-left corner is at the panel's top-right.
 *
 * Panel positions are NORMALISED, 0..1 across the panel's width and height: that is what
 * SDL gives for touches (tfinger.x, tfinger.y) under KMSDRM, and a mouse position in panel
 * pixels becomes one by dividing by the panel's size. Logical positions are in pixels. */
#ifndef ATTUNE_ROTATE_H
#define ATTUNE_ROTATE_H

#include "../view/draw.h"   /* Rect */

/* The logical size for a panel of panel_w x panel_h pixels: the same at 0 and 180, width
 * and height swapped at 90 and 270. */
void rotate_logical_size(int rotation, int panel_w, int panel_h, int *logical_w, int *logical_h);

/* Maps a point on the panel (px, py normalised; clamped to 0..1) to logical pixels
 * (*lx, *ly) on a logical screen of logical_w x logical_h: where a touch landed. */
void rotate_to_logical(int rotation, int logical_w, int logical_h, float px, float py,
                       float *lx, float *ly);

/* The inverse: where logical pixel (lx, ly) shows on the panel, normalised. For drawing
 * on the panel directly, and for tests. */
void rotate_to_panel(int rotation, int logical_w, int logical_h, float lx, float ly,
                     float *px, float *py);

/* The angle for SDL_RenderCopyEx (degrees, clockwise, as SDL turns) to show the logical
 * frame, rendered into a logical_w x logical_h texture, on the panel. */
double rotate_copy_angle(int rotation);

/* The destination rectangle for that copy on a panel of panel_w x panel_h: the texture's
 * own size, centred on the panel, so that turning it about its centre fills the panel
 * exactly. At 0 and 180 it is the whole panel. Pass it as an SDL_FRect (SDL_RenderCopyExF)
 * or rounded to an SDL_Rect (exact for even panel sizes). */
Rect rotate_copy_rect(int rotation, int panel_w, int panel_h);

#endif
