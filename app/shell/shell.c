/* shell.c — see shell.h. Event handling reads top to bottom: keys, window, then
 * the loop, which sleeps until input, a signal, a save or the next timer (the pointer and
 * fingers are in touch.c). */
#include "shell.h"
#include "shell_internal.h"
#include "wake.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* --- frames -------------------------------------------------------------------------- */

static void font_sizes(const Shell *s, int px[FONT_ROLE_COUNT])
{
    ViewMetrics vm;
    view_metrics(s->config, s->width, s->height, s->flow.large_text, &vm);
    memcpy(px, vm.font_px, sizeof(vm.font_px));
}

/* The fonts at the sizes the flow asks for now (larger text, or the usual size). */
static void follow_text_size(Shell *s)
{
    int px[FONT_ROLE_COUNT];
    font_sizes(s, px);
    if (memcmp(px, s->render.font_px, sizeof(px)) == 0)
        return;
    if (!render_set_fonts(&s->render, px)) {
        fprintf(stderr, "attune: cannot open the fonts at another size (%s)\n", SDL_GetError());
        return;
    }
    s->measure = render_measure(&s->render);
    s->dirty = true;
}

void shell_frame(Shell *s, long now, bool force)
{
    /* the picture changes by itself too: a countdown's next second, an animation's frame */
    if (!s->render_open)
        return; /* a display reset that could not be undone: the app is closing */
    shell_notice_reset(s);
    follow_text_size(s);
    /* every line takes the bundle's direction as its paragraph's (a cheap no-op when same) */
    render_set_base(&s->render, s->flow.bundle->rtl ? RENDER_BASE_RTL : RENDER_BASE_LTR);
    bool due = s->list.next_change_ms >= 0 && now - s->laid_out_at >= s->list.next_change_ms;
    if (force || s->dirty || s->flow.changes != s->seen_changes || s->list.animating || due) {
        view_layout(&s->view, &s->flow, &s->measure, s->width, s->height, now, &s->list);
        s->laid_out_at = now;
        s->seen_changes = s->flow.changes;
        s->dirty = false;
        s->stats.frames_laid_out++;
    }
    if (render_frame(&s->render, &s->list, s->config->colours[COLOUR_BACKGROUND])) {
        if (s->stats.frames_presented++ == 0)
            s->stats.first_frame_ms = (long)(SDL_GetTicks64() - s->opened_at);
    }
}

void shell_forget(Shell *s)
{
    view_forget(&s->view, &s->list);
    if (s->render_open)
        render_forget(&s->render);
    s->down_x = s->down_y = s->last_x = s->last_y = 0; /* where the last person touched */
    s->dirty = true;
}

void shell_resize(Shell *s, int width, int height)
{
    if (width == s->width && height == s->height)
        return;
    int old_w = s->width, old_h = s->height, px[FONT_ROLE_COUNT];
    s->width = width;
    s->height = height;
    font_sizes(s, px);
    if (!render_resize(&s->render, width, height, px)) {
        fprintf(stderr, "attune: cannot redraw at %dx%d (%s); keeping %dx%d\n", width, height,
                SDL_GetError(), old_w, old_h);
        s->width = old_w;
        s->height = old_h;
        return;
    }
    s->measure = render_measure(&s->render);
    s->dirty = true;
}

void shell_display_reset(Shell *s, bool device)
{
    s->dirty = true;
    if (!device) {
        render_invalidate(&s->render);
        return;
    }
    char error[512];
    int px[FONT_ROLE_COUNT];
    font_sizes(s, px);
    render_close(&s->render);
    s->render_open = render_open(&s->render, s->sdl, s->config, s->width, s->height, px, error, sizeof(error));
    if (!s->render_open) {
        fprintf(stderr, "attune: the display was reset and cannot be drawn again: %s\n", error);
        s->quit = true;
        return;
    }
    render_set_rotation(&s->render, s->rotation, s->panel_w, s->panel_h);
    s->measure = render_measure(&s->render);
}

/* --- keys ---------------------------------------------------------------------------- */

/* Right and Left turn pages here: on a deck, and with [kiosk] presenter (a clicker may send
 * them for PageDown and PageUp) on attract, home and every screen of the talk. */
