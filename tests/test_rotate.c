/* test_rotate.c — a portrait panel on its side: touches mapped back through all four
 * rotations, and the frame copied so that it fills the panel (app/render/rotate.c). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../app/render/rotate.h"

/* A Touch Display 2: a portrait panel, used upright (0, 180) or on its side (90, 270). */
enum { PANEL_W = 720, PANEL_H = 1280 };
static const int rotations[4] = { 0, 90, 180, 270 };

static void portrait_panel_sizes(void **state)
{
    (void)state;
    int w, h;
    rotate_logical_size(0, PANEL_W, PANEL_H, &w, &h);
    assert_true(w == 720 && h == 1280);
    rotate_logical_size(90, PANEL_W, PANEL_H, &w, &h);
    assert_true(w == 1280 && h == 720);
    rotate_logical_size(180, PANEL_W, PANEL_H, &w, &h);
    assert_true(w == 720 && h == 1280);
    rotate_logical_size(270, PANEL_W, PANEL_H, &w, &h);
    assert_true(w == 1280 && h == 720);
    rotate_logical_size(45, PANEL_W, PANEL_H, &w, &h); /* not a quarter turn: as 0 */
    assert_true(w == 720 && h == 1280);
}

static void assert_near(float got, float want)
{
    if (fabsf(got - want) > 0.01f)
        fail_msg("got %.3f, want %.3f", (double)got, (double)want);
}

/* Where the logical frame's corners and centre appear on the panel (normalised), for each
 * rotation: turned clockwise, so at 90 the logical top-left is the panel's top-right. */
static void corners_and_centre_in_all_four_rotations(void **state)
{
    (void)state;
    /* logical points as fractions of the logical size: TL, TR, BR, BL, centre */
    static const float logical[5][2] = { { 0, 0 }, { 1, 0 }, { 1, 1 }, { 0, 1 }, { .5f, .5f } };
    static const float panel[4][5][2] = {
        { { 0, 0 }, { 1, 0 }, { 1, 1 }, { 0, 1 }, { .5f, .5f } },  /* 0 */
        { { 1, 0 }, { 1, 1 }, { 0, 1 }, { 0, 0 }, { .5f, .5f } },  /* 90: TL at top-right */
        { { 1, 1 }, { 0, 1 }, { 0, 0 }, { 1, 0 }, { .5f, .5f } },  /* 180 */
        { { 0, 1 }, { 0, 0 }, { 1, 0 }, { 1, 1 }, { .5f, .5f } },  /* 270: TL at bottom-left */
    };
    for (int r = 0; r < 4; r++) {
        int w, h;
        rotate_logical_size(rotations[r], PANEL_W, PANEL_H, &w, &h);
        for (int i = 0; i < 5; i++) {
            float lx, ly, px, py;
            rotate_to_logical(rotations[r], w, h, panel[r][i][0], panel[r][i][1], &lx, &ly);
            assert_near(lx, logical[i][0] * w);
            assert_near(ly, logical[i][1] * h);
            rotate_to_panel(rotations[r], w, h, logical[i][0] * w, logical[i][1] * h, &px, &py);
            assert_near(px, panel[r][i][0]);
            assert_near(py, panel[r][i][1]);
        }
    }
}

static void points_survive_the_round_trip(void **state)
{
    (void)state;
    for (int r = 0; r < 4; r++) {
        int w, h;
        rotate_logical_size(rotations[r], PANEL_W, PANEL_H, &w, &h);
        for (float fx = 0; fx <= 1.0f; fx += 0.125f) {
            for (float fy = 0; fy <= 1.0f; fy += 0.125f) {
                float px, py, lx, ly, bx, by;
                /* logical -> panel -> logical */
                rotate_to_panel(rotations[r], w, h, fx * w, fy * h, &px, &py);
                assert_true(px >= 0 && px <= 1 && py >= 0 && py <= 1);
                rotate_to_logical(rotations[r], w, h, px, py, &lx, &ly);
                assert_near(lx, fx * w);
                assert_near(ly, fy * h);
                /* panel -> logical -> panel */
                rotate_to_logical(rotations[r], w, h, fx, fy, &lx, &ly);
                rotate_to_panel(rotations[r], w, h, lx, ly, &bx, &by);
                assert_near(bx, fx);
                assert_near(by, fy);
            }
        }
    }
}

