/* utf8.c — see utf8.h. Follows the well-formed byte table of Unicode 15, section 3.9. */
#include "utf8.h"

/* Length of the well-formed sequence at s (at most len bytes), or 0 when broken. */
static size_t sequence_length(const unsigned char *s, size_t len)
{
    unsigned char c = s[0];
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (len < n)
        return 0;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < n; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return n;
}

bool utf8_valid(const char *s, size_t len, size_t *bad)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        size_t n = sequence_length(u + i, len - i);
        if (n == 0) {
            if (bad)
                *bad = i;
            return false;
        }
        i += n;
    }
    return true;
}

uint32_t utf8_decode(const char *s, size_t len, size_t *pos)
{
    const unsigned char *u = (const unsigned char *)s + *pos;
    size_t avail = len - *pos;
    size_t n = sequence_length(u, avail < 4 ? avail : 4);
    if (n == 0) {
        *pos += 1;
        return 0xFFFD;
    }
    *pos += n;
    switch (n) {
    case 1: return u[0];
    case 2: return ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
    case 3: return ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    default:
        return ((uint32_t)(u[0] & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
               ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    }
}

uint32_t utf8_next(const char *s, size_t *pos)
{
    size_t avail = 0; /* bytes before the NUL, up to a sequence's longest */
    while (avail < 4 && s[*pos + avail])
        avail++;
    if (avail == 0) {
        *pos += 1;
        return 0xFFFD;
    }
    return utf8_decode(s, *pos + avail, pos);
}

size_t utf8_sanitize(const char *src, size_t len, char *dst, size_t size, size_t *used)
{
    const unsigned char *u = (const unsigned char *)src;
    size_t in = 0, out = 0;
    while (in < len) {
        size_t n = u[in] ? sequence_length(u + in, len - in < 4 ? len - in : 4) : 0;
        const char *bytes = n ? src + in : UTF8_REPLACEMENT;
        size_t m = n ? n : 3;
        if (out + m >= size)
            break;
        for (size_t i = 0; i < m; i++)
            dst[out + i] = bytes[i];
        out += m;
        in += n ? n : 1;
    }
    dst[out] = '\0';
    if (used)
        *used = in;
    return out;
}

size_t utf8_floor(const char *s, size_t len)
{
    while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
        len--;
    return len;
}

size_t utf8_cut(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    size_t n = utf8_floor(s, max);
    return n > 0 ? n : max;
}

size_t utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}
