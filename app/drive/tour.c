/* tour.c — every screen and page, laid out, checked and saved (headless_tour in
 * headless.h). The tour is a table of stops; each stop puts the flow in a state a person
 * can reach (through the flow's staging calls, settled with no fade) and visits it, or
 * every page of it. */
#include "headless.h"
#include "run.h"

#include "../view/check.h"

#include <string.h>

typedef struct Tour {
    Shell *shell;
    const char *shots;
    char prefix[CONFIG_MAX_CODE + 8]; /* "es-" before each name when several languages are
                                       * toured, "large-" before that in larger text */
    FILE *out;
    long now;
    int screens, problems;
    CheckLimits limits;
    CheckReport report;
    CheckDeck deck;         /* the reading check's memory of the deck's pages so far */
} Tour;

/* Lays out what the flow shows now, checks it (the layout and, for a deck's page, the
 * reading), and saves it. */
static void visit(Tour *t, const char *stop_name)
{
    Shell *s = t->shell;
    char name[128];
    snprintf(name, sizeof(name), "%s%s", t->prefix, stop_name);
    s->dirty = true;
    shell_frame(s, s->flow.now, true);
    t->screens++;
    check_report_clear(&t->report);
    check_screen(&s->list, &s->measure, &t->limits, &t->report);
    check_reading(&s->list, &t->deck, &t->report);
    for (int i = 0; i < t->report.count; i++)
        fprintf(t->out, "problem: %s: %s\n", name, t->report.lines[i]);
    if (t->report.dropped)
        fprintf(t->out, "problem: %s: %d more problems\n", name, t->report.dropped);
    t->problems += t->report.count + t->report.dropped;
    int side = 0;
    double mm = check_code_mm(&s->list, &t->limits, &side);
    if (mm > 0)
        fprintf(t->out, "code: %s: %d modules a side, each %.2f mm (at least %.2f)\n", name, side, mm,
                t->limits.min_module_mm);
    if (t->shots)
        run_save_shot(s, t->shots, name, t->out);
}

/* Visits every page of the deck on screen as NAME-1, NAME-2, … */
static void visit_pages(Tour *t, const char *name)
{
    Flow *f = &t->shell->flow;
    flow_set_page(f, 0);
    shell_frame(t->shell, f->now, true); /* learn the page count */
    int pages = f->page_count;
    check_deck_start(&t->deck);
    for (int p = 0; p < pages; p++) {
        flow_set_page(f, p);
        char label[96];
        snprintf(label, sizeof(label), "%s-%d", name, p + 1);
        visit(t, label);
    }
}

/* `screen` now, settled: no fade. */
static void show(Tour *t, Screen screen)
{
    flow_show(&t->shell->flow, screen, t->now - FLOW_TRANSITION_MS, t->now);
    check_deck_start(&t->deck);
}

/* Where the tour's answers put a dimension: at the low end, on the scale's middle answer
 * (on the line, which the default threshold counts as high), or at the high end. */
typedef enum Level { LOW, MIDDLE, HIGH } Level;

/* Answers every item so that the anxiety items land at `anxiety` and the avoidance items
 * at `avoidance`. */
static void answer_for(QuizSession *session, const Quiz *q, Level anxiety, Level avoidance)
{
    quiz_session_start(session, q);
    for (int i = 0; i < q->item_count; i++) {
        const QuizItem *item = &q->items[i];
        Level level = item->dimension == DIM_ANXIETY ? anxiety : avoidance;
        int a = ((level == HIGH) != item->reverse) ? q->points : 1;
        if (level == MIDDLE)
            a = (q->points + 1) / 2;
        quiz_session_answer(session, a);
    }
}

/* --- the stops, in the order a person meets them ------------------------------------ */

static void stop_welcome(Tour *t)
{
    show(t, SCREEN_ATTRACT);
    visit(t, "attract");
    show(t, SCREEN_CONSENT);
    visit_pages(t, "consent");
    show(t, SCREEN_HOME);
    visit(t, "home");
}

