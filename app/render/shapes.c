/* shapes.c — rectangles (rounded or not, filled or outlined), circles and lines, all one
 * rounded-rectangle routine (a circle is all corner, a line a thin rotated rectangle)
 * drawn as triangles whose outermost ring fades to alpha 0: anti-aliasing without
 * multisampling, on every renderer.
 *
 * Every shape is a rounded rectangle in its own frame: centre (cx, cy), x axis u, half size
 * hw x hh, corner radius. A contour is the outline pushed `e` pixels outwards (inwards when
 * negative): a larger radius outside, a smaller one inside, and past the corners' centres
 * the straight core shrinks instead. A fill is the contour at -0.5 (opaque) plus a ring out
 * to +0.5 (transparent), so each edge pixel gets about its covered fraction. */
#include "render_internal.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#define PI_F 3.14159265358979f

typedef struct Shape {
    float cx, cy, ux, uy;
    float hw, hh, radius;
    int n;                                  /* segments per quarter circle */
    float cos_[RENDER_ARC_MAX + 1], sin_[RENDER_ARC_MAX + 1];
} Shape;

/* Enough segments per quarter circle that a chord strays at most 0.1 px from the outermost
 * arc, but (when `min_chord` > 0) no chord shorter than that many pixels. */
static void shape_init(Shape *s, float cx, float cy, float ux, float uy, float hw, float hh,
                       float radius, float min_chord)
{
    *s = (Shape){ .cx = cx, .cy = cy, .ux = ux, .uy = uy, .hw = hw, .hh = hh };
    s->radius = fmaxf(0.0f, fminf(radius, fminf(hw, hh)));
    float outer = s->radius + 0.5f;
    float step = 0.1f < outer ? 2.0f * acosf(1.0f - 0.1f / outer) : PI_F;
    s->n = (int)ceilf(PI_F / 2.0f / step);
    if (min_chord > 0 && (float)s->n > PI_F / 2.0f * outer / min_chord)
        s->n = (int)(PI_F / 2.0f * outer / min_chord);
    s->n = s->n < 2 ? 2 : s->n > RENDER_ARC_MAX ? RENDER_ARC_MAX : s->n;
    /* sin from cos mirrored, so that the ends are exactly 0 and 1: points that meet where
     * two corners touch must round to the same pixel. */
    for (int j = 0; j <= s->n; j++)
        s->cos_[j] = j == 0 ? 1.0f : 2 * j == s->n ? sqrtf(0.5f) : j == s->n ? 0.0f
                   : cosf(PI_F / 2.0f * (float)j / (float)s->n);
    for (int j = 0; j <= s->n; j++)
        s->sin_[j] = s->cos_[s->n - j];
}

static int contour_points(const Shape *s)
{
    return 4 * (s->n + 1);
}

/* For the software renderer, which cuts the fraction off: the nearest whole pixel (the
 * same way everywhere, so that widths survive; a shape placed on whole pixels may come out
 * half a pixel right of or below where a GPU draws it). Elsewhere `v` as it is. */
static float snap(const Renderer *r, float v)
{
    return r->software ? floorf(v + 0.5f) : v;
}

static void set_vertex(SDL_Vertex *v, float x, float y, SDL_Color colour)
{
    v->position.x = x;
    v->position.y = y;
    v->color = colour;
    v->tex_coord.x = v->tex_coord.y = 0;
}

/* A size under `min` pixels becomes `min`, and `alpha` fades by the same factor: the same
 * coverage. */
static void widen_to(float *size, float min, Uint8 *alpha)
{
    if (*size < min) {
        *alpha = (Uint8)lroundf((float)*alpha * (*size / min));
        *size = min;
    }
}

typedef struct Contour {
    float core_w, core_h, rad;  /* half the straight part, and the corners' radius */
} Contour;

/* The contour `edge + feather` pixels outside the shape's edge.
 *
 * The software renderer drops the fraction of every vertex and samples pixel centres, so
 * a feather there always gives the pixel it crosses half the colour: a 1 px line would
 * become two pale ones. So, on that renderer only, an axis-aligned contour with (next to)
 * no rounding gets no feather: rules, sharp rectangles and their outlines come out crisp,
 * as on a GPU. (Feathering only part of a contour would dent it, and rounding to whole
 * pixels then folds triangles over each other: it is all or nothing per contour.) And a
 * sliver under a pixel becomes a line, or its two sides could round past each other. */
