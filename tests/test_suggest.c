/* test_suggest.c — the one "did you mean": how near a near miss is, for every loader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../app/core/suggest.h"

static const char *near(const char *word, const char *const *names)
{
    return suggest_near(word, strlen(word), names);
}

static void edits_ignore_case_and_count_a_swap_as_one(void **state)
{
    (void)state;
    assert_int_equal(suggest_distance("TAP", 3, "tap"), 0);
    assert_int_equal(suggest_distance("tpa", 3, "tap"), 1);
    assert_int_equal(suggest_distance("exepct", 6, "expect"), 1);
    assert_int_equal(suggest_distance("kitten", 6, "sitting"), 3);
    assert_int_equal(suggest_distance("", 0, "abc"), 3);
    assert_int_equal(suggest_distance("ctrl+q", 4, "ctrl"), 0); /* only `len` bytes count */
}

static void a_near_miss_is_suggested_and_a_far_one_is_not(void **state)
{
    (void)state;
    static const char *const names[] = { "tap", "swipe", "expect", "guidance.ini", NULL };
    assert_string_equal(near("tpa", names), "tap");
    assert_string_equal(near("swpie", names), "swipe");
    assert_string_equal(near("guidence.ini", names), "guidance.ini");
    assert_string_equal(near("gudance.in", names), "guidance.ini"); /* 2 edits, long word */
    assert_null(near("click", names));
    assert_null(near("xyz", names));   /* 2 edits from tap: too many for a short word */
}

static void long_words_are_never_suggested(void **state)
{
    (void)state;
    char word[SUGGEST_MAX_LEN + 2];
    memset(word, 'a', sizeof(word) - 1);
    word[sizeof(word) - 1] = '\0';
    const char *const names[] = { word, NULL };
    assert_int_equal(suggest_distance(word, strlen(word), word), SUGGEST_MAX_LEN + 1);
    assert_null(near(word, names));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(edits_ignore_case_and_count_a_swap_as_one),
        cmocka_unit_test(a_near_miss_is_suggested_and_a_far_one_is_not),
        cmocka_unit_test(long_words_are_never_suggested),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