/* What a person notices: the staff corner (top left as they see it) answers a finger in
 * the corner they see, whichever way the panel is mounted. */
static void the_corner_a_person_sees_is_the_corner_touched(void **state)
{
    (void)state;
    /* panel pixels a finger lands on, near the corner that shows the logical top-left */
    static const float finger[4][2] = { { 20, 20 }, { 700, 20 }, { 700, 1260 }, { 20, 1260 } };
    for (int r = 0; r < 4; r++) {
        int w, h;
        float lx, ly;
        rotate_logical_size(rotations[r], PANEL_W, PANEL_H, &w, &h);
        rotate_to_logical(rotations[r], w, h, finger[r][0] / PANEL_W, finger[r][1] / PANEL_H, &lx, &ly);
        assert_near(lx, 20);
        assert_near(ly, 20);
    }
    /* a touch reported a little outside the panel lands on its edge */
    float lx, ly;
    rotate_to_logical(0, PANEL_W, PANEL_H, -0.02f, 1.03f, &lx, &ly);
    assert_near(lx, 0);
    assert_near(ly, PANEL_H);
}

/* The frame copied with SDL_RenderCopyEx (turning clockwise about the destination's
 * centre) fills the panel, and each corner of the texture lands where touches map from. */
static void the_turned_copy_fills_the_panel(void **state)
{
    (void)state;
    for (int r = 0; r < 4; r++) {
        int w, h;
        rotate_logical_size(rotations[r], PANEL_W, PANEL_H, &w, &h);
        Rect d = rotate_copy_rect(rotations[r], PANEL_W, PANEL_H);
        double angle = rotate_copy_angle(rotations[r]);
        assert_true(fabs(angle - rotations[r]) < 1e-9);
        assert_near(d.w, (float)w);
        assert_near(d.h, (float)h);
        double a = angle * 3.14159265358979323846 / 180, cx = d.x + d.w / 2.0, cy = d.y + d.h / 2.0;
        assert_true(fabs(cx - PANEL_W / 2.0) < 1e-6 && fabs(cy - PANEL_H / 2.0) < 1e-6);
        static const float corner[4][2] = { { 0, 0 }, { 1, 0 }, { 1, 1 }, { 0, 1 } };
        for (int i = 0; i < 4; i++) {
            double x = d.x + corner[i][0] * d.w - cx, y = d.y + corner[i][1] * d.h - cy;
            double tx = cx + x * cos(a) - y * sin(a), ty = cy + x * sin(a) + y * cos(a);
            float px, py;
            rotate_to_panel(rotations[r], w, h, corner[i][0] * w, corner[i][1] * h, &px, &py);
            assert_near((float)tx, px * PANEL_W);
            assert_near((float)ty, py * PANEL_H);
        }
    }
    Rect full = rotate_copy_rect(0, 800, 480);
    assert_true(full.x == 0 && full.y == 0 && full.w == 800 && full.h == 480);
    Rect side = rotate_copy_rect(90, PANEL_W, PANEL_H);
    assert_true(side.x == -280 && side.y == 280 && side.w == 1280 && side.h == 720);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(portrait_panel_sizes),
        cmocka_unit_test(corners_and_centre_in_all_four_rotations),
        cmocka_unit_test(points_survive_the_round_trip),
        cmocka_unit_test(the_corner_a_person_sees_is_the_corner_touched),
        cmocka_unit_test(the_turned_copy_fills_the_panel),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
