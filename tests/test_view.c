/* test_view.c — what the view keeps of a session once it ended: after view_forget and the
 * next screen (attract) laid out, nothing of the result that was on screen is left in the
 * view or the draw list: no pointer to its words, no rectangle of the map's dot, even past
 * what attract fills; nor of "Take it home": its text, its codes' modules. And a
 * right-to-left bundle's screens, mirrored: Back on the right,
 * lines drawn against their right edge, progress from the right, the deck's Next on the
 * left, the scale from 1 at the right, the map's axes as they are. In larger text on a
 * small page, the guidance cuts no sentence a page could hold, the home menu's buttons
 * stay on the screen with longer words, presenting the four styles and the sample map no
 * word of theirs goes off the screen, and a couple's first statement names whose turn it
 * is beside "1 of 14", its scale's words whole and apart, and in portrait its answers in
 * a row. The real default
 * bundle (told it reads right to left for those) and config, a fake measure (8 px a byte);
 * run from the project root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <math.h>

#include "../app/core/bundle.h"
#include "../app/core/config.h"
#include "../app/core/flow.h"
#include "../app/view/check.h"
#include "../app/view/view.h"

static int fake_width(void *ctx, FontRole font, const char *text, int len)
{
    (void)ctx;
    (void)font;
    (void)text;
    return 8 * len;
}

typedef struct Fixture {
    Bundle bundle;
    Config config;
    Kiosk kiosk;
    Flow flow;
    View view;
    DrawList list;
    Measure measure;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(*f));
    Diags diags = { 0 };
    if (!f || !bundle_load(&f->bundle, "assets/content/en", &diags))
        return -1;
    diag_free(&diags);
    config_defaults(&f->config);
    kiosk_init(&f->kiosk, &f->config);
    flow_init(&f->flow, &f->bundle, &f->config, &f->kiosk, 0);
    f->measure = (Measure){ fake_width, NULL, { 0 }, { 0 }, NULL };
    for (int i = 0; i < FONT_ROLE_COUNT; i++) {
        f->measure.line_height[i] = 20;
        f->measure.size[i] = 16;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    flow_close(&f->flow);
    bundle_free(&f->bundle);
    config_free(&f->config);
    free(f);
    return 0;
}

/* Whether the `n` bytes at `what` are anywhere in the `size` bytes at `where`. */
static bool holds(const void *where, size_t size, const void *what, size_t n)
{
    const unsigned char *p = where;
    for (size_t i = 0; i + n <= size; i++)
        if (memcmp(p + i, what, n) == 0)
            return true;
    return false;
}

static void a_result_is_forgotten_at_attract(void **state)
{
    Fixture *f = *state;
    QuizSession s;
    quiz_session_start(&s, &f->bundle.quiz);
    for (int i = 0; i < f->bundle.quiz.item_count; i++)
        quiz_session_answer(&s, i % 4 == 0 || i % 4 == 3 ? f->bundle.quiz.points : 1); /* as someone anxious */
    assert_true(s.scored);
    flow_set_quiz(&f->flow, &s);
    flow_show(&f->flow, SCREEN_RESULT, 0, 0);
    view_layout(&f->view, &f->flow, &f->measure, 800, 480, 0, &f->list);

    /* the result as laid out: the style's words on screen (by where they are in the
     * bundle: a line of them starts anywhere in them) and the map's dot */
    const StyleInfo *info = &f->bundle.styles[s.score.style];
    const char *texts[] = { info->sounds, info->summary }, *words = NULL;
    Rect dot = { 0 };
    for (int i = 0; i < f->list.count; i++) {
        const DrawCmd *c = &f->list.cmds[i];
        if (c->kind == DRAW_CIRCLE && c->rect.w > dot.w)
            dot = c->rect; /* the dot's ring, the largest circle */
        for (int t = 0; t < 2 && c->kind == DRAW_TEXT; t++)
            if (texts[t] && c->text >= texts[t] && c->text < texts[t] + strlen(texts[t]))
                words = texts[t];
    }
    assert_non_null(words);
    assert_true(dot.w > 0);
    assert_true(holds(&f->view, sizeof(f->view), &words, sizeof(words)));

    /* the session ends; attract is laid out in the same view and list */
    flow_reset(&f->flow, 1000);
    view_forget(&f->view, &f->list);
    view_layout(&f->view, &f->flow, &f->measure, 800, 480, 1000, &f->list);
    assert_int_equal(f->flow.screen, SCREEN_ATTRACT);
    for (int i = 0; i < f->list.count; i++) /* attract has no such circle itself */
        assert_false(f->list.cmds[i].kind == DRAW_CIRCLE && memcmp(&f->list.cmds[i].rect, &dot, sizeof(dot)) == 0);
    assert_false(holds(&f->list, sizeof(f->list), &dot, sizeof(dot)));
    for (size_t k = 0; k < strlen(words); k++) {
        const char *at = words + k;
        assert_false(holds(&f->list, sizeof(f->list), &at, sizeof(at)));
        assert_false(holds(&f->view, sizeof(f->view), &at, sizeof(at)));
    }
    quiz_session_wipe(&s);
}