static bool on_deck(const Flow *f)
{
    bool clicker = f->config->presenter &&
                   (flow_presenting(f) || f->screen == SCREEN_ATTRACT || f->screen == SCREEN_HOME);
    return clicker || f->screen == SCREEN_GUIDANCE || f->screen == SCREEN_CHEMISTRY ||
           f->screen == SCREEN_PARTNERS || f->screen == SCREEN_SUPPORT;
}

enum {
    KEYMAP_QUICK_EXIT = 1 << 0, /* only with [kiosk] quick_exit; else it only keeps the session */
    KEYMAP_SHIFTED = 1 << 1,    /* with Shift held: `other` */
    KEYMAP_DECK = 1 << 2,       /* on a deck: `other` */
};

/* The keys the flow understands: `count` keys from `key` map to `to` onwards (the digits),
 * or, when a flag says so, to `other`. Any other key only keeps the session. */
static const struct KeyMap {
    SDL_Keycode key;
    int count;
    FlowKey to, other;
    unsigned flags;
} key_map[] = {
    { SDLK_ESCAPE, 1, KEY_QUICK_EXIT, KEY_QUICK_EXIT, KEYMAP_QUICK_EXIT },
    { SDLK_LSHIFT, 1, KEY_SHIFT, KEY_SHIFT, KEYMAP_QUICK_EXIT },
    { SDLK_RSHIFT, 1, KEY_SHIFT, KEY_SHIFT, KEYMAP_QUICK_EXIT },
    { SDLK_TAB, 1, KEY_FOCUS_NEXT, KEY_FOCUS_PREV, KEYMAP_SHIFTED },
    { SDLK_DOWN, 1, KEY_FOCUS_NEXT, KEY_FOCUS_NEXT, 0 },
    { SDLK_UP, 1, KEY_FOCUS_PREV, KEY_FOCUS_PREV, 0 },
    { SDLK_RIGHT, 1, KEY_FOCUS_NEXT, KEY_NEXT_PAGE, KEYMAP_DECK },
    { SDLK_LEFT, 1, KEY_FOCUS_PREV, KEY_PREV_PAGE, KEYMAP_DECK },
    { SDLK_PAGEDOWN, 1, KEY_NEXT_PAGE, KEY_NEXT_PAGE, 0 },
    { SDLK_PAGEUP, 1, KEY_PREV_PAGE, KEY_PREV_PAGE, 0 },
    { SDLK_RETURN, 1, KEY_ACTIVATE, KEY_ACTIVATE, 0 },
    { SDLK_KP_ENTER, 1, KEY_ACTIVATE, KEY_ACTIVATE, 0 },
    { SDLK_SPACE, 1, KEY_ACTIVATE, KEY_ACTIVATE, 0 },
    { SDLK_1, 9, KEY_DIGIT_1, KEY_DIGIT_1, 0 },    /* 1..9 */
    { SDLK_KP_1, 9, KEY_DIGIT_1, KEY_DIGIT_1, 0 }, /* the keypad's 1..9 */
};

/* The flow's key for `key`, or false when the flow has none for it (here and now). */
static bool map_key(const Shell *s, SDL_Keycode key, bool shift, FlowKey *out)
{
    if (s->flow.bundle->rtl && (key == SDLK_LEFT || key == SDLK_RIGHT))
        key = key == SDLK_LEFT ? SDLK_RIGHT : SDLK_LEFT; /* right to left, forward is to the left */
    for (size_t i = 0; i < sizeof(key_map) / sizeof(key_map[0]); i++) {
        const struct KeyMap *m = &key_map[i];
        if (key < m->key || key >= m->key + m->count)
            continue;
        if ((m->flags & KEYMAP_QUICK_EXIT) && !s->config->quick_exit)
            return false;
        bool other = ((m->flags & KEYMAP_SHIFTED) && shift) || ((m->flags & KEYMAP_DECK) && on_deck(&s->flow));
        *out = (FlowKey)((other ? m->other : m->to) + (key - m->key));
        return true;
    }
    return false;
}

