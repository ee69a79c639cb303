/* files.h — small file helpers for the cmocka tests (include after cmocka.h): write a
 * whole text file, asserting it worked; read one back as a string. */
#ifndef ATTUNE_TEST_FILES_H
#define ATTUNE_TEST_FILES_H

#include <stdio.h>
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

#endif