static const DrawCmd *code_of(const DrawList *list)
{
    for (int i = 0; i < list->count; i++)
        if (list->cmds[i].kind == DRAW_CODE)
            return &list->cmds[i];
    return NULL;
}

static void a_take_away_is_forgotten_at_attract(void **state)
{
    Fixture *f = *state;
    QuizSession s;
    quiz_session_start(&s, &f->bundle.quiz);
    for (int i = 0; i < f->bundle.quiz.item_count; i++)
        quiz_session_answer(&s, i % 4 == 0 || i % 4 == 3 ? f->bundle.quiz.points : 1); /* as someone anxious */
    flow_set_quiz(&f->flow, &s);
    flow_show(&f->flow, SCREEN_RESULT, 0, 0);
    view_layout(&f->view, &f->flow, &f->measure, 800, 480, 0, &f->list);
    Press take = { ACT_NONE, 0, false };
    for (int i = 0; i < f->list.target_count; i++)
        if (f->list.targets[i].action == ACT_TAKEAWAY)
            take = (Press){ ACT_TAKEAWAY, f->list.targets[i].arg, true };
    assert_true(take.enabled); /* the result offers it */
    flow_action(&f->flow, take.action, take.arg, 1000);
    assert_int_equal(f->flow.screen, SCREEN_TAKEAWAY);
    view_layout(&f->view, &f->flow, &f->measure, 800, 480, 1000, &f->list);
    const DrawCmd *code = code_of(&f->list);
    assert_non_null(code);
    assert_ptr_equal(code->modules, f->view.takeaway.codes[0].dark); /* the view's own buffer */
    assert_true(code->module >= 3); /* 0.5 mm or more at 5.25 px/mm */
    const char *tip = "Self-soothe first\nBefore immediately";
    assert_true(holds(&f->view, sizeof(f->view), tip, strlen(tip)));
    flow_action(&f->flow, ACT_BACK, 0, 2000); /* Back: to the result */
    assert_int_equal(f->flow.screen, SCREEN_RESULT);

    flow_action(&f->flow, ACT_TAKEAWAY, 0, 3000);
    view_layout(&f->view, &f->flow, &f->measure, 800, 480, 3000, &f->list);
    flow_action(&f->flow, ACT_QUICK_EXIT, 0, 4000);
    view_forget(&f->view, &f->list);
    view_layout(&f->view, &f->flow, &f->measure, 800, 480, 4000, &f->list);
    assert_int_equal(f->flow.screen, SCREEN_ATTRACT);
    assert_null(code_of(&f->list));
    assert_false(holds(&f->view, sizeof(f->view), tip, strlen(tip)));
    const unsigned char *p = (const unsigned char *)&f->view.takeaway;
    for (size_t i = 0; i < sizeof(f->view.takeaway); i++)
        assert_int_equal(p[i], 0);
    quiz_session_wipe(&s);
}

/* --- right to left ------------------------------------------------------------------- */

enum { W = 800, H = 480, LONGER_THAN_A_PAGE = 0 /* sentences of the guidance longer than a larger-text page below */ };

/* `screen` laid out at W x H, the bundle read right to left or not. */
static void lay_out(Fixture *f, Screen screen, int page, bool rtl)
{
    f->bundle.rtl = rtl;
    flow_show(&f->flow, screen, 0, 0);
    flow_set_page(&f->flow, page);
    view_layout(&f->view, &f->flow, &f->measure, W, H, 0, &f->list);
    view_layout(&f->view, &f->flow, &f->measure, W, H, 0, &f->list); /* the page, once counted */
}

