/* bundle.h — the content bundle: every word the app shows, read from a folder of INI files.
 *
 * A bundle is one folder per language (assets/content/en/). Its files, and what each may
 * hold, are tables in bundle.c; assets/content/README.md explains them to content authors.
 * bundle_load() reads every file, reports every problem as `path:line` into a Diags list,
 * and keeps what it could read. Everything is owned by the Bundle's arena and freed at
 * once by bundle_free(). The app has no words of its own: screens ask the bundle. */
#ifndef ATTUNE_BUNDLE_H
#define ATTUNE_BUNDLE_H

#include <stdbool.h>
#include <stdio.h>

#include "arena.h"
#include "diag.h"
#include "quiz.h"

/* The words of every screen (screens.ini), the one list of them:
 * X(ID, section, key, kind, flags, placeholders, english). `english` is the built-in
 * stand-in, or NULL: the staff screens must work when the content is broken (to read
 * what is wrong and reload it), so their words are also written here, in plain English,
 * for a bundle that lacks them; so is support.crisis, where to turn when someone feels
 * unsafe, which is never missing. They match assets/content/en/screens.ini except
 * staff.reload_failed, which here says what a broken bundle at start-up means. */
#define BUNDLE_WORDS(X)                                                          \
    X(APP_QUICK_EXIT, "app", "quick_exit", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(APP_BACK, "app", "back", VALUE_LINE, KEY_REQUIRED, NULL, NULL)             \
    X(APP_NEXT, "app", "next", VALUE_LINE, KEY_REQUIRED, NULL, NULL)             \
    X(APP_HOME, "app", "home", VALUE_LINE, KEY_REQUIRED, NULL, NULL)             \
    X(APP_PAGE, "app", "page", VALUE_LINE, KEY_REQUIRED, "n|total", NULL)        \
    X(APP_CONTINUED, "app", "continued", VALUE_LINE, KEY_REQUIRED, NULL, NULL)   \
    X(APP_LANGUAGE_NAME, "app", "language_name", VALUE_LINE, 0, NULL, NULL)      \
    X(ATTRACT_TITLE, "attract", "title", VALUE_LINE, KEY_REQUIRED, NULL, NULL)   \
    X(ATTRACT_SUBTITLE, "attract", "subtitle", VALUE_LINE, 0, NULL, NULL)        \
    X(ATTRACT_TOUCH, "attract", "touch", VALUE_LINE, KEY_REQUIRED, NULL, NULL)   \
    X(CONSENT_TITLE, "consent", "title", VALUE_LINE, KEY_REQUIRED, NULL, NULL)   \
    X(CONSENT_NOTE, "consent", "note", VALUE_PROSE, KEY_REQUIRED, NULL, NULL)    \
    X(CONSENT_NOT_DIAGNOSIS, "consent", "not_diagnosis", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(CONSENT_NOTHING_SAVED, "consent", "nothing_saved", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(CONSENT_START, "consent", "start", VALUE_LINE, KEY_REQUIRED, NULL, NULL)   \
    X(CONSENT_DECLINE, "consent", "decline", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(HOME_TITLE, "home", "title", VALUE_LINE, KEY_REQUIRED, NULL, NULL)         \
    X(HOME_INTRO, "home", "intro", VALUE_LINE, 0, NULL, NULL)                    \
    X(HOME_QUIZ, "home", "quiz", VALUE_LINE, KEY_REQUIRED, NULL, NULL)           \
    X(HOME_CHEMISTRY, "home", "chemistry", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(HOME_STYLES, "home", "styles", VALUE_LINE, KEY_REQUIRED, NULL, NULL)       \
    X(HOME_PARTNERS, "home", "partners", VALUE_LINE, KEY_REQUIRED, NULL, NULL)   \
    X(HOME_CALM, "home", "calm", VALUE_LINE, KEY_REQUIRED, NULL, NULL)           \
    X(HOME_SUPPORT, "home", "support", VALUE_LINE, KEY_REQUIRED, NULL, NULL)     \
    X(HOME_COUPLE, "home", "couple", VALUE_LINE, 0, NULL, NULL)                  \
    X(QUESTION_PROGRESS, "question", "progress", VALUE_LINE, KEY_REQUIRED, "n|total", NULL) \
    X(QUESTION_HINT, "question", "hint", VALUE_LINE, 0, NULL, NULL)              \
    X(RESULT_TITLE, "result", "title", VALUE_LINE, KEY_REQUIRED, NULL, NULL)     \
    X(RESULT_ANXIETY, "result", "anxiety", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(RESULT_AVOIDANCE, "result", "avoidance", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(RESULT_LOW, "result", "low", VALUE_LINE, KEY_REQUIRED, NULL, NULL)         \
    X(RESULT_HIGH, "result", "high", VALUE_LINE, KEY_REQUIRED, NULL, NULL)       \
    X(RESULT_SOUNDS, "result", "sounds", VALUE_LINE, KEY_REQUIRED, NULL, NULL)   \
    X(RESULT_NEAR_ONE, "result", "near_one", VALUE_LINE, KEY_REQUIRED, "a|b", NULL) \
    X(RESULT_NEAR_BOTH, "result", "near_both", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(RESULT_REFLECTION, "result", "reflection", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(RESULT_GUIDANCE, "result", "guidance", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(RESULT_CHEMISTRY, "result", "chemistry", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(RESULT_RESTART, "result", "restart", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(QUESTION_SKIP, "question", "skip", VALUE_LINE, KEY_REQUIRED, NULL, NULL)   \
    X(QUESTION_INSTRUCTION, "question", "instruction", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(RESULT_CHANGE, "result", "change", VALUE_LINE, KEY_REQUIRED, NULL, NULL)   \
    X(RESULT_MIDDLE, "result", "middle", VALUE_LINE, KEY_REQUIRED, NULL, NULL)   \
    X(RESULT_UNPLACED, "result", "unplaced", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(RESULT_UNPLACED_TEXT, "result", "unplaced_text", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(RESULT_STYLES, "result", "styles", VALUE_LINE, KEY_REQUIRED, NULL, NULL)   \
    X(STYLES_TITLE, "styles", "title", VALUE_LINE, KEY_REQUIRED, NULL, NULL)     \
    X(STYLES_INTRO, "styles", "intro", VALUE_LINE, 0, NULL, NULL)                \
    X(GUIDANCE_UNDERSTANDING, "guidance", "understanding", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(GUIDANCE_HELPS, "guidance", "helps", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(GUIDANCE_ORIGINS, "guidance", "origins", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(GUIDANCE_PATTERN, "guidance", "pattern", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(GUIDANCE_CHEMISTRY, "guidance", "chemistry", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(GUIDANCE_SOUNDS, "guidance", "sounds", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(CHEMISTRY_TITLE, "chemistry", "title", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(CHEMISTRY_RELEASED, "chemistry", "released", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(CHEMISTRY_PROMOTES, "chemistry", "promotes", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(PARTNERS_TITLE, "partners", "title", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(PARTNERS_INTRO, "partners", "intro", VALUE_LINE, 0, NULL, NULL)            \
    X(CALM_TITLE, "calm", "title", VALUE_LINE, KEY_REQUIRED, NULL, NULL)         \
    X(CALM_INTRO, "calm", "intro", VALUE_LINE, 0, NULL, NULL)                    \
    X(CALM_BREATHE_IN, "calm", "breathe_in", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(CALM_HOLD, "calm", "hold", VALUE_LINE, KEY_REQUIRED, NULL, NULL)           \
    X(CALM_BREATHE_OUT, "calm", "breathe_out", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(CALM_AGAIN, "calm", "again", VALUE_LINE, KEY_REQUIRED, NULL, NULL)         \
    X(CALM_DONE, "calm", "done", VALUE_LINE, KEY_REQUIRED, NULL, NULL)           \
    X(SUPPORT_TITLE, "support", "title", VALUE_LINE, KEY_REQUIRED, NULL, NULL)   \
    X(SUPPORT_PRACTICE, "support", "practice", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(SUPPORT_CRISIS, "support", "crisis", VALUE_PROSE, 0, NULL,                 \
      "If you feel unsafe or in crisis, contact your local emergency number or a crisis line.") \
    X(APP_TO_RESULT, "app", "to_result", VALUE_LINE, KEY_REQUIRED, NULL, NULL)   \
    X(APP_CONTENTS, "app", "contents", VALUE_LINE, KEY_REQUIRED, NULL, NULL)     \
    X(GUIDANCE_OPEN_UNDERSTANDING, "guidance", "open_understanding", VALUE_LINE, KEY_REQUIRED, NULL, NULL) \
    X(CONFIRM_TITLE, "confirm", "title", VALUE_LINE, KEY_REQUIRED, NULL, NULL)   \
    X(CONFIRM_TEXT, "confirm", "text", VALUE_LINE, KEY_REQUIRED, NULL, NULL)     \
    X(CONFIRM_CLEAR, "confirm", "clear", VALUE_LINE, KEY_REQUIRED, NULL, NULL)   \
    X(CONFIRM_KEEP, "confirm", "keep", VALUE_LINE, KEY_REQUIRED, NULL, NULL)     \
    X(IDLE_TITLE, "idle", "title", VALUE_LINE, KEY_REQUIRED, NULL, NULL)         \
    X(IDLE_TEXT, "idle", "text", VALUE_LINE, KEY_REQUIRED, "seconds", NULL)      \
    X(IDLE_STAY, "idle", "stay", VALUE_LINE, KEY_REQUIRED, NULL, NULL)           \
    X(COUPLE_TITLE, "couple", "title", VALUE_LINE, 0, NULL, NULL)                \
    X(COUPLE_TEXT, "couple", "text", VALUE_LINE, 0, NULL, NULL)                  \
    X(COUPLE_SHARED, "couple", "shared", VALUE_LINE, 0, NULL, NULL)              \
    X(COUPLE_AGREE, "couple", "agree", VALUE_LINE, 0, NULL, NULL)                \
    X(COUPLE_PARTNER_1, "couple", "partner_1", VALUE_LINE, 0, NULL, NULL)        \
    X(COUPLE_PARTNER_2, "couple", "partner_2", VALUE_LINE, 0, NULL, NULL)        \
    X(COUPLE_MARK_1, "couple", "mark_1", VALUE_LINE, 0, NULL, NULL)              \
    X(COUPLE_MARK_2, "couple", "mark_2", VALUE_LINE, 0, NULL, NULL)              \
    X(COUPLE_TURN, "couple", "turn", VALUE_LINE, 0, "partner", NULL)             \
    X(COUPLE_PASS, "couple", "pass", VALUE_LINE, 0, NULL, NULL)                  \
    X(HANDOVER_TITLE, "handover", "title", VALUE_LINE, 0, "partner", NULL)       \
    X(HANDOVER_TEXT, "handover", "text", VALUE_LINE, 0, NULL, NULL)              \
    X(HANDOVER_READY, "handover", "ready", VALUE_LINE, 0, "partner", NULL)       \
    X(CHOICE_TITLE, "choice", "title", VALUE_LINE, 0, "partner", NULL)           \
    X(CHOICE_TEXT, "choice", "text", VALUE_LINE, 0, NULL, NULL)                  \
    X(CHOICE_SHARE, "choice", "share", VALUE_LINE, 0, NULL, NULL)                \
    X(CHOICE_KEEP, "choice", "keep", VALUE_LINE, 0, NULL, NULL)                  \
    X(COUPLE_MAP_TITLE, "couple_map", "title", VALUE_LINE, 0, NULL, NULL)        \
    X(COUPLE_MAP_LEGEND, "couple_map", "legend", VALUE_LINE, 0, "partner|style", NULL) \
    X(COUPLE_MAP_MIDDLE, "couple_map", "middle", VALUE_LINE, 0, NULL, NULL)      \
    X(COUPLE_MAP_UNPLACED, "couple_map", "unplaced", VALUE_LINE, 0, NULL, NULL)  \
    X(COUPLE_MAP_FINISH, "couple_map", "finish", VALUE_LINE, 0, NULL, NULL)      \
    X(STAFF_TITLE, "staff", "title", VALUE_LINE, KEY_REQUIRED, NULL,             \
      "Staff")                                                                   \
    X(STAFF_PIN, "staff", "pin", VALUE_LINE, KEY_REQUIRED, NULL,                 \
      "Enter the staff PIN")                                                     \
    X(STAFF_WRONG, "staff", "wrong", VALUE_LINE, KEY_REQUIRED, NULL,             \
      "That PIN is not right.")                                                  \
    X(STAFF_LOCKED, "staff", "locked", VALUE_LINE, KEY_REQUIRED, "seconds",      \
      "Too many wrong PINs. Try again in {seconds} seconds.")                    \
    X(STAFF_LOCKED_MINUTES, "staff", "locked_minutes", VALUE_LINE, KEY_REQUIRED, "minutes", \
      "Too many wrong PINs. Try again in {minutes} minutes.")                    \
    X(STAFF_DELETE, "staff", "delete", VALUE_LINE, KEY_REQUIRED, NULL,           \
      "Delete")                                                                  \
    X(STAFF_OK, "staff", "ok", VALUE_LINE, KEY_REQUIRED, NULL,                   \
      "OK")                                                                      \
    X(STAFF_CANCEL, "staff", "cancel", VALUE_LINE, KEY_REQUIRED, NULL,           \
      "Cancel")                                                                  \
    X(STAFF_EXIT, "staff", "exit", VALUE_LINE, KEY_REQUIRED, NULL,               \
      "Close Attune")                                                            \
    X(STAFF_RELOAD, "staff", "reload", VALUE_LINE, KEY_REQUIRED, NULL,           \
      "Reload the content")                                                      \
    X(STAFF_RELOADED, "staff", "reloaded", VALUE_LINE, KEY_REQUIRED, NULL,       \
      "The content was checked and reloaded.")                                   \
    X(STAFF_RELOAD_FAILED, "staff", "reload_failed", VALUE_LINE, KEY_REQUIRED, NULL, \
      "The content has errors, so Attune shows “temporarily unavailable”:")      \
    X(STAFF_TALLY, "staff", "tally", VALUE_LINE, KEY_REQUIRED, NULL,             \
      "Anonymous tally")                                                         \
    X(STAFF_TALLY_OFF, "staff", "tally_off", VALUE_LINE, KEY_REQUIRED, NULL,     \
      "The tally is off. Turn it on in the kiosk config, under [tally].")        \
    X(STAFF_TALLY_RESET, "staff", "tally_reset", VALUE_LINE, KEY_REQUIRED, NULL, \
      "Reset the tally")                                                         \
    X(STAFF_TALLY_WAITING, "staff", "tally_waiting", VALUE_LINE, KEY_REQUIRED, "n|threshold", \
      "Counts by style appear once {threshold} reflections have finished since the last " \
      "reset ({n} so far), so that no one’s result can be picked out.")            \
    X(STAFF_TALLY_BATCH, "staff", "tally_batch", VALUE_LINE, KEY_REQUIRED, "n|threshold", \
      "Counts by style as of {n} reflections. They are brought up to date every "  \
      "{threshold} reflections, so that no one’s result can be picked out.")       \
    X(STAFF_SESSIONS, "staff", "sessions", VALUE_LINE, KEY_REQUIRED, "n",        \
      "Sessions started: {n}")                                                   \
    X(STAFF_COMPLETED, "staff", "completed", VALUE_LINE, KEY_REQUIRED, "n",      \
      "Reflections completed: {n}")                                              \
    /* optional: a bundle from before couple mode loads, showing these stand-ins */ \
    X(STAFF_COUPLES, "staff", "couples", VALUE_LINE, 0, "n|threshold",           \
      "Couple sessions: {n} (brought up to date every {threshold})")             \
    X(STAFF_COUPLES_WAITING, "staff", "couples_waiting", VALUE_LINE, 0, "threshold", \
      "Couple sessions appear once {threshold} have begun.")                     \
    X(STAFF_CONTENT_ERRORS, "staff", "content_errors", VALUE_LINE, 0, NULL,       \
      "The content has errors; the screen shows it as it was before them:")     \
    X(STAFF_TEST, "staff", "test", VALUE_LINE, KEY_REQUIRED, NULL,               \
      "Display and touch test")                                                  \
    X(STAFF_TEST_HINT, "staff", "test_hint", VALUE_LINE, KEY_REQUIRED, NULL,     \
      "Touch anywhere: each touch is drawn where it lands.")                     \
    X(STAFF_BRIGHTNESS, "staff", "brightness", VALUE_LINE, KEY_REQUIRED, "n",    \
      "Brightness: {n}%")                                                        \
    X(STAFF_BRIGHTER, "staff", "brighter", VALUE_LINE, KEY_REQUIRED, NULL,       \
      "Brighter")                                                                \
    X(STAFF_DIMMER, "staff", "dimmer", VALUE_LINE, KEY_REQUIRED, NULL,           \
      "Dimmer")                                                                  \
    X(STAFF_DONE, "staff", "done", VALUE_LINE, KEY_REQUIRED, NULL,               \
      "Done")                                                                    \
    /* presenter mode: where the talk is; the sample map's title and its steps' captions */ \
    X(TALK_COUNT, "talk", "count", VALUE_LINE, 0, "part|parts|n|total", NULL)    \
    X(SAMPLE_TITLE, "sample", "title", VALUE_LINE, 0, NULL, NULL)                \
    X(SAMPLE_SECURE, "sample", "secure", VALUE_LINE, 0, NULL, NULL)              \
    X(SAMPLE_ANXIOUS, "sample", "anxious", VALUE_LINE, 0, NULL, NULL)            \
    X(SAMPLE_AVOIDANT, "sample", "avoidant", VALUE_LINE, 0, NULL, NULL)          \
    X(SAMPLE_DISORGANIZED, "sample", "disorganized", VALUE_LINE, 0, NULL, NULL)  \
    X(SAMPLE_LINE, "sample", "line", VALUE_LINE, 0, NULL, NULL)                  \
    X(SAMPLE_MIDDLE, "sample", "middle", VALUE_LINE, 0, NULL, NULL)              \
    /* optional: "Take it home" (takeaway.h) is offered when a bundle has them all */ \
    X(TAKEAWAY_OPEN, "takeaway", "open", VALUE_LINE, 0, NULL, NULL)              \
    X(TAKEAWAY_TITLE, "takeaway", "title", VALUE_LINE, 0, NULL, NULL)            \
    X(TAKEAWAY_STEPS, "takeaway", "steps", VALUE_PROSE, 0, NULL, NULL)           \
    X(TAKEAWAY_IPHONE, "takeaway", "iphone", VALUE_LINE, 0, NULL, NULL)          \
    X(TAKEAWAY_PRIVATE, "takeaway", "private", VALUE_LINE, 0, NULL, NULL)        \
    X(TAKEAWAY_PART, "takeaway", "part", VALUE_LINE, 0, "n|total", NULL)         \
    X(TAKEAWAY_BOOKING, "takeaway", "booking", VALUE_LINE, 0, NULL, NULL)              \
    X(APP_TEXT_SIZE, "app", "text_size", VALUE_LINE, 0, NULL, NULL)

#define BUNDLE_WORD_ENUM(id, section, key, kind, flags, placeholders, english) WORD_##id,
typedef enum Word { BUNDLE_WORDS(BUNDLE_WORD_ENUM) WORD_COUNT } Word;
#undef BUNDLE_WORD_ENUM

enum { BUNDLE_MAX_CARDS = 64, BUNDLE_MAX_CHEMICALS = 16, BUNDLE_TAKEAWAY_TIPS = 3 };

/* Where a tip points (guidance.ini's `link`): a button on its page opens that screen. */
typedef enum CardLink { LINK_NONE, LINK_CALM, LINK_SUPPORT } CardLink;

/* A titled piece of text; paragraphs in `text` are separated by '\n'. */
typedef struct Card {
    const char *id;
    const char *title;
    const char *text;
    const char **items;  /* a tip's list after its text (`item =`, each an item), or none */
    int item_count;
    CardLink link;
} Card;

typedef struct Deck {
    Card *cards;
    int count;
} Deck;

typedef struct StyleInfo {
    const char *name;      /* always set */
    const char *summary, *sounds, *origins, *pattern, *chemistry, *helps; /* NULL when unset */
    Deck tips;             /* guidance.ini's [tip.STYLE.ID] cards, in file order */
    /* the tips "Take it home" carries (indices in `tips`): styles.ini's `takeaway`, a list
     * of tip IDs, else the first BUNDLE_TAKEAWAY_TIPS; where that was written */
    int takeaway[BUNDLE_TAKEAWAY_TIPS];
    int takeaway_count;
    const char *takeaway_ids, *takeaway_path;
    int takeaway_line;
} StyleInfo;

typedef struct Chemical {
    const char *id, *name, *nickname, *released, *text;
    const char **promotes;
    int promote_count;
} Chemical;

typedef struct Calm {
    int inhale, hold, exhale, breaths;  /* seconds, and how many breaths */
    const char *text;
    const char *grounding_title, *grounding_text, *close;
    const char **steps;
    int step_count;
} Calm;

/* The parts of the talk a facilitator walks in presenter mode, the one list of their ids:
 * X(NAME, id), as screens.ini's [talk] sections names them. */
#define BUNDLE_TALK_PARTS(X)      \
    X(CHEMISTRY, "chemistry")     \
    X(STYLES, "styles")           \
    X(MAP, "map")                 \
    X(PARTNERS, "partners")       \
    X(CALM, "calm")               \
    X(SUPPORT, "support")

#define BUNDLE_TALK_ENUM(name, id) TALK_##name,
typedef enum TalkPart { BUNDLE_TALK_PARTS(BUNDLE_TALK_ENUM) TALK_PART_COUNT } TalkPart;
#undef BUNDLE_TALK_ENUM

enum { BUNDLE_MAX_TALK = 16 };

typedef struct Bundle {
    Arena arena;
    const char *dir;
    int file_count;                /* files read */
    bool rtl;                      /* screens.ini's [app] direction = rtl: read right to left */
    const char *words[WORD_COUNT]; /* NULL only for optional words left unset */
    Quiz quiz;
    StyleInfo styles[STYLE_COUNT];
    const char *cocktail;          /* the chemistry introduction */
    Chemical chemicals[BUNDLE_MAX_CHEMICALS];
    int chemical_count;
    Deck partners, support;
    Calm calm;
    /* pairings.ini, optional: the guidance for two partners' styles, one card per pair
     * stored under both orders (use bundle_pairing); has_pairings is false when the
     * bundle has no pairings.ini, and then couple mode is not offered in it. */
    bool has_pairings;
    Card pairings[STYLE_COUNT][STYLE_COUNT];
    const char *pairing_near;      /* [near] text: shown when a point is near the middle */
    /* screens.ini's [talk] sections, in order; talk_count 0: unset (bundle_talk's default) */
    TalkPart talk[BUNDLE_MAX_TALK];
    int talk_count;
} Bundle;

/* Reads the bundle in folder `dir` into `bundle` (which must be zeroed or freed). Adds
 * every problem to `diags`. Returns true when it found no error (warnings allowed). */
bool bundle_load(Bundle *bundle, const char *dir, Diags *diags);

/* Reads one bundle file, named like "quiz.ini", from memory into `bundle` (zeroed, or
 * holding earlier files): for tests and the fuzzer. Returns false for an unknown name or
 * when problems were found. */
bool bundle_load_text(Bundle *bundle, const char *name, const char *text, size_t len, Diags *diags);

/* The names of the files a bundle holds, in the order they are read; NULL past the end. */
const char *bundle_file_name(int index);
/* Whether a bundle may leave file `index` out (then what it holds is not offered). */
bool bundle_file_optional(int index);

/* Whether the bundle offers couple mode: it has pairings.ini, and screens.ini has every
 * couple word (HOME_COUPLE, and COUPLE_TITLE through COUPLE_MAP_FINISH). */
bool bundle_offers_couple(const Bundle *bundle);

/* bundle_load's cross-check: pairings.ini without every couple word in screens.ini is a
 * warning at `screens` (couple mode is then not offered). */
void bundle_check_couple_words(const Bundle *bundle, const char *screens, Diags *diags);

/* The guidance for partners of styles `a` and `b`, in either order; NULL when the bundle
 * has none for them (no pairings.ini, or a style out of range). */
const Card *bundle_pairing(const Bundle *bundle, Style a, Style b);

/* The word `word`: the bundle's, else its English stand-in (BUNDLE_WORDS), else "" (an
 * optional word left unset). Never NULL. */
const char *bundle_word(const Bundle *bundle, Word word);

/* The talk presenter mode walks: the bundle's [talk] sections, else the default (the
 * chemistry, the four styles, the sample map, for partners, a calm minute). Returns how
 * many parts; *parts points at them. */
int bundle_talk(const Bundle *bundle, const TalkPart **parts);

/* A talk part's id ("chemistry", …), or "?". */
const char *bundle_talk_id(TalkPart part);

/* Writes everything the bundle holds, in a stable readable form (the golden test). */
void bundle_dump(const Bundle *bundle, FILE *out);

/* Frees everything the bundle holds and zeroes it. */
void bundle_free(Bundle *bundle);

#endif
