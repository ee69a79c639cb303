/* flow_fixture.h — the group fixture of the flow's cmocka tests (test_flow.c,
 * test_clock.c): the real default bundle and config_defaults(), loaded once for a group
 * and never changed by a test. Include after cmocka.h; run from the project root. */
#ifndef ATTUNE_TEST_FLOW_FIXTURE_H
#define ATTUNE_TEST_FLOW_FIXTURE_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "../app/core/bundle.h"
#include "../app/core/config.h"

typedef struct Fixture {
    Bundle bundle;
    Config config; /* config_defaults(), then what the test file's setup sets */
} Fixture;

/* Loads the fixture into *state: 0, or -1 when the bundle does not load or has fewer
 * than `items` questions (the group then fails before its first test). */
static inline int flow_fixture_load(void **state, int items)
{
    Fixture *fx = calloc(1, sizeof(*fx));
    if (!fx)
        return -1;
    Diags diags = { 0 };
    bool ok = bundle_load(&fx->bundle, "assets/content/en", &diags);
    diag_print(&diags, stderr);
    diag_free(&diags);
    config_defaults(&fx->config);
    *state = fx;
    return ok && fx->bundle.quiz.item_count >= items ? 0 : -1;
}

static inline int flow_fixture_free(void **state)
{
    Fixture *fx = *state;
    bundle_free(&fx->bundle);
    config_free(&fx->config);
    free(fx);
    return 0;
}

#endif