/* Each statement, answered along the way; then the results (below), and one with every
 * statement skipped. */
static void stop_quiz(Tour *t)
{
    Flow *f = &t->shell->flow;
    const Quiz *q = &t->shell->flow.bundle->quiz;
    QuizSession session;
    quiz_session_start(&session, q);
    for (int i = 0; i < q->item_count; i++) {
        flow_set_quiz(f, &session);
        show(t, SCREEN_QUESTION);
        char name[64];
        snprintf(name, sizeof(name), "question-%d", i + 1);
        visit(t, name);
        quiz_session_answer(&session, 1 + i % q->points);
    }
    /* a result for each style, one near the middle, and one near each line (the longest
     * headlines: a style's name and the line it sits near) */
    static const struct { Level anxiety, avoidance; const char *name; } results[] = {
        { LOW, LOW, "secure" }, { HIGH, LOW, "anxious" }, { LOW, HIGH, "avoidant" },
        { HIGH, HIGH, "disorganized" }, { MIDDLE, MIDDLE, "near" },
        { HIGH, MIDDLE, "near-avoidance-high" }, { LOW, MIDDLE, "near-avoidance-low" },
        { MIDDLE, HIGH, "near-anxiety-high" }, { MIDDLE, LOW, "near-anxiety-low" },
    };
    for (size_t i = 0; i < sizeof(results) / sizeof(results[0]); i++) {
        answer_for(&session, q, results[i].anxiety, results[i].avoidance);
        flow_set_quiz(f, &session);
        show(t, SCREEN_RESULT);
        char name[64];
        snprintf(name, sizeof(name), "result-%s", results[i].name);
        visit_pages(t, name);
    }
    /* every statement skipped: not enough answers to place the person */
    quiz_session_start(&session, q);
    while (quiz_session_skip(&session))
        ;
    flow_set_quiz(f, &session);
    show(t, SCREEN_RESULT);
    visit_pages(t, "result-unplaced");
    quiz_session_wipe(&session);
    flow_set_quiz(f, NULL);
}

/* The list of four styles, then each style's guidance. */
static void stop_guidance(Tour *t)
{
    Flow *f = &t->shell->flow;
    show(t, SCREEN_GUIDANCE);
    flow_set_style(f, STYLE_COUNT);
    visit(t, "styles");
    for (int st = 0; st < STYLE_COUNT; st++) {
        show(t, SCREEN_GUIDANCE);
        flow_set_style(f, (Style)st);
        char name[64];
        snprintf(name, sizeof(name), "guidance-%s", quiz_style_id((Style)st));
        visit_pages(t, name);
    }
}

static void stop_decks(Tour *t)
{
    static const struct { Screen screen; const char *name; } decks[] = {
        { SCREEN_CHEMISTRY, "chemistry" }, { SCREEN_PARTNERS, "partners" }, { SCREEN_SUPPORT, "support" },
    };
    for (size_t i = 0; i < sizeof(decks) / sizeof(decks[0]); i++) {
        show(t, decks[i].screen);
        visit_pages(t, decks[i].name);
    }
}

/* The calm minute: breathing in, holding, breathing out, then the grounding. */
static void stop_calm(Tour *t)
{
    Flow *f = &t->shell->flow;
    const Calm *calm = &t->shell->flow.bundle->calm;
    long now = t->now;
    long phases[] = { calm->inhale * 500L, calm->inhale * 1000L + calm->hold * 500L,
                      (calm->inhale + calm->hold) * 1000L + calm->exhale * 500L };
    const char *phase_names[] = { "calm-in", "calm-hold", "calm-out" };
    for (int i = 0; i < 3; i++) {
        flow_show(f, SCREEN_CALM, now - phases[i], now);
        visit(t, phase_names[i]);
    }
    flow_show(f, SCREEN_CALM, now - (long)(calm->inhale + calm->hold + calm->exhale) * 1000 * calm->breaths, now);
    visit_pages(t, "calm-grounding");
}