static Rect target_of(const DrawList *list, Action action, int arg)
{
    for (int i = 0; i < list->target_count; i++)
        if (list->targets[i].action == action && list->targets[i].arg == arg)
            return list->targets[i].rect;
    fail_msg("no target for action %d (%d)", (int)action, arg);
    return (Rect){ 0 };
}

static float middle(Rect r)
{
    return r.x + r.w / 2;
}

/* The text line that starts with `text`, or NULL. */
static const DrawCmd *line_of(const DrawList *list, const char *text)
{
    for (int i = 0; i < list->count; i++) {
        const DrawCmd *c = &list->cmds[i];
        if (c->kind == DRAW_TEXT && c->len >= (int)strlen(text) && memcmp(c->text, text, strlen(text)) == 0)
            return c;
    }
    return NULL;
}

/* A question right to left: Back on the right and Quick exit on the left; the statement
 * (a line as wide as its box) and the title drawn against their right edges; the bar fills
 * from the right; the answers run from 1 at the right. Left to right, each the other way. */
static void a_question_reads_from_the_right(void **state)
{
    Fixture *f = *state;
    QuizSession s;
    quiz_session_start(&s, &f->bundle.quiz);
    for (int i = 0; i < 3; i++)
        quiz_session_answer(&s, 4);
    flow_set_quiz(&f->flow, &s);
    for (int rtl = 0; rtl <= 1; rtl++) {
        lay_out(f, SCREEN_QUESTION, 0, rtl);
        Rect back = target_of(&f->list, ACT_BACK, 0), quick = target_of(&f->list, ACT_QUICK_EXIT, 0);
        assert_int_equal(middle(back) > W / 2, rtl);
        assert_int_equal(middle(quick) < W / 2, rtl);
        assert_int_equal(middle(target_of(&f->list, ACT_ANSWER, 1)) > middle(target_of(&f->list, ACT_ANSWER, 7)), rtl);
        const DrawCmd *title = line_of(&f->list, "4 of");
        assert_non_null(title);
        assert_int_equal(title->align, rtl ? TEXT_ALIGN_RIGHT : TEXT_ALIGN_LEFT);
        assert_int_equal(title->rect.x > W / 2, rtl); /* beside Back */
        int lines = 0;
        for (int i = 0; i < f->list.count; i++)
            if (f->list.cmds[i].kind == DRAW_TEXT) {
                lines++;
                assert_int_equal(f->list.cmds[i].align, rtl ? TEXT_ALIGN_RIGHT : TEXT_ALIGN_LEFT);
            }
        assert_true(lines > 5);
        /* the progress bar: the track, and the accent over 4/14 of it from its start */
        Rect track = { 0 }, done = { 0 };
        for (int i = 0; i < f->list.count; i++) {
            const DrawCmd *c = &f->list.cmds[i];
            if (c->kind == DRAW_RECT && c->rect.h > 0 && c->rect.h < 10 && c->rect.w > W / 2)
                track = c->rect;
            else if (c->kind == DRAW_RECT && c->rect.h > 0 && c->rect.h < 10 && c->colour == f->config.colours[COLOUR_ACCENT])
                done = c->rect;
        }
        assert_true(track.w > 0 && done.w > 0 && done.w < track.w / 2);
        if (rtl)
            assert_float_equal(done.x + done.w, track.x + track.w, 0.01);
        else
            assert_float_equal(done.x, track.x, 0.01);
    }
    quiz_session_wipe(&s);
}

/* A deck right to left: Next on the left of the bottom row, Back (the page before) on the
 * right of the top bar; its lines end at the right edge of the text column. */