void shell_key(Shell *s, SDL_Keycode key, Uint16 mods, long now)
{
    Flow *f = &s->flow;
    bool ctrl = mods & KMOD_CTRL, shift = mods & KMOD_SHIFT, alt = mods & KMOD_ALT;
    const ProfilePolicy *policy = profile_policy(s->config->profile);
    if (shell_wake_screen(s)) {
        flow_input(f, now);
        return;
    }
    if ((ctrl && key == SDLK_q) || (alt && key == SDLK_F4)) {
        flow_input(f, now);
        shell_quit_request(s);
        return;
    }
    if (ctrl || alt || (mods & KMOD_GUI)) { /* Ctrl+Alt+F2 and the like do nothing here */
        flow_input(f, now);
        return;
    }
    if (policy->b_blanks && key == SDLK_b) { /* a presentation clicker's "blank screen" */
        flow_toggle_blank(f, now);
        return;
    }
    if (s->config->presenter && key == SDLK_h && flow_presenting(f)) { /* the chrome, hidden while presenting */
        flow_toggle_chrome(f, now);
        return;
    }
    if (!policy->escape_exits && key == SDLK_ESCAPE) { /* a facilitator's stray Escape wipes nothing */
        flow_input(f, now);
        return;
    }
    if (key == SDLK_F11 && policy->f11_fullscreen && s->window) {
        bool full = SDL_GetWindowFlags(s->window) & SDL_WINDOW_FULLSCREEN_DESKTOP;
        SDL_SetWindowFullscreen(s->window, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
        return;
    }
    FlowKey k;
    if (!map_key(s, key, shift, &k)) {
        flow_input(f, now); /* any key keeps the session */
        return;
    }
    Presses targets;
    draw_presses(&s->list, &targets);
    flow_key(f, k, &targets, now);
}

void shell_quit_request(Shell *s)
{
    if (profile_policy(s->config->profile)->closable)
        s->quit = true; /* else closed by staff only (FLOW_WANTS_QUIT) */
}

/* The tally to its file now (on the hour, after a reset, at the end). */
static void save_tally(Shell *s)
{
    kiosk_tally_saved(&s->kiosk);
    if (s->kiosk.tally_on && s->hooks.save_tally)
        s->hooks.save_tally(s->hooks.ctx, &s->kiosk.tally);
}

void shell_reload(Shell *s, const char *from)
{
    if (!s->hooks.reload)
        return;
    s->reload_held = s->hooks.reload(s->hooks.ctx, &s->flow, from);
    s->view.deck_key = 0;
    s->dirty = true;
}

bool shell_watch(Shell *s, const char *dir)
{
    if (s->files >= 0)
        close(s->files);
    s->files = plat_files_watch(dir);
    s->input.files = s->files;
    return s->files >= 0;
}

/* An author's saves: a burst is reloaded once the folder has been still SHELL_SETTLE_MS. */
static void notice_saves(Shell *s, long now)
{
    if (s->files >= 0 && plat_files_changed(s->files) > 0) {
        if (s->reload_due < 0)
            s->files_first = now;
        long settled = now + SHELL_SETTLE_MS, latest = s->files_first + SHELL_SETTLE_MAX_MS;
        s->reload_due = settled < latest ? settled : latest;
    }
    if (s->reload_due < 0 || now < s->reload_due)
        return;
    s->reload_due = -1;
    if (!s->hooks.reload_here)
        return;
    s->reload_held = s->hooks.reload_here(s->hooks.ctx, &s->flow);
    s->view.deck_key = 0;
    s->dirty = true;
}

void shell_tick(Shell *s, long now)
{
    Flow *f = &s->flow;
    notice_saves(s, now);
    flow_tick(f, now);
    shell_notice_reset(s); /* an idle reset, a quick exit: forget the finger and the session */
    if (s->down && s->corner && now - s->down_at >= FLOW_LONG_PRESS_MS) {
        s->down = s->corner = false; /* this press is used up: its release presses nothing */
        flow_long_press(f, now);
    }
    unsigned wants = flow_take_wants(f);
    if (wants & FLOW_WANTS_QUIT)
        s->quit = true;
    if (wants & FLOW_WANTS_RELOAD)
        shell_reload(s, NULL);
    if (s->reload_held && f->screen == SCREEN_ATTRACT && s->hooks.reload_apply) {
        s->reload_held = false; /* the person has gone: the checked content comes in */
        s->hooks.reload_apply(s->hooks.ctx, f);
        s->view.deck_key = 0;
        s->dirty = true;
    }
    if ((wants & FLOW_WANTS_TALLY_SAVE) || kiosk_tally_save_in(&s->kiosk, now) == 0)
        save_tally(s);
    if ((wants & FLOW_WANTS_PIN_LOCK_SAVE) && s->hooks.save_pin_lock)
        s->hooks.save_pin_lock(s->hooks.ctx, &s->kiosk.pin_lock, now);
    long idle = now - (f->last_input > f->entered ? f->last_input : f->entered);
    bool resting = f->screen == SCREEN_ATTRACT || f->screen == SCREEN_UNAVAILABLE;
    if (plat_dimmer_update(&s->dimmer, resting, idle) || (wants & FLOW_WANTS_BRIGHTNESS))
        shell_show_level(s);
}

long shell_next_timer(const Shell *s, long now)
{
    long due = flow_next_timer(&s->flow, now);
    if (s->down && s->corner) {
        long press = s->down_at + FLOW_LONG_PRESS_MS - now;
        if (press < 0)
            press = 0;
        if (due < 0 || press < due)
            due = press;
    }
    const Flow *f = &s->flow;
    long idle = now - (f->last_input > f->entered ? f->last_input : f->entered);
    bool resting = f->screen == SCREEN_ATTRACT || f->screen == SCREEN_UNAVAILABLE;
    long dim = plat_dimmer_next_ms(&s->dimmer, resting, idle);
    if (dim >= 0 && (due < 0 || dim < due))
        due = dim;
    long save = kiosk_tally_save_in(&s->kiosk, now);
    if (save >= 0 && (due < 0 || save < due))
        due = save;
    if (s->reload_due >= 0) {
        long reload = s->reload_due > now ? s->reload_due - now : 0;
        if (due < 0 || reload < due)
            due = reload;
    }
    if (s->flow.wants)
        due = 0;
    return due;
}

/* --- opening and the loop ------------------------------------------------------------ */

static void measure_panel(Shell *s);

#define SEE_WITHOUT_DISPLAY "to see the app without one, run attune --tour --size 800x480 " \
    "--shots DIR (every screen as a picture) or attune --headless --size 800x480 --script FILE"

/* With no X, Wayland or console screen, SDL falls back to a driver that draws nowhere
 * (offscreen): the app would run unseen until killed. That is refused with one sentence,
 * unless the person chose that driver themselves (SDL_VIDEODRIVER, as the tests do). */
static bool no_display(char *error, size_t error_size)
{
    const char *driver = SDL_GetCurrentVideoDriver(), *chosen = SDL_getenv("SDL_VIDEODRIVER");
    bool nowhere = driver && (strcmp(driver, "offscreen") == 0 || strcmp(driver, "dummy") == 0);
    if (!nowhere || (chosen && chosen[0]))
        return false;
    snprintf(error, error_size, "there is no display to show the app on (no X, Wayland or "
             "console screen here); " SEE_WITHOUT_DISPLAY);
    return true;
}

bool shell_open(Shell *s, const Config *c, const Bundle *b, bool headless, int width, int height,
                long now, char *error, size_t error_size)
{
    memset(s, 0, sizeof(*s));
    s->signals = s->files = -1;
    s->reload_due = -1;
    s->config = c;
    s->bundle = b;
    s->headless = headless;
    s->opened_at = SDL_GetTicks64();
    if (headless) {
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    } else {
        plat_video_hints(); /* on a Pi's console: KMSDRM on the card with the panel */
        /* SIGTERM (systemd's stop), SIGINT and SIGHUP come to the loop as a file to read,
         * not as SDL_QUIT, which a kiosk refuses: blocked before SDL starts any thread */
        SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
        s->signals = plat_signals_open();
        if (s->signals < 0)
            fprintf(stderr, "attune: warning: cannot take SIGTERM and SIGHUP (%s); they keep "
                    "their default actions\n", strerror(errno));
    }
    /* touches arrive as touches; we do not want SDL's pretend mouse (or the reverse) */
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        snprintf(error, error_size, "cannot open the display (%s)%s", SDL_GetError(),
                 headless ? "" : "; " SEE_WITHOUT_DISPLAY);
        return false;
    }
    if (!headless && no_display(error, error_size))
        return false;
    if (!headless) { /* software where there is no GPU; GLES or GL where there is one */
        char chose[256];
        render_pick(chose, sizeof(chose));
        fprintf(stderr, "attune: renderer: %s\n", chose);
    }
    int w = width > 0 ? width : c->width, h = height > 0 ? height : c->height;
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI | (headless ? 0 : SDL_WINDOW_RESIZABLE);
    if (c->fullscreen && !headless)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    s->window = SDL_CreateWindow(bundle_word(b, WORD_ATTRACT_TITLE), SDL_WINDOWPOS_CENTERED,
                                 SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!s->window) {
        snprintf(error, error_size, "cannot open a window: %s", SDL_GetError());
        return false;
    }
    s->sdl = SDL_CreateRenderer(s->window, -1, headless ? SDL_RENDERER_SOFTWARE : 0);
    if (!s->sdl && !headless)
        s->sdl = SDL_CreateRenderer(s->window, -1, SDL_RENDERER_SOFTWARE);
    if (!s->sdl) {
        snprintf(error, error_size, "cannot draw in the window: %s", SDL_GetError());
        return false;
    }
    /* SDL does not turn KMSDRM output: the picture is drawn upright at the logical size
     * and turned onto the panel when it is shown (headless runs draw it upright) */
    s->rotation = headless ? 0 : c->rotation;
    measure_panel(s);
    int px[FONT_ROLE_COUNT];
    font_sizes(s, px);
    if (!render_open(&s->render, s->sdl, c, s->width, s->height, px, error, error_size))
        return false;
    render_set_rotation(&s->render, s->rotation, s->panel_w, s->panel_h);
    s->render_open = true;
    s->measure = render_measure(&s->render);
    render_glyphs_check(&s->render, b); /* at load, never when a screen shows them */
    kiosk_init(&s->kiosk, c);
    shell_restart(s, now);
    if (!headless) {
        plat_hide_cursor(!profile_policy(c->profile)->cursor);
        if (c->fullscreen)
            plat_screensaver_off();
    }
    /* the light: a panel's backlight where there is one (never on a desktop), else black */
    plat_backlight_open(&s->backlight, headless ? NULL : plat_backlight_root(), c->backlight);
    plat_dimmer_init(&s->dimmer, c->dim_after, c->off_after);
    shell_show_level(s); /* full brightness at start, even if a crash left the panel dark */
    return true;
}

