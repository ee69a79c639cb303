/* test_bundle.c — the default bundle loads with no problem at all, and what it loaded
 * matches tests/golden/default-bundle.txt (run with UPDATE_GOLDEN=1 to rewrite it after
 * a content change, then read the diff). Run from the project root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../app/core/bundle.h"

static const char *const golden_path = "tests/golden/default-bundle.txt";

static char *read_all(FILE *f, size_t *len)
{
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    *len = fread(buf, 1, (size_t)n, f);
    buf[*len] = '\0';
    return buf;
}

static void the_default_bundle_loads_without_a_warning(void **state)
{
    (void)state;
    Bundle b;
    Diags d = { 0 };
    bool ok = bundle_load(&b, "assets/content/en", &d);
    diag_print(&d, stderr);
    assert_true(ok);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, 0);
    assert_int_equal(b.file_count, 9);
    /* what docs/design.md asks of the default content */
    int per_dim[DIM_COUNT] = { 0 }, reversed[DIM_COUNT] = { 0 };
    for (int i = 0; i < b.quiz.item_count; i++) {
        per_dim[b.quiz.items[i].dimension]++;
        reversed[b.quiz.items[i].dimension] += b.quiz.items[i].reverse;
    }
    for (int dim = 0; dim < DIM_COUNT; dim++) {
        assert_true(per_dim[dim] >= 6);
        assert_true(reversed[dim] * 3 >= per_dim[dim] && reversed[dim] * 3 <= per_dim[dim] * 2);
    }
    assert_int_equal(b.quiz.points, 7);
    assert_int_equal(b.chemical_count, 5);
    for (int st = 0; st < STYLE_COUNT; st++) {
        assert_non_null(b.styles[st].name);
        assert_true(b.styles[st].tips.count > 0);
    }
    for (int w = 0; w < WORD_COUNT; w++)
        assert_true(bundle_word(&b, w)[0] != '\0');
    bundle_free(&b);
    diag_free(&d);
}

static void what_it_loaded_matches_the_golden_dump(void **state)
{
    (void)state;
    Bundle b;
    Diags d = { 0 };
    assert_true(bundle_load(&b, "assets/content/en", &d));
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    bundle_dump(&b, tmp);
    size_t got_len;
    char *got = read_all(tmp, &got_len);
    fclose(tmp);
    if (getenv("UPDATE_GOLDEN")) {
        FILE *g = fopen(golden_path, "wb");
        assert_non_null(g);
        fwrite(got, 1, got_len, g);
        fclose(g);
    }
    FILE *g = fopen(golden_path, "rb");
    assert_non_null(g);
    size_t want_len;
    char *want = read_all(g, &want_len);
    fclose(g);
    if (got_len != want_len || memcmp(got, want, got_len) != 0) {
        /* name the first line that differs, so the failure says what changed */
        size_t i = 0, line = 1;
        while (i < got_len && i < want_len && got[i] == want[i])
            line += got[i++] == '\n';
        fprintf(stderr, "%s:%zu: the loaded bundle differs from the golden dump here\n",
                golden_path, line);
        fail();
    }
    free(got);
    free(want);
    bundle_free(&b);
    diag_free(&d);
}

static void paragraphs_and_lists_keep_their_order(void **state)
{
    (void)state;
    Bundle b;
    Diags d = { 0 };
    assert_true(bundle_load(&b, "assets/content/en", &d));
    /* oxytocin promotes exactly the article's four feelings, in order */
    const Chemical *ox = &b.chemicals[0];
    assert_string_equal(ox->id, "oxytocin");
    assert_int_equal(ox->promote_count, 4);
    assert_string_equal(ox->promotes[0], "Trust and safety");
    assert_string_equal(ox->promotes[3], "Reduced stress and anxiety");
    /* a multi-paragraph text is joined with newlines, continuation lines with spaces */
    const char *origins = b.styles[STYLE_ANXIOUS].origins;
    assert_non_null(origins);
    assert_null(strstr(origins, "  "));
    assert_string_equal(b.styles[STYLE_DISORGANIZED].name, "Disorganized (fearful-avoidant)");
    assert_int_equal(b.calm.step_count, 5);
    bundle_free(&b);
    diag_free(&d);
}

static void a_missing_folder_is_one_clear_error(void **state)
{
    (void)state;
    Bundle b;
    Diags d = { 0 };
    assert_false(bundle_load(&b, "tests/no-such-bundle", &d));
    assert_int_equal(d.errors, 1);
    assert_int_equal(b.file_count, 0);
    assert_non_null(strstr(d.items[0].message, "cannot open the bundle folder: No such file"));
    assert_string_equal(bundle_word(&b, WORD_ATTRACT_TITLE), "");
    bundle_free(&b);
    diag_free(&d);
}

/* The staff screens' English stand-ins say what the default bundle says (except the
 * reload message, which at start-up means something else), and only staff words have one. */