static Contour contour_size(const Renderer *r, const Shape *s, float edge, float feather)
{
    bool hard = r->software && (s->ux == 0 || s->uy == 0) && s->radius + edge < 2.0f;
    float e = edge + (hard ? 0.0f : feather);
    Contour c = { s->hw - s->radius, s->hh - s->radius, s->radius + e };
    if (c.rad < 0) { /* inside the corners' centres: shrink the straight core */
        c.core_w = fmaxf(0.0f, c.core_w + c.rad);
        c.core_h = fmaxf(0.0f, c.core_h + c.rad);
        c.rad = 0;
    }
    if (r->software) {
        c.core_w = c.core_w < 0.5f ? 0.0f : c.core_w;
        c.core_h = c.core_h < 0.5f ? 0.0f : c.core_h;
    }
    return c;
}

/* True when that contour encloses nothing (a line or a point). */
static bool contour_flat(const Renderer *r, const Shape *s, float edge, float feather)
{
    Contour c = contour_size(r, s, edge, feather);
    return c.rad == 0 && (c.core_w == 0 || c.core_h == 0);
}

/* Appends that contour at r->vertices[at], clockwise from the right end of the bottom-right
 * corner, and returns where the next one goes. */
static int contour(Renderer *r, int at, const Shape *s, float edge, float feather, SDL_Color colour)
{
    static const float sign[4][2] = { { 1, 1 }, { -1, 1 }, { -1, -1 }, { 1, -1 } };
    Contour size = contour_size(r, s, edge, feather);
    for (int k = 0; k < 4; k++) {
        for (int j = 0; j <= s->n; j++) {
            float c = s->cos_[j], sn = s->sin_[j], dx, dy;
            switch (k) { /* the quarter turned by k right angles */
            case 0: dx = c; dy = sn; break;
            case 1: dx = -sn; dy = c; break;
            case 2: dx = -c; dy = -sn; break;
            default: dx = sn; dy = -c; break;
            }
            float lx = sign[k][0] * size.core_w + size.rad * dx;
            float ly = sign[k][1] * size.core_h + size.rad * dy;
            set_vertex(&r->vertices[at++], snap(r, s->cx + lx * s->ux - ly * s->uy),
                       snap(r, s->cy + lx * s->uy + ly * s->ux), colour);
        }
    }
    return at;
}

/* Appends triangles joining contour a to contour b (a ring); returns the new count. */
static int ring(Renderer *r, int count, int a, int b, int points)
{
    for (int i = 0; i < points; i++) {
        int j = (i + 1) % points;
        int *x = &r->indices[count];
        x[0] = a + i, x[1] = b + i, x[2] = b + j;
        x[3] = a + i, x[4] = b + j, x[5] = a + j;
        count += 6;
    }
    return count;
}

/* Draws triangles from r->vertices. On the software renderer, first drops those that
 * rounding made flat: SDL 2 there turns two consecutive triangles that look like the
 * halves of an axis-aligned rectangle into one filled rectangle, and a flat triangle
 * passes that test, drawing a rectangle that was never there. */
static void submit(Renderer *r, int vertices, int *indices, int count)
{
    if (r->software) {
        int kept = 0;
        for (int i = 0; i < count; i += 3) {
            const SDL_FPoint *a = &r->vertices[indices[i]].position;
            const SDL_FPoint *b = &r->vertices[indices[i + 1]].position;
            const SDL_FPoint *c = &r->vertices[indices[i + 2]].position;
            if ((b->x - a->x) * (c->y - a->y) - (b->y - a->y) * (c->x - a->x) == 0)
                continue;
            memmove(&indices[kept], &indices[i], 3 * sizeof(*indices));
            kept += 3;
        }
        count = kept;
    }
    if (count > 0)
        SDL_RenderGeometry(r->sdl, NULL, r->vertices, vertices, indices, count);
}