void shell_restart(Shell *s, long now)
{
    shell_drop_finger(s);
    flow_init(&s->flow, s->bundle, s->config, &s->kiosk, now); /* the kiosk stays as it is */
    s->seen_resets = s->flow.resets;
    shell_forget(s);
    SDL_RendererInfo info = { 0 };
    SDL_GetRendererInfo(s->sdl, &info);
    char facts[KIOSK_INFO_SIZE];
    snprintf(facts, sizeof(facts), "%dx%d · %s · %s · rotation %d", s->width, s->height,
             SDL_GetCurrentVideoDriver(), info.name ? info.name : "?", s->config->rotation);
    kiosk_set_display_info(&s->kiosk, facts);
    s->dirty = true;
}

/* The panel's size, the window's scale and the logical size that follows from them. */
static void measure_panel(Shell *s)
{
    int ww = 0, wh = 0;
    SDL_GetRendererOutputSize(s->sdl, &s->panel_w, &s->panel_h);
    SDL_GetWindowSize(s->window, &ww, &wh);
    s->scale_x = ww > 0 ? (float)s->panel_w / ww : 1;
    s->scale_y = wh > 0 ? (float)s->panel_h / wh : 1;
    rotate_logical_size(s->rotation, s->panel_w, s->panel_h, &s->width, &s->height);
}