static void a_deck_turns_from_the_left(void **state)
{
    Fixture *f = *state;
    for (int rtl = 0; rtl <= 1; rtl++) {
        lay_out(f, SCREEN_CHEMISTRY, 1, rtl);
        assert_true(f->flow.page_count > 2);
        Rect next = target_of(&f->list, ACT_NEXT, 0), back = target_of(&f->list, ACT_BACK, 0);
        assert_int_equal(middle(next) < middle(back), rtl);
        assert_int_equal(middle(next) < W / 2, rtl);
        float edge = rtl ? 0 : W; /* the column's reading start: the rightmost right edge, or the leftmost left */
        for (int i = 0; i < f->list.count; i++) {
            const DrawCmd *c = &f->list.cmds[i];
            if (c->kind == DRAW_TEXT && c->role == TEXT_BODY)
                edge = rtl ? fmaxf(edge, c->rect.x + c->rect.w) : fminf(edge, c->rect.x);
        }
        assert_int_equal(edge > W / 2, rtl);
    }
}

/* The result right to left: the map moves to the right of the words, but it is a chart:
 * avoidance still runs from Low at the left to High at the right under it. */
static void the_map_keeps_its_axes(void **state)
{
    Fixture *f = *state;
    QuizSession s;
    quiz_session_start(&s, &f->bundle.quiz);
    for (int i = 0; i < f->bundle.quiz.item_count; i++)
        quiz_session_answer(&s, 2);
    flow_set_quiz(&f->flow, &s);
    for (int rtl = 0; rtl <= 1; rtl++) {
        lay_out(f, SCREEN_RESULT, 0, rtl);
        const char *low = bundle_word(&f->bundle, WORD_RESULT_LOW), *high = bundle_word(&f->bundle, WORD_RESULT_HIGH);
        const DrawCmd *avoidance = line_of(&f->list, bundle_word(&f->bundle, WORD_RESULT_AVOIDANCE));
        assert_non_null(avoidance);
        assert_int_equal(avoidance->rect.x > W / 2, rtl);
        float lo_x = -1, hi_x = -1; /* the axis words on the avoidance label's line */
        for (int i = 0; i < f->list.count; i++) {
            const DrawCmd *c = &f->list.cmds[i];
            if (c->kind != DRAW_TEXT || c->rect.y != avoidance->rect.y)
                continue;
            if (c->len == (int)strlen(low) && memcmp(c->text, low, strlen(low)) == 0)
                lo_x = c->rect.x;
            if (c->len == (int)strlen(high) && memcmp(c->text, high, strlen(high)) == 0)
                hi_x = c->rect.x;
        }
        assert_true(lo_x >= 0 && hi_x > lo_x);
        assert_true(lo_x < avoidance->rect.x && avoidance->rect.x < hi_x);
    }
    quiz_session_wipe(&s);
}

/* Presenting a talk with the chrome hidden, the projected page has no Back, no Quick exit
 * and no "Aa" to press (H shows all three); shown, they are there. */
static bool has_target(const DrawList *list, Action action)
{
    for (int i = 0; i < list->target_count; i++)
        if (list->targets[i].action == action)
            return true;
    return false;
}

static void a_presented_page_hides_every_control(void **state)
{
    Fixture *f = *state;
    f->config.presenter = true;
    for (int shown = 0; shown <= 1; shown++) {
        flow_show(&f->flow, SCREEN_CHEMISTRY, 0, 0);
        flow_show_talk(&f->flow, 0, shown);
        view_layout(&f->view, &f->flow, &f->measure, W, H, 0, &f->list);
        assert_int_equal(has_target(&f->list, ACT_BACK), shown);
        assert_int_equal(has_target(&f->list, ACT_QUICK_EXIT), shown);
        assert_int_equal(has_target(&f->list, ACT_LARGE_TEXT), shown);
    }
    f->config.presenter = false;
    flow_reset(&f->flow, 0);
}

/* --- larger text ---------------------------------------------------------------------- */

/* Pages of every style's guidance in larger text on a small screen (lines 70 px tall, a
 * page of a few of them) that start or end inside a sentence: the deck's pages are planned
 * over each card, so that only a sentence longer than a page is cut, and each such cut is
 * named twice (where one page ends and the next starts). */
static int cut_sentences(Fixture *f, int *pages)
{
    int cuts = 0;
    *pages = 0;
    for (int style = 0; style < STYLE_COUNT; style++) {
        flow_show(&f->flow, SCREEN_GUIDANCE, 0, 0);
        flow_set_style(&f->flow, (Style)style);
        flow_set_page(&f->flow, 0);
        view_layout(&f->view, &f->flow, &f->measure, W, H, 0, &f->list);
        CheckDeck deck;
        check_deck_start(&deck);
        for (int p = 0; p < f->flow.page_count; p++, (*pages)++) {
            flow_set_page(&f->flow, p);
            view_layout(&f->view, &f->flow, &f->measure, W, H, 0, &f->list);
            CheckReport report = { 0 };
            check_reading(&f->list, &deck, &report);
            for (int i = 0; i < report.count; i++)
                cuts += strstr(report.lines[i], "inside a sentence") != NULL;
        }
    }
    return cuts;
}

