/* quiz.h — the reflection quiz: items, the answer scale, a session, and the scoring.
 *
 * The model is docs/design.md's: each item belongs to one dimension (anxiety or avoidance)
 * and may be reverse-keyed (scored as 1 + points - answer); a dimension's score is the
 * mean of its items; a dimension is "high" at or above the threshold; low/low is secure,
 * high anxiety only anxious, high avoidance only avoidant, high/high disorganized. A mean
 * within `near` of the threshold is "near the line". A statement may be skipped
 * (QUIZ_SKIPPED): a dimension's mean is over its answered items, and a dimension with
 * fewer than half its items answered has no score, so the result has no style
 * (STYLE_COUNT, printed "none"). Answers live only in a QuizSession,
 * in memory, and quiz_session_wipe() zeroes them (explicit_bzero) on every way out. */
#ifndef ATTUNE_QUIZ_H
#define ATTUNE_QUIZ_H

#include <stdbool.h>

enum { QUIZ_MAX_ITEMS = 64, QUIZ_MIN_POINTS = 2, QUIZ_MAX_POINTS = 11, QUIZ_ADVISED_ITEMS = 6 };

/* An answer that is a skipped statement ("doesn't apply to me"); 0 is not answered yet. */
enum { QUIZ_SKIPPED = 255 };

typedef enum Dimension { DIM_ANXIETY, DIM_AVOIDANCE, DIM_COUNT } Dimension;

/* The styles, the one list of their ids: X(NAME, id). The id names the style in
 * styles.ini ([style.ID]), guidance.ini ([tip.ID.…]), the tally file and --score. */
#define QUIZ_STYLES(X)                  \
    X(SECURE, "secure")                 \
    X(ANXIOUS, "anxious")               \
    X(AVOIDANT, "avoidant")             \
    X(DISORGANIZED, "disorganized")

#define QUIZ_STYLE_ENUM(name, id) STYLE_##name,
typedef enum Style { QUIZ_STYLES(QUIZ_STYLE_ENUM) STYLE_COUNT } Style;
#undef QUIZ_STYLE_ENUM

typedef struct QuizItem {
    const char *id;
    const char *text;
    Dimension dimension;
    bool reverse;
} QuizItem;

typedef struct Quiz {
    int points;                               /* answers run from 1 to points */
    const char *labels[QUIZ_MAX_POINTS + 1];  /* labels[1..points], NULL where unset */
    double threshold;                         /* "high" at or above this mean */
    double near;                              /* within this of the threshold: near the line */
    QuizItem items[QUIZ_MAX_ITEMS];
    int item_count;
} Quiz;

typedef struct QuizScore {
    bool placed[DIM_COUNT];     /* at least half the dimension's items answered: it has a score */
    double mean[DIM_COUNT];     /* valid where placed, as are the three below */
    int hundredths[DIM_COUNT];  /* the mean rounded half up to 2 decimals, times 100 */
    bool high[DIM_COUNT];
    bool near[DIM_COUNT];
    Style style;                /* STYLE_COUNT when a dimension is not placed */
} QuizScore;

typedef struct QuizSession {
    const Quiz *quiz;
    unsigned char answers[QUIZ_MAX_ITEMS];    /* 0 = not answered yet, QUIZ_SKIPPED = skipped */
    int current;                              /* the item on screen */
    bool scored;
    QuizScore score;                          /* valid when scored */
} QuizSession;

/* The ids of QUIZ_STYLES: "secure", "anxious", … */
const char *quiz_style_id(Style style);
const char *quiz_dimension_id(Dimension dim);

/* The default threshold for a scale: its midpoint, (1 + points) / 2. */
double quiz_default_threshold(int points);

/* Scores one answer per item (each 1..points or QUIZ_SKIPPED, in quiz order). Returns false
 * (and leaves *score alone) when an answer is missing or out of range, or a dimension has
 * no items. A dimension with fewer than half its items answered is not placed, and then
 * the style is STYLE_COUNT. */
bool quiz_score(const Quiz *quiz, const unsigned char *answers, QuizScore *score);

/* The style's id, or "none" for STYLE_COUNT (no style: not enough answers). */
const char *quiz_style_id_or_none(Style style);

/* The style across the line of `dim` from `style` (secure across anxiety is anxious). */
Style quiz_style_across(Style style, Dimension dim);

/* Starts an empty session on `quiz` (wiping whatever the session held). */
void quiz_session_start(QuizSession *session, const Quiz *quiz);

/* Records `answer` (1..points) for the current item and moves to the next; after the last
 * item the session is scored. Returns false for an answer out of range or a finished quiz. */
bool quiz_session_answer(QuizSession *session, int answer);

/* Skips the current item ("doesn't apply to me") and moves to the next, as an answer does.
 * False for a finished quiz. */
bool quiz_session_skip(QuizSession *session);

/* Goes back one item, keeping its answer so it can be changed. False on the first item. */
bool quiz_session_back(QuizSession *session);

/* True when every item has an answer and the score is ready. */
bool quiz_session_done(const QuizSession *session);

/* Zeroes every answer, the position and the score, in a way the compiler cannot skip. */
void quiz_session_wipe(QuizSession *session);

#endif