/* A point on the panel (normalised 0..1, as touches come) in logical drawing pixels. */
static void to_logical(const Shell *s, float nx, float ny, float *x, float *y)
{
    rotate_to_logical(s->rotation, s->width, s->height, nx, ny, x, y);
}

/* The mouse, in window points, as a normalised panel point. */
static void mouse_point(const Shell *s, int wx, int wy, float *x, float *y)
{
    float nx = s->panel_w > 0 ? wx * s->scale_x / s->panel_w : 0;
    float ny = s->panel_h > 0 ? wy * s->scale_y / s->panel_h : 0;
    to_logical(s, nx, ny, x, y);
}

static void handle(Shell *s, const SDL_Event *e, long now)
{
    float x, y;
    switch (e->type) {
    case SDL_QUIT:
        shell_quit_request(s);
        break;
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.which != SDL_TOUCH_MOUSEID && e->button.button == SDL_BUTTON_LEFT) {
            mouse_point(s, e->button.x, e->button.y, &x, &y);
            shell_pointer_down(s, x, y, now);
        }
        break;
    case SDL_MOUSEMOTION:
        if (e->motion.which != SDL_TOUCH_MOUSEID) {
            mouse_point(s, e->motion.x, e->motion.y, &x, &y);
            shell_pointer_move(s, x, y, now);
        }
        break;
    case SDL_MOUSEBUTTONUP:
        if (e->button.which != SDL_TOUCH_MOUSEID && e->button.button == SDL_BUTTON_LEFT) {
            mouse_point(s, e->button.x, e->button.y, &x, &y);
            shell_pointer_up(s, x, y, now);
        }
        break;
    /* Touch: normalised 0..1 over the panel (under KMSDRM there is no window id and no
     * synthetic mouse), turned back into logical pixels. One finger at a time. */
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
        to_logical(s, e->tfinger.x, e->tfinger.y, &x, &y);
        if (e->type == SDL_FINGERDOWN)
            shell_finger_down(s, e->tfinger.fingerId, x, y, now);
        else if (e->type == SDL_FINGERMOTION)
            shell_finger_move(s, e->tfinger.fingerId, x, y, now);
        else
            shell_finger_up(s, e->tfinger.fingerId, x, y, now);
        break;
    case SDL_KEYDOWN:
        if (!e->key.repeat)
            shell_key(s, e->key.keysym.sym, e->key.keysym.mod, now);
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            int lw = s->width, lh = s->height;
            measure_panel(s);
            int nw = s->width, nh = s->height;
            s->width = lw; /* shell_resize compares with the old size */
            s->height = lh;
            shell_resize(s, nw, nh);
            render_set_rotation(&s->render, s->rotation, s->panel_w, s->panel_h);
        } else if (e->window.event == SDL_WINDOWEVENT_EXPOSED) {
            render_invalidate(&s->render);
        }
        break;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        shell_display_reset(s, e->type == SDL_RENDER_DEVICE_RESET);
        break;
    default:
        break;
    }
}