/* The still-there overlay, over the home menu. */
static void stop_idle(Tour *t)
{
    show(t, SCREEN_HOME);
    flow_show_idle(&t->shell->flow, t->now - 2000);
    visit(t, "idle");
    flow_reset(&t->shell->flow, t->now);
}

/* Staff: the PIN pad (typing, wrong, locked), the menu (after a failed reload), the tally
 * (off, below its threshold and past it) and the display test. */
static void stop_staff(Tour *t)
{
    Shell *s = t->shell;
    Flow *f = &s->flow;
    Kiosk *kiosk = &s->kiosk;
    show(t, SCREEN_STAFF);
    flow_show_staff(f, STAFF_PIN, 3, false, 0);
    visit(t, "staff-pin");
    flow_show_staff(f, STAFF_PIN, 0, true, 0);
    visit(t, "staff-pin-wrong");
    flow_show_staff(f, STAFF_PIN, 0, true, t->now + 42000);
    visit(t, "staff-pin-locked");
    flow_show_staff(f, STAFF_PIN, 0, true, t->now + 32 * 60000L); /* a later lock: minutes */
    visit(t, "staff-pin-locked-long");
    flow_show_staff(f, STAFF_MENU, 0, false, 0);
    visit(t, "staff-menu");
    kiosk_set_staff_text(kiosk, bundle_word(f->bundle, WORD_STAFF_RELOAD_FAILED),
                         "quiz.ini:41: item 'a3': dimension must be 'anxiety' or 'avoidance', not 'anxeity' (and 6 more in the journal)");
    visit(t, "staff-menu-reload-failed");
    kiosk_set_staff_text(kiosk, NULL, NULL);
    flow_show_staff(f, STAFF_TALLY, 0, false, 0);
    bool was_on = kiosk->tally_on;
    Tally kept = kiosk->tally, sample = { 1234, 987, { 319, 232, 208, 221 }, { 2, 2, 2, 1 }, 60, 4 },
          few = { 9, 7, { 0 }, { 2, 3, 1, 1 }, 0, 2 };
    kiosk_set_tally(kiosk, false, &kept);
    visit(t, "staff-tally-off");
    kiosk_set_tally(kiosk, true, &sample);
    visit(t, "staff-tally");
    kiosk_set_tally(kiosk, true, &few); /* before the first batch's end: no style shows */
    visit(t, "staff-tally-waiting");
    kiosk_set_tally(kiosk, was_on, &kept);
    flow_show_staff(f, STAFF_TEST, 0, false, 0);
    flow_test_touch(f, s->width * 0.5f, s->height * 0.5f);
    flow_test_touch(f, s->width * 0.8f, s->height * 0.7f);
    visit(t, "staff-test");
    flow_reset(f, t->now);
}

/* A kiosk whose content is broken. */
static void stop_unavailable(Tour *t)
{
    show(t, SCREEN_UNAVAILABLE);
    visit(t, "unavailable");
    flow_reset(&t->shell->flow, t->now);
}

/* Finding the way: each style's understanding; the contents of every deck long enough to
 * have one; a deck's last page and the question "Start over?" over a result. */
