/* files.h — small file helpers for the cmocka tests (include after cmocka.h; mkdtemp wants
 * _DEFAULT_SOURCE defined first): write a whole text file, asserting it worked; read one
 * back as a string; a fresh folder under /tmp for a test, and its removal. */
#ifndef ATTUNE_TEST_FILES_H
#define ATTUNE_TEST_FILES_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline void write_text(const char *path, const char *text)
{
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    assert_int_equal(fwrite(text, 1, strlen(text), out), strlen(text));
    assert_int_equal(fclose(out), 0);
}

/* The whole file as a string (at most 4 KiB), or "" when it cannot be read. The string
 * lives until the next call. */
static inline const char *read_text(const char *path)
{
    static char text[4096];
    text[0] = '\0';
    FILE *in = fopen(path, "rb");
    if (!in)
        return text;
    size_t n = fread(text, 1, sizeof(text) - 1, in);
    text[n] = '\0';
    fclose(in);
    return text;
}

/* Makes a fresh folder /tmp/attune-NAME-XXXXXX and puts its path in `dir` (`size` bytes):
 * false when it cannot (a fixture's setup then fails). */
static inline bool make_temp_folder(char *dir, size_t size, const char *name)
{
    int n = snprintf(dir, size, "/tmp/attune-%s-XXXXXX", name);
    return n > 0 && (size_t)n < size && mkdtemp(dir) != NULL;
}

/* Removes the folder `dir` and all it holds: false when that fails. */
static inline bool remove_folder(const char *dir)
{
    char command[512];
    int n = snprintf(command, sizeof(command), "rm -rf '%s'", dir);
    return n > 0 && (size_t)n < sizeof(command) && system(command) == 0;
}

#endif