/* How long the loop may sleep: until the next timer or animation frame, else forever. */
static int sleep_ms(const Shell *s, long now)
{
    long wait = shell_next_timer(s, now);
    uint64_t ping = plat_watchdog_wait_ms(s->watchdog.last, (uint64_t)now, s->watchdog.every);
    if (s->watchdog.every && (wait < 0 || ping < (uint64_t)wait))
        wait = (long)ping; /* an idle screen still tells systemd the loop is alive */
    if (s->list.next_change_ms >= 0 && (wait < 0 || s->list.next_change_ms < wait))
        wait = s->list.next_change_ms;
    if (wait < 0)
        return -1;
    return wait > 1000000 ? 1000000 : (int)wait;
}

/* The loop sleeps in one poll() on everything that can wake it (platform.h's
 * plat_input_wait): the display connection (X11's socket, Wayland's), or on a console
 * (KMSDRM, which has none) the input devices, the signals (a signalfd), the content
 * folder's watch, and the next timer as the timeout. So a static screen costs no wakeup.
 * SDL's own wait would not do: SDL 2.26 polls every millisecond on KMSDRM, and on X11 a
 * signal cannot end its sleep. Before each sleep SDL is pumped, so that nothing it has
 * read already waits in its queue, nor in Xlib's (events read with a reply). Where
 * neither a display connection nor the input devices can be had, the loop looks every
 * POLL_MS, so a touch waits at most one more display frame. */
enum { POLL_MS = 16 };