static void the_stand_ins_match_the_default_bundle(void **state)
{
    (void)state;
    Bundle b, none = { 0 };
    Diags d = { 0 };
    assert_true(bundle_load(&b, "assets/content/en", &d));
    int stand_ins = 0;
    for (int w = 0; w < WORD_COUNT; w++) {
        const char *english = bundle_word(&none, (Word)w);
        if (!english[0])
            continue;
        stand_ins++;
        assert_true(w >= WORD_STAFF_TITLE || w == WORD_SUPPORT_CRISIS);
        if (w != WORD_STAFF_RELOAD_FAILED)
            assert_string_equal(english, b.words[w]);
    }
    assert_int_equal(stand_ins, WORD_STAFF_DONE - WORD_STAFF_TITLE + 2);
    bundle_free(&b);
    diag_free(&d);
}

/* Where to turn when someone feels unsafe is said in each shipped language, in its own
 * words, and names no number (a number wrong for the country is worse than none). */
static void each_language_says_where_to_turn_in_a_crisis(void **state)
{
    (void)state;
    static const char *const dirs[] = { "assets/content/en", "assets/content/es", "assets/content/ar" };
    char english[512] = "";
    for (int i = 0; i < 3; i++) {
        Bundle b;
        Diags d = { 0 };
        assert_true(bundle_load(&b, dirs[i], &d));
        const char *crisis = bundle_word(&b, WORD_SUPPORT_CRISIS);
        assert_true(strlen(crisis) > 20);
        assert_null(strpbrk(crisis, "0123456789"));
        if (i == 0)
            snprintf(english, sizeof(english), "%s", crisis);
        else
            assert_string_not_equal(crisis, english);
        bundle_free(&b);
        diag_free(&d);
    }
}

/* screens.ini's [app] direction: right to left when it says rtl, left to right by default,
 * and a misspelt value is an error that names the nearest. */
static void a_bundle_says_its_direction(void **state)
{
    (void)state;
    static const char rtl[] = "[app]\ndirection = rtl\n", bad[] = "[app]\ndirection = rlt\n";
    Bundle b = { 0 };
    Diags d = { 0 };
    assert_true(bundle_load(&b, "assets/content/en", &d));
    assert_false(b.rtl);
    bundle_free(&b);
    diag_free(&d);
    bundle_load_text(&b, "screens.ini", rtl, sizeof(rtl) - 1, &d);
    assert_true(b.rtl);
    for (int i = 0; i < d.count; i++)
        assert_null(strstr(d.items[i].message, "direction"));
    bundle_free(&b);
    diag_free(&d);
    bundle_load_text(&b, "screens.ini", bad, sizeof(bad) - 1, &d);
    assert_false(b.rtl);
    bool named = false;
    for (int i = 0; i < d.count; i++)
        named = named || strstr(d.items[i].message, "direction must be 'ltr' or 'rtl', not 'rlt'; did you mean 'rtl'?");
    assert_true(named);
    bundle_free(&b);
    diag_free(&d);
}

/* Every pair of the four styles has its guidance, under either order, with a title and
 * text; the anxious–avoidant pair carries the article's ritual and what each can say; no
 * pairing scores or ranks the two. */
static void all_ten_pairings_load_and_read_either_way(void **state)
{
    (void)state;
    Bundle b;
    Diags d = { 0 };
    assert_true(bundle_load(&b, "assets/content/en", &d));
    assert_true(b.has_pairings);
    assert_non_null(b.pairing_near);
    assert_non_null(strstr(b.pairing_near, "near the middle"));
    int pairs = 0;
    for (int x = 0; x < STYLE_COUNT; x++)
        for (int y = 0; y < STYLE_COUNT; y++) {
            const Card *c = bundle_pairing(&b, (Style)x, (Style)y);
            assert_non_null(c);
            assert_ptr_equal(c->title, bundle_pairing(&b, (Style)y, (Style)x)->title);
            assert_true(strlen(c->title) > 5 && strlen(c->text) > 40);
            for (const char *w = c->text; *w; w++)
                assert_true(strncmp(w, "ompatib", 7) != 0 && strncmp(w, "score", 5) != 0);
            pairs += y >= x;
        }
    assert_int_equal(pairs, 10);
    const Card *aa = bundle_pairing(&b, STYLE_AVOIDANT, STYLE_ANXIOUS);
    assert_string_equal(aa->title, "An anxious partner and an avoidant partner");
    assert_non_null(strstr(aa->text, "five minutes of cuddling, then your partner can have space"));
    assert_non_null(strstr(aa->text, "I need about 10 minutes to decompress, and then I’d like to cuddle"));
    assert_non_null(strstr(aa->text, "My anxious attachment is really loud right now"));
    assert_null(bundle_pairing(&b, STYLE_COUNT, STYLE_SECURE));
    bundle_free(&b);
    diag_free(&d);
    /* the Spanish and Arabic bundles have all ten too, each with the ritual in its words */
    static const char *const dirs[] = { "assets/content/es", "assets/content/ar" };
    static const char *const ritual[] = { "cinco minutos de abrazos", "خمس دقائق من العناق" };
    for (int i = 0; i < 2; i++) {
        assert_true(bundle_load(&b, dirs[i], &d));
        assert_true(b.has_pairings);
        for (int x = 0; x < STYLE_COUNT; x++)
            for (int y = 0; y < STYLE_COUNT; y++)
                assert_true(strlen(bundle_pairing(&b, (Style)x, (Style)y)->text) > 40);
        assert_non_null(strstr(bundle_pairing(&b, STYLE_AVOIDANT, STYLE_ANXIOUS)->text, ritual[i]));
        bundle_free(&b);
        diag_free(&d);
    }
    /* a bundle without pairings.ini (here: one file of it) offers no pairing */
    static const char calm[] = "[breathing]\ninhale = 4\nhold = 4\nexhale = 6\nbreaths = 3\n";
    b = (Bundle){ 0 };
    bundle_load_text(&b, "calm.ini", calm, sizeof(calm) - 1, &d);
    assert_false(b.has_pairings);
    assert_null(bundle_pairing(&b, STYLE_SECURE, STYLE_SECURE));
    bundle_free(&b);
    diag_free(&d);
}

