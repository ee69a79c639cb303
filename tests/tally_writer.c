/* tally_writer.c — the writer and the checker of tests/tally_kill.sh, which kills the
 * writer at random moments and checks that the tally file is always whole.
 *
 *   tally_writer --check PATH  loads PATH as the app would and prints `whole N` (N the
 *                              quizzes completed) and exits 0 when it is whole: loaded with
 *                              no problem reported, completed at least the sum of the
 *                              styles (less after a kill mid-batch), the styles written
 *                              only in whole batches (a multiple of TALLY_MIN_THRESHOLD)
 *                              and, as this writer always counts both, completed equal to
 *                              sessions. Otherwise
 *                              prints `broken`, says why on stderr and exits 1.
 *   tally_writer PATH          first checks PATH and prints the verdict as --check does (so
 *                              that one process both checks after a kill and writes: a
 *                              process costs the kill test more than anything else); then,
 *                              from those counts (or zero), saves the tally again and again,
 *                              one more session and one more result each time, until it is
 *                              killed. Exits 2 if a save fails. */
#include <stdio.h>
#include <string.h>

#include "../app/core/tally.h"

static bool check(const char *path, Tally *t)
{
    Diags diags = { 0 };
    bool whole = tally_load(t, path, &diags) && diags.count == 0;
    long sum = 0;
    for (int i = 0; i < STYLE_COUNT; i++)
        sum += t->results[i];
    if (!whole)
        diag_print(&diags, stderr);
    else if (sum > t->completed || t->sessions != t->completed || sum % TALLY_MIN_THRESHOLD != 0) {
        fprintf(stderr, "%s: sessions %d, completed %d, the styles add up to %ld\n", path,
                t->sessions, t->completed, sum);
        whole = false;
    }
    diag_free(&diags);
    if (whole)
        printf("whole %d\n", t->completed);
    else
        printf("broken\n");
    fflush(stdout);
    return whole;
}

static int write_forever(const char *path)
{
    Tally t;
    if (!check(path, &t))
        tally_reset(&t); /* the broken file is put aside: count again from zero */
    char error[512];
    for (unsigned n = 0;; n++) {
        tally_count_session(&t);
        tally_count_result(&t, (Style)(n % STYLE_COUNT), TALLY_MIN_THRESHOLD);
        if (!tally_save(&t, TALLY_MIN_THRESHOLD, path, error, sizeof(error))) {
            fprintf(stderr, "tally_writer: %s\n", error);
            return 2;
        }
    }
}

int main(int argc, char **argv)
{
    Tally t;
    if (argc == 3 && strcmp(argv[1], "--check") == 0)
        return check(argv[2], &t) ? 0 : 1;
    if (argc == 2 && argv[1][0] != '-')
        return write_forever(argv[1]);
    fprintf(stderr, "usage: tally_writer PATH | tally_writer --check PATH\n");
    return 2;
}
