/* reset_bites.c — the soak's display-reset check must bite: the app's own
 * shell_display_reset passes a short soak, and two plausible ways of breaking it each
 * fail it, naming the display reset. shell_display_reset is wrapped at link time
 * (-Wl,--wrap, see the Makefile); which version runs is the first argument:
 *
 *   build/rel/reset_bites            runs all three in child processes and judges them
 *   build/rel/reset_bites VERSION    one soak: real, no-rotation or textures-kept
 *
 * Prints "ok" or "FAIL" lines and a summary like the shell tests; exits 1 on a failure. */
#define _DEFAULT_SOURCE
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/core/bundle.h"
#include "../app/core/config.h"
#include "../app/core/diag.h"
#include "../app/drive/headless.h"
#include "../app/render/render.h"
#include "../app/shell/shell.h"
#include "../app/view/view.h"

enum { EVENTS = 2000 }; /* seed 1 resets the display within them, more than once */

void __real_shell_display_reset(Shell *s, bool device);

/* The font sizes for the shell's size, as shell.c works them out. */
static void font_sizes(const Shell *s, int px[FONT_ROLE_COUNT])
{
    ViewMetrics vm;
    view_metrics(s->config, s->width, s->height, s->flow.large_text, &vm);
    memcpy(px, vm.font_px, sizeof(vm.font_px));
}

/* Rebuilt like the real one, but the picture is not turned again. */
static void reset_without_rotation(Shell *s)
{
    char error[512];
    int px[FONT_ROLE_COUNT];
    s->dirty = true;
    font_sizes(s, px);
    render_close(&s->render);
    s->render_open = render_open(&s->render, s->sdl, s->config, s->width, s->height, px, error,
                                 sizeof(error));
    if (s->render_open)
        s->measure = render_measure(&s->render);
}

void __wrap_shell_display_reset(Shell *s, bool device)
{
    const char *version = getenv("RESET_BITES_VERSION");
    if (!device || !version || strcmp(version, "real") == 0)
        __real_shell_display_reset(s, device);
    else if (strcmp(version, "no-rotation") == 0)
        reset_without_rotation(s);
    else /* textures-kept: the device's reset taken for a lost picture only */
        __real_shell_display_reset(s, false);
}

/* One soak with the version named; its exit status. */
static int soak(const char *version)
{
    setenv("RESET_BITES_VERSION", version, 1);
    Config config;
    config_defaults(&config);
    Bundle bundle;
    Diags diags = { 0 };
    if (!bundle_load(&bundle, "assets/content/en", &diags)) {
        diag_print(&diags, stderr);
        return 2;
    }
    Shell shell;
    char error[512];
    int status = 2;
    if (shell_open(&shell, &config, &bundle, true, 800, 480, 0, error, sizeof(error)))
        status = headless_soak(&shell, EVENTS, 1, stdout);
    else
        fprintf(stderr, "reset_bites: %s\n", error);
    shell_close(&shell);
    bundle_free(&bundle);
    config_free(&config);
    diag_free(&diags);
    return status;
}

/* Runs `self VERSION` and says whether it ended as `want_fail` says, with the line. */
static bool judge(const char *self, const char *version, bool want_fail)
{
    char command[1024], line[512], failed[512] = "";
    snprintf(command, sizeof(command), "'%s' %s 2>&1", self, version);
    FILE *p = popen(command, "r");
    if (!p)
        return false;
    while (fgets(line, sizeof(line), p))
        if (strstr(line, "soak: FAILED"))
            snprintf(failed, sizeof(failed), "%s", line);
    int status = pclose(p);
    bool names_reset = strstr(failed, "display reset") != NULL;
    bool ok = want_fail ? status != 0 && names_reset : status == 0;
    if (ok)
        printf("ok   reset_bites: %s: %s\n", version, want_fail ? "the soak fails at a display reset" : "the soak passes");
    else
        printf("FAIL reset_bites: %s: exit %d, want %s\n     | %s", version, status,
               want_fail ? "a failed soak naming the display reset" : "a soak that passes",
               failed[0] ? failed : "(no failure)\n");
    return ok;
}

int main(int argc, char **argv)
{
    if (argc > 1)
        return soak(argv[1]);
    int passed = judge(argv[0], "real", false) + judge(argv[0], "no-rotation", true) +
                 judge(argv[0], "textures-kept", true);
    printf("reset_bites: %d passed, %d failed\n", passed, 3 - passed);
    return passed == 3 ? 0 : 1;
}