/* The inside of an axis-aligned shape on the software renderer, whose first contour (at
 * r->vertices[0]) is on whole pixels: three rectangles (above, across and below the
 * corners' centres) and a fan around each corner's centre. SDL 2.26 rasterises a triangle by
 * testing every pixel of its bounding box, so wedges from the middle to the corners cost
 * about `n` times the shape's area; these parts cost about its area once, and the
 * rectangles blend in place (a blended triangle goes through a scratch surface as large as
 * its bounding box: a full-screen scrim cost four half-screen ones). The parts only share
 * edges on whole pixels, so no pixel is drawn twice. corner_fans puts the four
 * centres at r->vertices[at] and the fans' triangles first in r->indices, and returns how
 * many indices; inside_bands draws the rectangles. */
static int corner_fans(Renderer *r, const Shape *s, int at, SDL_Color colour)
{
    int n = s->n, count = 0;
    for (int k = 0; k < 4; k++) {
        const SDL_Vertex *arc = &r->vertices[k * (n + 1)];
        /* each corner's arc starts and ends level with its centre, in turn x then y */
        set_vertex(&r->vertices[at + k], (k % 2 == 0 ? arc[n] : arc[0]).position.x,
                   (k % 2 == 0 ? arc[0] : arc[n]).position.y, colour);
        for (int j = 0; j < n; j++) {
            r->indices[count++] = at + k;
            r->indices[count++] = k * (n + 1) + j;
            r->indices[count++] = k * (n + 1) + j + 1;
        }
    }
    return count;
}

static void inside_bands(Renderer *r, const Shape *s, SDL_Color colour)
{
    int n = s->n;
    const SDL_Vertex *v = r->vertices, *tl = &v[2 * (n + 1)];
    int left = (int)tl[0].position.x, right = (int)v[0].position.x;       /* the widest */
    int top = (int)tl[n].position.y, bottom = (int)v[n].position.y;       /* the tallest */
    int xl = (int)tl[n].position.x, xr = (int)v[n].position.x;            /* the corners' */
    int yt = (int)tl[0].position.y, yb = (int)v[0].position.y;            /* centres */
    SDL_Rect bands[3] = { { xl, top, xr - xl, yt - top }, { left, yt, right - left, yb - yt },
                          { xl, yb, xr - xl, bottom - yb } };
    SDL_SetRenderDrawColor(r->sdl, colour.r, colour.g, colour.b, colour.a);
    for (int i = 0; i < 3; i++)
        if (bands[i].w > 0 && bands[i].h > 0)
            SDL_RenderFillRect(r->sdl, &bands[i]);
}

/* The inside of a fill whose first contour is r->vertices[0..points): its triangles first
 * in r->indices (their count is returned), extra vertices from r->vertices[*end] on
 * (*end advanced). On the software renderer, axis-aligned, in parts (see corner_fans);
 * else a fan around the centre rather than from a corner: rounding to whole pixels can
 * dent the contour, which would fold thin triangles from a corner over each other, but
 * not wedges from the middle. A flat contour (a line) has no inside: the feather is all
 * there is. */
static int fill_inside(Renderer *r, const Shape *s, bool parts, bool flat, int *end,
                       SDL_Color colour)
{
    if (parts) {
        int count = corner_fans(r, s, *end, colour);
        *end += 4;
        return count;
    }
    int count = 0, points = contour_points(s), centre = (*end)++;
    set_vertex(&r->vertices[centre], snap(r, s->cx), snap(r, s->cy), colour);
    for (int i = 0; i < points && !flat; i++) {
        r->indices[count++] = centre;
        r->indices[count++] = i;
        r->indices[count++] = (i + 1) % points;
    }
    return count;
}

static void fill_shape(Renderer *r, Shape *s, SDL_Color colour)
{
    /* Thinner than a pixel: widen to one and fade by the same factor. */
    widen_to(&s->hw, 0.5f, &colour.a);
    widen_to(&s->hh, 0.5f, &colour.a);
    if (colour.a == 0)
        return;
    SDL_Color clear = { colour.r, colour.g, colour.b, 0 };
    int points = contour_points(s);
    int outer = contour(r, 0, s, 0.0f, -0.5f, colour);
    int end = contour(r, outer, s, 0.0f, 0.5f, clear);
    bool flat = contour_flat(r, s, 0.0f, -0.5f);
    bool parts = r->software && s->ux == 1 && s->uy == 0 && !flat;
    int inside = fill_inside(r, s, parts, flat, &end, colour);
    int count = ring(r, inside, 0, outer, points);
    assert(end <= RENDER_MAX_VERTICES && count <= RENDER_MAX_INDICES);
    if (colour.a == 255) {
        /* An opaque inside needs no blending (the software renderer then needs no scratch
         * surface per triangle); only the feather does. */
        SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_NONE);
        if (parts)
            inside_bands(r, s, colour);
        submit(r, end, r->indices, inside);
        SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_BLEND);
        submit(r, end, r->indices + inside, count - inside);
    } else {
        if (parts)
            inside_bands(r, s, colour);
        submit(r, end, r->indices, count);
    }
}