static void stop_way(Tour *t)
{
    Flow *f = &t->shell->flow;
    const Quiz *q = &t->shell->flow.bundle->quiz;
    static const Screen decks[] = { SCREEN_GUIDANCE, SCREEN_CHEMISTRY, SCREEN_PARTNERS, SCREEN_SUPPORT };
    char name[64];
    for (int st = 0; st < STYLE_COUNT; st++) {
        show(t, SCREEN_GUIDANCE);
        flow_set_style(f, (Style)st);
        flow_show_way(f, SCREEN_HOME, true, false, false);
        snprintf(name, sizeof(name), "understanding-%s", quiz_style_id((Style)st));
        visit_pages(t, name);
    }
    for (size_t d = 0; d < sizeof(decks) / sizeof(decks[0]); d++) {
        for (int st = 0; st < (decks[d] == SCREEN_GUIDANCE ? STYLE_COUNT : 1); st++) {
            show(t, decks[d]);
            flow_set_style(f, (Style)st);
            shell_frame(t->shell, f->now, true); /* learn the page count */
            flow_show_way(f, SCREEN_HOME, false, true, false);
            snprintf(name, sizeof(name), "contents-%s%s%s", screen_id(decks[d]),
                     decks[d] == SCREEN_GUIDANCE ? "-" : "", decks[d] == SCREEN_GUIDANCE ? quiz_style_id((Style)st) : "");
            if (f->page_count > 6) /* the view offers a contents past six pages */
                visit(t, name);
        }
    }
    QuizSession session;
    answer_for(&session, q, HIGH, HIGH);
    flow_set_quiz(f, &session);
    show(t, SCREEN_GUIDANCE);
    flow_set_style(f, STYLE_DISORGANIZED);
    flow_show_way(f, SCREEN_RESULT, false, false, false);
    shell_frame(t->shell, f->now, true);
    flow_set_page(f, f->page_count - 1);
    visit(t, "guidance-from-result-last");
    show(t, SCREEN_RESULT);
    flow_show_way(f, SCREEN_RESULT, false, false, true);
    visit(t, "confirm");
    quiz_session_wipe(&session);
    flow_set_quiz(f, NULL);
    flow_show_way(f, SCREEN_HOME, false, false, false);
}

/* --- couple mode ---------------------------------------------------------------------- */

/* The score answers like answer_for's would get (quiz_score, as at a partner's last
 * answer); `skipped`: every statement skipped, too few answers for a point. */
static QuizScore score_for(const Quiz *q, Level anxiety, Level avoidance, bool skipped)
{
    QuizSession session;
    answer_for(&session, q, anxiety, avoidance);
    if (skipped)
        memset(session.answers, QUIZ_SKIPPED, (size_t)q->item_count);
    QuizScore score;
    memset(&score, 0, sizeof(score));
    score.style = STYLE_COUNT;
    quiz_score(q, session.answers, &score);
    quiz_session_wipe(&session);
    return score;
}

/* Where a style's answers put a point (both ends of the scale). */
static QuizScore score_of(const Quiz *q, Style style)
{
    bool anxious = style == STYLE_ANXIOUS || style == STYLE_DISORGANIZED;
    bool avoidant = style == STYLE_AVOIDANT || style == STYLE_DISORGANIZED;
    return score_for(q, anxious ? HIGH : LOW, avoidant ? HIGH : LOW, false);
}

/* `screen` in couple mode at `stage`, the partners' scores so far (NULL: none yet). */
static void show_couple(Tour *t, Screen screen, CoupleStage stage, const QuizScore *first, const QuizScore *second,
                        bool shared)
{
    show(t, screen);
    flow_set_couple(&t->shell->flow, stage, first, second, shared);
}

/* How it works; each partner's questions (whose turn it is) and results (a style, near
 * the middle, too few answers); the three handovers; each partner's choice. */
