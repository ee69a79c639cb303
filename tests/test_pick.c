/* test_pick.c — the renderer that fits the machine (app/render/pick.c), from fake /dev/dri
 * folders: software where no GPU render node can be opened (and the window's surface kept
 * off GL), accelerated where one can, and SDL_RENDER_DRIVER set by a person always wins. */
#define _DEFAULT_SOURCE /* mkdtemp, symlink */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <unistd.h>

#include "../app/render/pick.h"
#include "files.h"

typedef struct Fixture {
    char dir[128];   /* the fake /dev/dri */
} Fixture;

static int setup(void **state)
{
    static Fixture f;
    if (!make_temp_folder(f.dir, sizeof(f.dir), "pick"))
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    const Fixture *f = *state;
    return remove_folder(f->dir) ? 0 : -1;
}

static void add(const Fixture *f, const char *name)
{
    char path[256];
    snprintf(path, sizeof(path), "%s/%s", f->dir, name);
    write_text(path, "");
}

/* A node that is listed but cannot be opened (a dangling link: refused even to root). */
static void add_broken(const Fixture *f, const char *name)
{
    char path[256];
    snprintf(path, sizeof(path), "%s/%s", f->dir, name);
    assert_int_equal(symlink("/nonexistent/attune-render-node", path), 0);
}

static void pick_in(const Fixture *f, const char *env, const char *video, Pick *out)
{
    PickNodes nodes;
    pick_scan(f->dir, &nodes);
    pick_renderer(&nodes, "/dev/dri", env, video, out);
}

static void no_gpu_means_the_software_renderer_and_no_gl_surface(void **state)
{
    const Fixture *f = *state;
    Pick p;
    pick_in(f, NULL, "x11", &p);      /* an empty folder */
    assert_int_equal(p.kind, PICK_SOFTWARE);
    assert_true(p.no_gl_surface);
    assert_string_equal(p.line, "software (no GPU render node in /dev/dri)");
    add(f, "card0");                  /* a display card (KMS) but no render node */
    pick_in(f, "", "x11", &p);        /* an empty SDL_RENDER_DRIVER is unset */
    assert_int_equal(p.kind, PICK_SOFTWARE);
    assert_true(p.no_gl_surface);

    PickNodes nodes;                  /* no folder at all (a container, CI) */
    pick_scan("/nonexistent/attune-dri", &nodes);
    assert_int_equal(nodes.found, 0);
    pick_renderer(&nodes, "/dev/dri", NULL, "x11", &p);
    assert_int_equal(p.kind, PICK_SOFTWARE);
}

static void a_gpu_keeps_the_accelerated_renderer(void **state)
{
    const Fixture *f = *state;
    add(f, "card0");
    add(f, "renderD128");
    Pick p;
    pick_in(f, NULL, "x11", &p);
    assert_int_equal(p.kind, PICK_ACCELERATED);
    assert_false(p.no_gl_surface);
    assert_string_equal(p.line, "accelerated (GPU render node /dev/dri/renderD128)");
    pick_in(f, NULL, "kmsdrm", &p);
    assert_int_equal(p.kind, PICK_ACCELERATED);
}

static void a_node_that_cannot_be_opened_is_no_gpu(void **state)
{
    const Fixture *f = *state;
    add_broken(f, "renderD128");
    Pick p;
    pick_in(f, NULL, "x11", &p);
    assert_int_equal(p.kind, PICK_SOFTWARE);
    assert_true(p.no_gl_surface);
    assert_non_null(strstr(p.line, "/dev/dri/renderD128 cannot be opened: "));
    add(f, "renderD129");             /* a second GPU that opens */
    pick_in(f, NULL, "x11", &p);
    assert_int_equal(p.kind, PICK_ACCELERATED);
    assert_string_equal(p.line, "accelerated (GPU render node /dev/dri/renderD129)");
}

/* Wayland and KMSDRM show a window only through EGL: the software renderer there would
 * fail (no window surface without GL) or add a copy. */
static void without_a_gpu_wayland_and_kmsdrm_stay_accelerated(void **state)
{
    const Fixture *f = *state;
    Pick p;
    pick_in(f, NULL, "wayland", &p);
    assert_int_equal(p.kind, PICK_ACCELERATED);
    assert_false(p.no_gl_surface);
    assert_non_null(strstr(p.line, "no GPU render node in /dev/dri, but wayland"));
    pick_in(f, NULL, "kmsdrm", &p);
    assert_int_equal(p.kind, PICK_ACCELERATED);
    assert_false(p.no_gl_surface);
}

static void the_persons_choice_wins(void **state)
{
    const Fixture *f = *state;
    Pick p;
    pick_in(f, "opengl", "x11", &p);  /* no GPU, but GL asked for */
    assert_int_equal(p.kind, PICK_CHOSEN);
    assert_false(p.no_gl_surface);
    assert_string_equal(p.line, "opengl (SDL_RENDER_DRIVER, as set)");
    add(f, "renderD128");
    pick_in(f, "software", "x11", &p); /* a GPU, but software asked for */
    assert_int_equal(p.kind, PICK_CHOSEN);
    assert_string_equal(p.line, "software (SDL_RENDER_DRIVER, as set)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(no_gpu_means_the_software_renderer_and_no_gl_surface, setup, teardown),
        cmocka_unit_test_setup_teardown(a_gpu_keeps_the_accelerated_renderer, setup, teardown),
        cmocka_unit_test_setup_teardown(a_node_that_cannot_be_opened_is_no_gpu, setup, teardown),
        cmocka_unit_test_setup_teardown(without_a_gpu_wayland_and_kmsdrm_stay_accelerated, setup, teardown),
        cmocka_unit_test_setup_teardown(the_persons_choice_wins, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