static void outline_shape(Renderer *r, Shape *s, SDL_Color colour, float thickness)
{
    if (thickness > fminf(s->hw, s->hh) - 0.5f) { /* a hole under a pixel wide: fill it */
        fill_shape(r, s, colour);
        return;
    }
    widen_to(&thickness, 1.0f, &colour.a);
    if (colour.a == 0)
        return;
    SDL_Color clear = { colour.r, colour.g, colour.b, 0 };
    int points = contour_points(s);
    int c1 = contour(r, 0, s, 0.0f, 0.5f, clear);
    int c2 = contour(r, c1, s, 0.0f, -0.5f, colour);
    int c3 = contour(r, c2, s, -thickness, 0.5f, colour);
    int end = contour(r, c3, s, -thickness, -0.5f, clear);
    int count = ring(r, 0, 0, c1, points);
    count = ring(r, count, c1, c2, points);
    count = ring(r, count, c2, c3, points);
    assert(end <= RENDER_MAX_VERTICES && count <= RENDER_MAX_INDICES);
    submit(r, end, r->indices, count);
}

/* A QR code: its light square, then each row's runs of dark modules as filled
 * rectangles on whole pixels (no feather: a module's edge must be sharp). */
static void code_shape(Renderer *r, const DrawCmd *c)
{
    int x0 = (int)lroundf(c->rect.x), y0 = (int)lroundf(c->rect.y), m = c->module;
    SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(r->sdl, 255, 255, 255, 255);
    SDL_RenderFillRect(r->sdl, &(SDL_Rect){ x0, y0, (c->side + 2 * c->quiet) * m, (c->side + 2 * c->quiet) * m });
    SDL_SetRenderDrawColor(r->sdl, 0, 0, 0, 255);
    x0 += c->quiet * m;
    y0 += c->quiet * m;
    for (int row = 0; c->modules && row < c->side; row++) {
        const unsigned char *line = c->modules + (size_t)row * (size_t)c->side;
        for (int col = 0; col < c->side;) {
            if (!line[col]) {
                col++;
                continue;
            }
            int run = col;
            while (run < c->side && line[run])
                run++;
            SDL_RenderFillRect(r->sdl, &(SDL_Rect){ x0 + col * m, y0 + row * m, (run - col) * m, m });
            col = run;
        }
    }
    SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_BLEND);
}

void render_shape(Renderer *r, const DrawCmd *c)
{
    if (c->kind == DRAW_CODE) {
        code_shape(r, c);
        return;
    }
    /* On the software renderer vertices land on whole pixels: points 3 px apart or more
     * (nearly always) round without crossing each other. */
    float min_chord = r->software ? 3.0f : 0.0f;
    const Rect *g = &c->rect;
    SDL_Color colour = render_colour(c->colour, c->alpha);
    Shape s;
    if (c->kind == DRAW_RECT || c->kind == DRAW_CIRCLE) {
        float radius = c->kind == DRAW_CIRCLE ? fminf(g->w, g->h) / 2.0f : c->radius;
        shape_init(&s, g->x + g->w / 2.0f, g->y + g->h / 2.0f, 1.0f, 0.0f, g->w / 2.0f, g->h / 2.0f,
                   radius, min_chord);
        if (c->thickness > 0)
            outline_shape(r, &s, colour, c->thickness);
        else
            fill_shape(r, &s, colour);
    } else if (c->kind == DRAW_LINE) {
        float length = hypotf(g->w, g->h);
        if (length < 1e-3f)
            return;
        shape_init(&s, g->x + g->w / 2.0f, g->y + g->h / 2.0f, g->w / length, g->h / length,
                   length / 2.0f, c->thickness / 2.0f, 0.0f, min_chord);
        fill_shape(r, &s, colour);
    }
}