static void larger_text_cuts_only_sentences_longer_than_a_page(void **state)
{
    Fixture *f = *state;
    for (int i = 0; i < FONT_ROLE_COUNT; i++)
        f->measure.line_height[i] = 70;
    flow_set_large_text(&f->flow, true);
    int pages, cuts = cut_sentences(f, &pages);
    print_message("larger text: %d pages, %d cut sentences named\n", pages, cuts);
    assert_true(pages > 60);
    assert_true(cuts <= LONGER_THAN_A_PAGE * 2);
    flow_set_large_text(&f->flow, false);
    for (int i = 0; i < FONT_ROLE_COUNT; i++)
        f->measure.line_height[i] = 20;
}

/* A measure `*ctx` pixels a byte wide: longer words, as a translation's. */
static int wide_width(void *ctx, FontRole font, const char *text, int len)
{
    (void)font;
    (void)text;
    return *(const int *)ctx * len;
}

/* The home menu in larger text (lines 40 px tall, a button's 42) at W x H, its words 8 to
 * 16 px a byte wide (at 16, as in Spanish, the intro takes two lines and the labels two
 * each in three columns, which fit only with the plain gap): every button and its words
 * stay on the screen, none cut. Returns how many such problems the checks name. */
static int home_problems(Fixture *f)
{
    int problems = 0;
    Measure keep = f->measure;
    for (int px = 8; px <= 16; px++) {
        f->measure.width = wide_width;
        f->measure.ctx = &px;
        for (int i = 0; i < FONT_ROLE_COUNT; i++)
            f->measure.line_height[i] = i == FONT_BUTTON ? 42 : 40;
        flow_set_large_text(&f->flow, true);
        lay_out(f, SCREEN_HOME, 0, false);
        CheckLimits limits;
        check_limits_default(&limits, &f->config, W, H);
        CheckReport report = { 0 };
        check_screen(&f->list, &f->measure, &limits, &report);
        for (int i = 0; i < report.count; i++)
            if (strstr(report.lines[i], "off the screen") || strstr(report.lines[i], "overflows")) {
                print_message("%d px a byte: %s\n", px, report.lines[i]);
                problems++;
            }
    }
    flow_set_large_text(&f->flow, false);
    f->measure = keep;
    return problems;
}

static void larger_text_keeps_the_home_menu_on_the_screen(void **state)
{
    assert_int_equal(home_problems(*state), 0);
}

/* How many lines of words in `list` reach past a w x h screen. */
static int words_off_screen(const DrawList *list, int w, int h)
{
    int off = 0;
    for (int i = 0; i < list->count; i++) {
        Rect r = list->cmds[i].rect;
        if (list->cmds[i].kind == DRAW_TEXT && (r.x < 0 || r.y < 0 || r.x + r.w > w + 0.5f || r.y + r.h > h + 0.5f))
            off++;
    }
    return off;
}

/* Presenting the four styles and the sample map in larger text, with words measured wide
 * (16 px a byte, as a long language's names in larger text): every word stays on the screen
 * (the map as tall as the room leaves, wider than tall where its names need the width)
 * and the overview's fitting does not fill the draw list. */
static void a_presented_map_keeps_its_words_on_screen(void **state)
{
    Fixture *f = *state;
    const TalkPart *parts;
    int count = bundle_talk(&f->bundle, &parts), off = 0, laid = 0;
    Measure keep = f->measure;
    int px = 16;
    f->config.presenter = true;
    f->measure.width = wide_width;
    f->measure.ctx = &px;
    flow_set_large_text(&f->flow, true);
    for (int part = 0; part < count; part++)
        for (int shown = 0; shown <= 1 && (parts[part] == TALK_STYLES || parts[part] == TALK_MAP); shown++)
            for (int page = 0; page == 0 || page < f->flow.page_count; page++) {
                flow_show(&f->flow, flow_talk_screen(parts[part]), 0, 0);
                flow_show_talk(&f->flow, part, shown);
                flow_set_page(&f->flow, page);
                view_layout(&f->view, &f->flow, &f->measure, W, H, 0, &f->list);
                assert_false(f->list.overflowed);
                off += words_off_screen(&f->list, W, H);
                laid++;
            }
    print_message("presented maps: %d pages laid out, %d words off the screen\n", laid, off);
    assert_int_equal(laid, 2 + 12);
    assert_int_equal(off, 0);
    flow_set_large_text(&f->flow, false);
    f->measure = keep;
    f->config.presenter = false;
    flow_reset(&f->flow, 0);
}