/* A pairings.ini with the 10 pairs, the one at `index` (0..9, in the canonical order)
 * named `swap` instead, and `extra` appended. */
static void pairings_text(char *out, size_t size, int index, const char *swap, const char *extra)
{
    size_t used = (size_t)snprintf(out, size, "[near]\ntext = Near.\n");
    int i = 0;
    for (int x = 0; x < STYLE_COUNT; x++)
        for (int y = x; y < STYLE_COUNT; y++, i++) {
            char name[64];
            snprintf(name, sizeof(name), "%s.%s", quiz_style_id((Style)x), quiz_style_id((Style)y));
            used += (size_t)snprintf(out + used, size - used, "\n[pair.%s]\ntitle = T %s\ntext = P.\n",
                                     i == index ? swap : name, name);
        }
    snprintf(out + used, size - used, "%s", extra);
}

static int load_pairings_text(Bundle *b, Diags *d, const char *text)
{
    *b = (Bundle){ 0 };
    bundle_load_text(b, "pairings.ini", text, strlen(text), d);
    return d->errors;
}

static bool has_message(const Diags *d, int line, const char *part)
{
    for (int i = 0; i < d->count; i++)
        if (d->items[i].line == line && strstr(d->items[i].message, part))
            return true;
    return false;
}

static void a_pair_reads_in_either_order_but_only_once(void **state)
{
    (void)state;
    char text[4096];
    Bundle b;
    Diags d = { 0 };
    /* pair 5 is anxious.avoidant: written avoidant.anxious, it is the same pair */
    pairings_text(text, sizeof(text), 5, "avoidant.anxious", "");
    assert_int_equal(load_pairings_text(&b, &d, text), 0);
    assert_string_equal(bundle_pairing(&b, STYLE_ANXIOUS, STYLE_AVOIDANT)->title,
                        "T anxious.avoidant");
    bundle_free(&b);
    diag_free(&d);
    /* written again the other way round: one error at the second, naming the first */
    pairings_text(text, sizeof(text), -1, "", "\n[pair.avoidant.anxious]\ntitle = Again\ntext = P.\n");
    assert_int_equal(load_pairings_text(&b, &d, text), 1);
    assert_true(has_message(&d, 44, "this pair is already written at line 24"));
    assert_string_equal(bundle_pairing(&b, STYLE_AVOIDANT, STYLE_ANXIOUS)->title,
                        "T anxious.avoidant");
    bundle_free(&b);
    diag_free(&d);
}

static void an_unknown_style_or_a_missing_pair_is_named(void **state)
{
    (void)state;
    char text[4096];
    Bundle b;
    Diags d = { 0 };
    pairings_text(text, sizeof(text), 5, "anxious.avoidnt", "");
    assert_int_equal(load_pairings_text(&b, &d, text), 2);
    assert_true(has_message(&d, 24, "'avoidnt' is not a style; did you mean avoidant?"));
    assert_true(has_message(&d, 1, "no [pair.anxious.avoidant] section"));
    bundle_free(&b);
    diag_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_default_bundle_loads_without_a_warning),
        cmocka_unit_test(what_it_loaded_matches_the_golden_dump),
        cmocka_unit_test(paragraphs_and_lists_keep_their_order),
        cmocka_unit_test(a_missing_folder_is_one_clear_error),
        cmocka_unit_test(the_stand_ins_match_the_default_bundle),
        cmocka_unit_test(each_language_says_where_to_turn_in_a_crisis),
        cmocka_unit_test(a_bundle_says_its_direction),
        cmocka_unit_test(all_ten_pairings_load_and_read_either_way),
        cmocka_unit_test(a_pair_reads_in_either_order_but_only_once),
        cmocka_unit_test(an_unknown_style_or_a_missing_pair_is_named),
    };
    return cmocka_run_group_tests_name("bundle", tests, NULL, NULL);
}