static void stop_couple_turns(Tour *t)
{
    Flow *f = &t->shell->flow;
    const Quiz *q = &f->bundle->quiz;
    char name[64];
    if (!flow_offers_couple(f))
        return; /* a bundle without pairings, or couple = no: none of it can be reached */
    show_couple(t, SCREEN_COUPLE_START, COUPLE_OFF, NULL, NULL, false);
    visit_pages(t, "couple-start");
    QuizScore anxious = score_of(q, STYLE_ANXIOUS), avoidant = score_of(q, STYLE_AVOIDANT);
    QuizSession session;
    quiz_session_start(&session, q);
    for (int i = 0; i < q->item_count; i++) { /* partner 1 on every statement, partner 2 on the first */
        flow_set_quiz(f, &session);
        show_couple(t, SCREEN_QUESTION, COUPLE_A_ANSWERS, NULL, NULL, false);
        snprintf(name, sizeof(name), "couple-question-p1-%d", i + 1);
        visit(t, name);
        if (i == 0) {
            show_couple(t, SCREEN_QUESTION, COUPLE_B_ANSWERS, &anxious, NULL, false);
            visit(t, "couple-question-p2-1");
        }
        quiz_session_answer(&session, 1 + i % q->points);
    }
    quiz_session_wipe(&session);
    flow_set_quiz(f, NULL); /* a partner's answers are wiped at their score */
    const struct { Level anxiety, avoidance; bool skipped; const char *name; } results[] = {
        { HIGH, LOW, false, "anxious" }, { MIDDLE, MIDDLE, false, "near" }, { LOW, LOW, true, "unplaced" },
    };
    for (size_t i = 0; i < sizeof(results) / sizeof(results[0]); i++) {
        QuizScore s = score_for(q, results[i].anxiety, results[i].avoidance, results[i].skipped);
        show_couple(t, SCREEN_RESULT, COUPLE_A_ANSWERS, &s, NULL, false);
        snprintf(name, sizeof(name), "couple-result-p1-%s", results[i].name);
        visit_pages(t, name);
        show_couple(t, SCREEN_RESULT, COUPLE_B_ANSWERS, &avoidant, &s, false);
        snprintf(name, sizeof(name), "couple-result-p2-%s", results[i].name);
        visit_pages(t, name);
    }
    show_couple(t, SCREEN_HANDOVER, COUPLE_TO_B, &anxious, NULL, false);
    visit(t, "handover-to-p2");
    show_couple(t, SCREEN_HANDOVER, COUPLE_TO_A, &anxious, &avoidant, false);
    visit(t, "handover-to-p1");
    show_couple(t, SCREEN_HANDOVER, COUPLE_TO_B_AGAIN, &anxious, &avoidant, false);
    visit(t, "handover-to-p2-again");
    show_couple(t, SCREEN_COUPLE_CHOICE, COUPLE_A_CHOOSES, &anxious, &avoidant, false);
    visit(t, "couple-choice-p1");
    show_couple(t, SCREEN_COUPLE_CHOICE, COUPLE_B_CHOOSES, &anxious, &avoidant, false);
    visit(t, "couple-choice-p2");
    flow_reset(f, t->now);
}

/* The outcome: the couple map for each unordered pair of styles, every page; with a point
 * near the middle (the honest note), with too few answers for a point, two points in one
 * place; and when one declined, the partners guidance. */
static void stop_couple_outcome(Tour *t)
{
    Flow *f = &t->shell->flow;
    const Quiz *q = &f->bundle->quiz;
    char name[96];
    if (!flow_offers_couple(f))
        return;
    for (int a = 0; a < STYLE_COUNT; a++)
        for (int b = a; b < STYLE_COUNT; b++) {
            QuizScore first = score_of(q, (Style)a), second = score_of(q, (Style)b);
            show_couple(t, SCREEN_COUPLE_MAP, COUPLE_TOGETHER, &first, &second, true);
            snprintf(name, sizeof(name), "couple-map-%s-%s", quiz_style_id((Style)a), quiz_style_id((Style)b));
            visit_pages(t, name);
        }
    QuizScore near = score_for(q, MIDDLE, MIDDLE, false), anxious = score_of(q, STYLE_ANXIOUS),
              avoidant = score_of(q, STYLE_AVOIDANT), unplaced = score_for(q, LOW, LOW, true);
    show_couple(t, SCREEN_COUPLE_MAP, COUPLE_TOGETHER, &near, &avoidant, true);
    visit_pages(t, "couple-map-near");
    show_couple(t, SCREEN_COUPLE_MAP, COUPLE_TOGETHER, &anxious, &unplaced, true);
    visit_pages(t, "couple-map-unplaced");
    QuizScore same = score_of(q, STYLE_DISORGANIZED); /* both at the map's top right corner */
    show_couple(t, SCREEN_COUPLE_MAP, COUPLE_TOGETHER, &same, &same, true);
    visit_pages(t, "couple-map-same-place");
    show_couple(t, SCREEN_PARTNERS, COUPLE_TOGETHER, &anxious, &avoidant, false);
    visit_pages(t, "couple-declined");
    flow_reset(f, t->now);
}