/* Whether two rectangles share any area. */
static bool overlap(Rect a, Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* The first statement in larger text, couple mode, in landscape: whose turn it is stands
 * on the line of "1 of 14", after it and clear of every button (in the usual size, under
 * the progress bar); the scale's words stand each whole on one line, well apart. In
 * portrait, the answers are a row of full targets. */
static void larger_text_sets_the_first_statement_roomily(void **state)
{
    Fixture *f = *state;
    const Quiz *q = &f->bundle.quiz;
    flow_set_couple(&f->flow, COUPLE_A_ANSWERS, NULL, NULL, false);
    QuizSession s;
    quiz_session_start(&s, q);
    flow_set_quiz(&f->flow, &s);
    char turn[64];
    snprintf(turn, sizeof(turn), "%s", bundle_word(&f->bundle, WORD_COUPLE_PARTNER_1));
    for (int large = 0; large <= 1; large++) {
        flow_set_large_text(&f->flow, large);
        lay_out(f, SCREEN_QUESTION, 0, false);
        const DrawCmd *title = line_of(&f->list, "1 of"), *partner = NULL;
        for (int i = 0; i < f->list.count; i++) { /* the line that names the partner */
            const DrawCmd *c = &f->list.cmds[i];
            if (c->kind == DRAW_TEXT && c != title && holds(c->text, (size_t)c->len, turn, strlen(turn)))
                partner = c;
        }
        assert_non_null(title);
        assert_non_null(partner);
        bool beside = partner->rect.y < title->rect.y + title->rect.h && title->rect.y < partner->rect.y + partner->rect.h;
        assert_int_equal(beside, large);
        assert_int_equal(partner->rect.x > title->rect.x + title->rect.w, large);
        for (int i = 0; i < f->list.target_count; i++)
            assert_false(overlap(partner->rect, f->list.targets[i].rect));
    }
    float end = -1;
    for (int i = 1; i <= q->points; i++) {
        if (!q->labels[i])
            continue;
        const DrawCmd *word = line_of(&f->list, q->labels[i]);
        assert_non_null(word);
        assert_int_equal(word->len, (int)strlen(q->labels[i])); /* whole, on one line */
        assert_true(word->rect.x > end + 2 * f->view.metrics.gap);
        end = word->rect.x + word->rect.w;
    }
    view_layout(&f->view, &f->flow, &f->measure, 720, 1280, 0, &f->list);
    Rect first = target_of(&f->list, ACT_ANSWER, 1);
    for (int i = 2; i <= q->points; i++) {
        Rect r = target_of(&f->list, ACT_ANSWER, i);
        assert_float_equal(r.y, first.y, 0.01);
        assert_true(r.x > first.x && r.w >= f->view.metrics.target - 0.01f);
    }
    flow_set_large_text(&f->flow, false);
    flow_reset(&f->flow, 0);
    quiz_session_wipe(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_result_is_forgotten_at_attract),
        cmocka_unit_test(a_take_away_is_forgotten_at_attract),
        cmocka_unit_test(a_question_reads_from_the_right),
        cmocka_unit_test(a_deck_turns_from_the_left),
        cmocka_unit_test(the_map_keeps_its_axes),
        cmocka_unit_test(a_presented_page_hides_every_control),
        cmocka_unit_test(larger_text_cuts_only_sentences_longer_than_a_page),
        cmocka_unit_test(larger_text_keeps_the_home_menu_on_the_screen),
        cmocka_unit_test(a_presented_map_keeps_its_words_on_screen),
        cmocka_unit_test(larger_text_sets_the_first_statement_roomily),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