/* Like SDL_WaitEventTimeout (`wait` < 0: forever), sleeping in plat_input_wait where
 * `s->can_sleep`, else looking every POLL_MS. Returns 0 after a wake that brought no
 * event (a signal, a save, the timer): the loop looks at them. */
static int wait_event(Shell *s, SDL_Event *e, int wait)
{
    Uint64 start = SDL_GetTicks64();
    for (int woken = 0;; woken++) {
        for (int i = 0; i < 8; i++) { /* pumping can read more into Xlib's queue */
            SDL_PumpEvents();
            if (!wake_display_queued(s->x11))
                break;
        }
        if (SDL_PeepEvents(e, 1, SDL_GETEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0)
            return 1;
        Uint64 waited = SDL_GetTicks64() - start;
        if (woken || (wait >= 0 && waited >= (Uint64)wait))
            return 0;
        int left = wait < 0 ? -1 : (int)((Uint64)wait - waited);
        int woke = s->can_sleep ? plat_input_wait(&s->input, left) : -1;
        if (woke == 2)
            return 0; /* a signal: the loop takes it */
        if (woke < 0)
            SDL_Delay(left >= 0 && left < POLL_MS ? (Uint32)left : POLL_MS);
        else if (woke == 0)
            return 0;
    }
}

/* What the loop sleeps on: the display connection where there is one, else the input
 * devices; the signals and the content folder's watch either way. */
static void open_wakers(Shell *s)
{
    int display = s->headless ? -1 : wake_display_fd(s->window, &s->x11);
    char why[256];
    bool devices = display < 0 && !s->headless;
    s->can_sleep = plat_input_open(&s->input, devices ? NULL : "", why, sizeof(why));
    if (!s->can_sleep)
        fprintf(stderr, "attune: %s\n", why);
    if (display < 0 && !devices)
        s->can_sleep = false;
    s->input.display = display;
    s->input.signals = s->signals;
    s->input.files = s->files;
}

/* SIGTERM and SIGINT close the app in every profile (systemd stopping it, Ctrl+C in a
 * terminal); SIGHUP (systemctl reload attune) checks and reloads the content, like the
 * staff menu's button. */
static void take_signals(Shell *s)
{
    for (int sig; (sig = plat_signals_read(s->signals)) > 0;) {
        if (sig == SIGHUP) {
            fprintf(stderr, "attune: SIGHUP: reloading the content\n");
            flow_want(&s->flow, FLOW_WANTS_RELOAD);
        } else {
            fprintf(stderr, "attune: %s: closing\n", sig == SIGTERM ? "SIGTERM" : "SIGINT");
            s->quit = true;
        }
    }
}

int shell_run(Shell *s)
{
    long now = (long)SDL_GetTicks64();
    open_wakers(s);
    shell_frame(s, now, true);
    /* under systemd (Type=notify): ready once the first frame is up, then alive */
    plat_watchdog_ready(&s->watchdog, (uint64_t)now);
    while (!s->quit) {
        SDL_Event e;
        int wait = sleep_ms(s, now);
        int got = wait_event(s, &e, wait);
        now = (long)SDL_GetTicks64();
        if (got) {
            handle(s, &e, now);
            while (SDL_PollEvent(&e))
                handle(s, &e, now);
        }
        take_signals(s);
        shell_tick(s, now);
        shell_frame(s, now, false);
        plat_watchdog_alive(&s->watchdog, (uint64_t)now);
    }
    plat_watchdog_stopping();
    save_tally(s); /* what was counted since the last hour */
    fprintf(stderr, "attune: closed\n");
    return 0;
}

void shell_close(Shell *s)
{
    if (s->kiosk.tally_unsaved) /* a headless run's end (shell_run has saved already) */
        save_tally(s);
    plat_signals_close(s->signals);
    s->signals = -1;
    if (s->files >= 0)
        close(s->files);
    s->files = -1;
    flow_close(&s->flow);
    plat_input_close(&s->input);
    if (s->render_open)
        render_close(&s->render);
    if (s->sdl)
        SDL_DestroyRenderer(s->sdl);
    if (s->window)
        SDL_DestroyWindow(s->window);
    SDL_Quit();
}