/* Presenter mode: `screen`, as part `part` of the talk, the chrome hidden or shown,
 * entered `ago` ms ago (the calm minute's clock). */
static void show_talk_at(Tour *t, Screen screen, TalkPart part, bool chrome, long ago)
{
    Flow *f = &t->shell->flow;
    const TalkPart *parts;
    int n = bundle_talk(f->bundle, &parts), at = -1;
    for (int i = 0; i < n && at < 0; i++)
        if (parts[i] == part)
            at = i;
    flow_show(f, screen, t->now - ago, t->now);
    check_deck_start(&t->deck);
    flow_show_talk(f, at, chrome);
}

static void show_talk(Tour *t, Screen screen, TalkPart part, bool chrome)
{
    show_talk_at(t, screen, part, chrome, FLOW_TRANSITION_MS);
}

/* Presenter mode: the four styles side by side with the map (the chrome hidden, then
 * shown), each step of the sample map, and a deck's page and the calm minute's grounding
 * with the chrome hidden (the talk's count only). */
static void stop_present(Tour *t)
{
    Flow *f = &t->shell->flow;
    show_talk(t, SCREEN_OVERVIEW, TALK_STYLES, false);
    visit(t, "present-overview");
    show_talk(t, SCREEN_OVERVIEW, TALK_STYLES, true);
    visit(t, "present-overview-chrome");
    show_talk(t, SCREEN_SAMPLE_MAP, TALK_MAP, false);
    visit_pages(t, "present-sample-map");
    show_talk(t, SCREEN_SAMPLE_MAP, TALK_MAP, true);
    visit(t, "present-sample-map-chrome");
    show_talk(t, SCREEN_CHEMISTRY, TALK_CHEMISTRY, false);
    visit(t, "present-chemistry");
    const Calm *c = &f->bundle->calm;
    long breaths = (long)(c->inhale + c->hold + c->exhale) * 1000 * c->breaths;
    show_talk_at(t, SCREEN_CALM, TALK_CALM, false, breaths); /* the grounding: the breaths done */
    visit(t, "present-calm-grounding");
    show(t, SCREEN_GUIDANCE); /* the four styles to choose from, a card pressed */
    flow_set_style(f, STYLE_COUNT);
    flow_press(f, 2); /* Back, Quick exit, then the first card */
    visit(t, "styles-pressed");
    flow_release(f);
    flow_reset(f, t->now);
}

/* "Take it home": each style's codes (its text takes two), then, with no result, the
 * practice's lines alone (when the config has them: one code); the booking page's code
 * follows each when the config has [support] booking_url. */
static void stop_takeaway(Tour *t)
{
    Flow *f = &t->shell->flow;
    const Quiz *q = &f->bundle->quiz;
    if (!takeaway_offered(f->bundle))
        return;
    static const struct { Level anxiety, avoidance; } levels[STYLE_COUNT] = {
        [STYLE_SECURE] = { LOW, LOW }, [STYLE_ANXIOUS] = { HIGH, LOW },
        [STYLE_AVOIDANT] = { LOW, HIGH }, [STYLE_DISORGANIZED] = { HIGH, HIGH },
    };
    QuizSession session;
    char name[64];
    for (int st = 0; st < STYLE_COUNT; st++) {
        answer_for(&session, q, levels[st].anxiety, levels[st].avoidance);
        flow_set_quiz(f, &session);
        show(t, SCREEN_TAKEAWAY);
        snprintf(name, sizeof(name), "takeaway-%s", quiz_style_id((Style)st));
        visit_pages(t, name);
        if (t->shell->view.takeaway.too_long) { /* (--check says it as a warning too) */
            fprintf(t->out, "problem: %s%s: the text is too long for two QR codes: shorten the style's "
                    "summary, or choose tips whose first paragraphs are shorter (styles.ini's takeaway)\n",
                    t->prefix, name);
            t->problems++;
        }
    }
    quiz_session_wipe(&session);
    flow_set_quiz(f, NULL);
    if (takeaway_has_text(f->bundle, f->config, STYLE_COUNT)) {
        show(t, SCREEN_TAKEAWAY);
        visit_pages(t, "takeaway-practice");
    }
    flow_reset(f, t->now);
}

static void (*const tour_stops[])(Tour *t) = {
    stop_welcome, stop_quiz, stop_guidance, stop_decks, stop_calm, stop_idle, stop_staff,
    stop_unavailable, stop_way, stop_couple_turns, stop_couple_outcome, stop_present,
    stop_takeaway,
};

/* Larger text: how tall a capital H of body text is, in mm and in degrees of view, and
 * whether that passes EN 301 549 5.1.4 (check_cap_height). */
static void cap_height(Tour *t)
{
    Shell *s = t->shell;
    flow_set_large_text(&s->flow, true);
    shell_frame(s, s->flow.now, true); /* the fonts at their larger sizes */
    int px = render_cap_height(&s->render, FONT_BODY);
    double mm = px / t->limits.px_per_mm;
    fprintf(t->out, "large text: a capital H of body text is %d px, %.1f mm at %.2f px/mm: "
            "%.2f\xc2\xb0 of view at %g cm, %g\xc2\xb0 up to %.0f cm\n", px, mm, t->limits.px_per_mm,
            check_view_degrees(mm, CHECK_VIEW_MM), CHECK_VIEW_MM / 10, CHECK_CAP_DEGREES,
            check_view_distance(mm, CHECK_CAP_DEGREES) / 10);
    check_report_clear(&t->report);
    check_cap_height(px, &t->limits, &t->report);
    for (int i = 0; i < t->report.count; i++)
        fprintf(t->out, "problem: %s\n", t->report.lines[i]);
    t->problems += t->report.count;
    flow_reset(&s->flow, t->now);
}

int headless_tour(Shell *s, const char *shots, bool large_text, FILE *out)
{
    Tour t = { .shell = s, .shots = shots, .out = out, .now = 100000 };
    check_limits_default(&t.limits, s->config, s->width, s->height);
    shell_restart(s, t.now);
    /* a kiosk offering several languages: every stop in each, named with its code first */
    const Kiosk *k = &s->kiosk;
    for (int lang = 0; lang < (k->language_count > 1 ? k->language_count : 1); lang++) {
        snprintf(t.prefix, sizeof(t.prefix), "%s%s%s", large_text ? "large-" : "",
                 k->language_count > 1 ? k->language_codes[lang] : "", k->language_count > 1 ? "-" : "");
        for (size_t i = 0; i < sizeof(tour_stops) / sizeof(tour_stops[0]); i++) {
            flow_set_language(&s->flow, lang); /* a stop that ends in a reset is back in the default */
            /* and in the usual text size; staff, and the screen a broken content leaves,
             * are reached only by an end of a session: never in larger text */
            flow_set_large_text(&s->flow, large_text && tour_stops[i] != stop_staff &&
                                              tour_stops[i] != stop_unavailable);
            tour_stops[i](&t);
        }
    }
    if (large_text)
        cap_height(&t);
    fprintf(out, "tour: %d screens, %d problems\n", t.screens, t.problems);
    return t.problems;
}
