/* config.c — see config.h. One table lists every setting: its section and key, its
 * type and range, where it lives in Config, and its default. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "inidoc.h"
#include "schema.h"
#include "suggest.h"
#include "tally.h"

_Static_assert(TALLY_MIN_THRESHOLD == 5 && TALLY_DEFAULT_THRESHOLD == 10,
               "[tally] threshold's range and default in the table below");

#define AT(field) offsetof(Config, field)
#define STORED (KEY_STORED)
#define COLOUR(key, which, dflt) { "theme", key, VALUE_COLOUR, STORED, NULL, 0, 0, AT(colours) + (which) * sizeof(uint32_t), dflt }

static const KeySpec config_keys[] = {
    { "display", "width", VALUE_INT, STORED, NULL, 240, 7680, AT(width), "800" },
    { "display", "height", VALUE_INT, STORED, NULL, 240, 7680, AT(height), "480" },
    { "display", "fullscreen", VALUE_BOOL, STORED, NULL, 0, 0, AT(fullscreen), "no" },
    SCHEMA_KEY("display", "rotation", VALUE_CHOICE, 0, "0|90|180|270"), /* read_rotation() */
    { "display", "scale", VALUE_NUMBER, STORED, NULL, 0.5, 4, AT(scale), "1" },
    { "display", "dpi", VALUE_NUMBER, STORED, NULL, 50, 600, AT(dpi), NULL },
    { "display", "diagonal", VALUE_NUMBER, STORED, NULL, 3, 120, AT(diagonal), NULL },

    SCHEMA_KEY("kiosk", "profile", VALUE_CHOICE, 0, "desktop|kiosk|workshop"), /* read_profile() */
    { "kiosk", "idle_reset", VALUE_BOOL, STORED, NULL, 0, 0, AT(idle_reset), "yes" },
    { "kiosk", "idle_timeout", VALUE_INT, STORED, NULL, 10, 3600, AT(idle_timeout), "90" },
    { "kiosk", "idle_warning", VALUE_INT, STORED, NULL, 5, 120, AT(idle_warning), "20" },
    { "kiosk", "staff_pin", VALUE_LINE, STORED | KEY_EMPTY_OK, NULL, 0, 0, AT(staff_pin), NULL },
    { "kiosk", "quick_exit", VALUE_BOOL, STORED, NULL, 0, 0, AT(quick_exit), "yes" },
    { "kiosk", "presenter", VALUE_BOOL, STORED, NULL, 0, 0, AT(presenter), "no" },
    { "kiosk", "overrides", VALUE_PATH, STORED | KEY_EMPTY_OK, NULL, 0, 0, AT(overrides), NULL },

    { "content", "bundle", VALUE_PATH, STORED | KEY_EMPTY_OK, NULL, 0, 0, AT(bundle), NULL },
    { "content", "language", VALUE_LINE, STORED, NULL, 0, 0, AT(language), "en" },
    { "content", "languages", VALUE_LINE, STORED | KEY_EMPTY_OK, NULL, 0, 0, AT(languages), NULL },
    { "content", "couple", VALUE_BOOL, STORED, NULL, 0, 0, AT(couple), "yes" },

    COLOUR("background", COLOUR_BACKGROUND, "#f6f1ea"),
    COLOUR("surface", COLOUR_SURFACE, "#fffdf9"),
    COLOUR("text", COLOUR_TEXT, "#2b2a33"),
    COLOUR("muted", COLOUR_MUTED, "#5d5a66"),
    COLOUR("accent", COLOUR_ACCENT, "#2f6f6a"),
    COLOUR("accent_text", COLOUR_ACCENT_TEXT, "#ffffff"),
    COLOUR("line", COLOUR_LINE, "#d9d0c4"),
    { "theme", "font", VALUE_LINE, STORED, NULL, 0, 0, AT(font), "Open Sans" },
    { "theme", "font_regular", VALUE_PATH, STORED | KEY_EMPTY_OK, NULL, 0, 0, AT(font_regular), NULL },
    { "theme", "font_bold", VALUE_PATH, STORED | KEY_EMPTY_OK, NULL, 0, 0, AT(font_bold), NULL },
    { "theme", "size_title", VALUE_INT, STORED, NULL, 12, 200, AT(size_title), "34" },
    { "theme", "size_body", VALUE_INT, STORED, NULL, 10, 120, AT(size_body), "22" },
    { "theme", "size_caption", VALUE_INT, STORED, NULL, 10, 120, AT(size_caption), "17" },

    { "tally", "enabled", VALUE_BOOL, STORED, NULL, 0, 0, AT(tally), "no" },
    { "tally", "file", VALUE_PATH, STORED | KEY_EMPTY_OK, NULL, 0, 0, AT(tally_file), NULL },
    { "tally", "threshold", VALUE_INT, STORED, NULL, 5, 100000, AT(tally_threshold), "10" }, /* tally.h */

    { "platform", "backlight", VALUE_PATH, STORED | KEY_EMPTY_OK, NULL, 0, 0, AT(backlight), NULL },
    { "platform", "dim_after", VALUE_INT, STORED, NULL, 0, 86400, AT(dim_after), "300" },
    { "platform", "off_after", VALUE_INT, STORED, NULL, 0, 86400, AT(off_after), "1800" },
    { "platform", "brightness", VALUE_INT, STORED, NULL, 5, 100, AT(brightness), "80" },

    { "support", "name", VALUE_LINE, STORED, NULL, 0, 0, AT(practice_name), NULL },
    { "support", "text", VALUE_PROSE, STORED, NULL, 0, 0, AT(practice_text), NULL },
    { "support", "crisis", VALUE_PROSE, STORED, NULL, 0, 0, AT(crisis_text), NULL },
    { "support", "booking", VALUE_LINE, STORED | KEY_EMPTY_OK, NULL, 0, 0, AT(booking), NULL },
    { "support", "booking_url", VALUE_LINE, STORED | KEY_EMPTY_OK, NULL, 0, 0, AT(booking_url), NULL },
    SCHEMA_END
};

void config_defaults(Config *config)
{
    *config = (Config){ 0 };
    config->rotation = 0;
    config->profile = PROFILE_DESKTOP;
    config->language = config->languages = config->font = "";
    config->staff_pin = config->bundle = config->font_regular = config->font_bold = "";
    config->tally_file = config->backlight = config->practice_name = config->practice_text = "";
    config->crisis_text = config->overrides = config->booking = config->booking_url = "";
    schema_apply_defaults(config_keys, config);
    config->language_codes[0] = config->language;
    config->language_count = 1;
}

/* Rotation is a choice of words in the file but a number in Config. */
static void read_rotation(const IniDoc *doc, Config *config)
{
    int s = inidoc_find_section(doc, "display");
    const char *v = inidoc_get(doc, s, "rotation", NULL);
    long n;
    if (v && schema_parse_int(v, &n) && (n == 0 || n == 90 || n == 180 || n == 270))
        config->rotation = (int)n;
}

/* The profile is a word in the file but a Profile in Config (schema_check has said when
 * the word is not one of them). */
static void read_profile(const IniDoc *doc, Config *config)
{
    int s = inidoc_find_section(doc, "kiosk");
    const char *v = inidoc_get(doc, s, "profile", NULL);
    Profile p;
    if (v && profile_from_name(v, &p))
        config->profile = p;
}

/* Where `section`'s `key` is in `doc`, or NULL. */
static const IniEntry *entry(const IniDoc *doc, const char *section, const char *key)
{
    int s = inidoc_find_section(doc, section);
    return s >= 0 ? inidoc_find(doc, s, key) : NULL;
}

/* Notes where `section`'s `key` is set, when `doc` sets it (else `at` keeps what it had). */
static void note_at(ConfigAt *at, const IniDoc *doc, const char *section, const char *key)
{
    const IniEntry *e = entry(doc, section, key);
    if (e)
        *at = (ConfigAt){ doc->path, e->line };
}

/* A relative path the file sets is relative to the file's own folder (a path set by an
 * earlier file has been made relative to that file's folder already). */
static const char *beside(Config *config, const IniDoc *doc, const char *section, const char *key,
                          const char *value)
{
    const char *config_path = doc->path;
    if (!value[0] || value[0] == '/' || !entry(doc, section, key))
        return value;
    const char *slash = strrchr(config_path, '/');
    if (!slash)
        return value;
    const char *dir = arena_strndup(&config->arena, config_path, (size_t)(slash - config_path));
    return dir ? arena_concat(&config->arena, dir, "/", value) : value;
}

/* A PIN of one digit repeated (0000, 1111) or counting up or down by one (1234, 4321,
 * 7890) is among the first anyone tries: refused. `pin` is 4 to 8 digits. */
static bool trivial_pin(const char *pin)
{
    bool same = true, up = true, down = true;
    for (size_t i = 1; pin[i]; i++) {
        int step = (pin[i] - pin[i - 1] + 10) % 10;
        same = same && step == 0;
        up = up && step == 1;
        down = down && step == 9;
    }
    return same || up || down;
}

/* Whether `code` looks like a language code: letters, digits and '-', starting with a
 * letter (BCP 47, as the bundle folders are named). */
static bool code_ok(const char *code, size_t n)
{
    if (n == 0 || n > CONFIG_MAX_CODE || !((code[0] | 0x20) >= 'a' && (code[0] | 0x20) <= 'z'))
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = code[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

/* [content] languages (the codes offered) and language (the default, which must be one of
 * them; unset: the first). Each code is checked here; that each has a folder, content.c
 * checks (it knows where the folders are). */
static void read_languages(Config *config, const IniDoc *doc, Diags *diags)
{
    int s = inidoc_find_section(doc, "content");
    const IniEntry *list = s >= 0 ? inidoc_find(doc, s, "languages") : NULL;
    const IniEntry *dflt = s >= 0 ? inidoc_find(doc, s, "language") : NULL;
    if (!list && !dflt)
        return; /* as an earlier file (or the defaults) left them */
    if (dflt)
        config->language_line = dflt->line;
    if (list) {
        config->languages_line = list->line;
        config->languages_at = (ConfigAt){ doc->path, list->line };
    }
    config->language_codes[0] = config->language;
    config->language_codes[1] = NULL;
    config->language_count = 1;
    config->default_language = 0;
    if (!config->languages[0])
        return;
    const char *list_path = config->languages_at.path;
    int list_line = config->languages_at.line;
    int n = 0;
    for (const char *p = config->languages; *p;) {
        size_t len = strcspn(p, " \t,");
        if (len == 0) {
            p++;
            continue;
        }
        const char *code = arena_strndup(&config->arena, p, len);
        bool twice = false;
        for (int i = 0; i < n && code; i++)
            twice = twice || strcmp(config->language_codes[i], code) == 0;
        if (!code_ok(p, len))
            diag_add(diags, list_path, list_line, DIAG_ERROR, "[content]: languages: '%.*s' is not a "
                     "language code (like en, es or pt-BR: a folder's name in the content folder)", (int)len, p);
        else if (twice)
            diag_add(diags, list_path, list_line, DIAG_ERROR, "[content]: languages: '%s' is listed twice", code);
        else if (n == CONFIG_MAX_LANGUAGES)
            diag_add(diags, list_path, list_line, DIAG_ERROR, "[content]: languages: more than %d languages",
                     CONFIG_MAX_LANGUAGES);
        else if (code)
            config->language_codes[n++] = code;
        p += len;
    }
    if (n == 0) {
        config->language_codes[0] = config->language;
        return;
    }
    config->language_count = n;
    config->language_codes[n] = NULL;
    if (!config->language_line) { /* no file names the default: the first offered */
        config->language = config->language_codes[0];
        return;
    }
    for (int i = 0; i < n; i++)
        if (strcmp(config->language_codes[i], config->language) == 0) {
            config->default_language = i;
            return;
        }
    const char *near = suggest_near(config->language, strlen(config->language), config->language_codes);
    diag_add(diags, dflt ? doc->path : list_path, dflt ? dflt->line : list_line, DIAG_ERROR,
             "[content]: language '%s' (the default) is not one "
             "of the languages offered (%s)%s%s%s", config->language, config->languages,
             near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
    config->language = config->language_codes[0];
}

/* A setting a kiosk's practice must make its own, unset: a warning at where it was set
 * (else line 1 of `path`), saying what to write. */
static void warn_unset(Diags *diags, const ConfigAt *at, const char *path, const char *what,
                       const char *write)
{
    diag_add(diags, at->path ? at->path : path, at->path ? at->line : 1, DIAG_WARNING, "%s: %s", what, write);
}

void config_warn_unset(const Config *config, const char *path, Diags *diags)
{
    if (config->profile != PROFILE_KIOSK || !path)
        return;
    if (!config->practice_name[0] || strcmp(config->practice_name, "Your practice") == 0)
        warn_unset(diags, &config->name_at, path, config->practice_name[0]
                   ? "[support] name is still \"Your practice\", so patrons read that on Get support"
                   : "[support] name is not set, so Get support names no practice",
                   "write your practice's name under [support], like: name = Harbour Street Counselling");
    if (!config->staff_pin[0])
        warn_unset(diags, &config->staff_pin_at, path, "[kiosk] staff_pin is not set, so staff cannot "
                   "open the staff menu (reload, tally, brightness, close)",
                   "write 4 to 8 digits of your own under [kiosk], like: staff_pin = 5813");
}

/* Checks and reads a parsed file over the current settings. */
static void read_config(Config *config, const IniDoc *doc, Diags *diags)
{
    const char *path = doc->path;
    schema_check(doc, config_keys, DIAG_WARNING, diags);
    schema_apply(doc, config_keys, config, &config->arena);
    read_rotation(doc, config);
    read_profile(doc, config);
    read_languages(config, doc, diags);
    config->path = path;
    config->bundle = beside(config, doc, "content", "bundle", config->bundle);
    config->font_regular = beside(config, doc, "theme", "font_regular", config->font_regular);
    config->font_bold = beside(config, doc, "theme", "font_bold", config->font_bold);
    config->tally_file = beside(config, doc, "tally", "file", config->tally_file);
    config->overrides = beside(config, doc, "kiosk", "overrides", config->overrides);
    note_at(&config->staff_pin_at, doc, "kiosk", "staff_pin");
    note_at(&config->name_at, doc, "support", "name");
    note_at(&config->bundle_at, doc, "content", "bundle");
    note_at(&config->tally_file_at, doc, "tally", "file");

    /* where the fonts are set, so that a font that cannot be used is named at path:line */
    int theme = inidoc_find_section(doc, "theme");
    const IniEntry *font = theme >= 0 ? inidoc_find(doc, theme, "font") : NULL;
    const IniEntry *regular = theme >= 0 ? inidoc_find(doc, theme, "font_regular") : NULL;
    const IniEntry *bold = theme >= 0 ? inidoc_find(doc, theme, "font_bold") : NULL;
    config->font_line = font ? font->line : config->font_line;
    config->font_regular_line = regular ? regular->line : config->font_regular_line;
    config->font_bold_line = bold ? bold->line : config->font_bold_line;

    int s = inidoc_find_section(doc, "kiosk");
    if (config->idle_warning >= config->idle_timeout) {
        const IniEntry *e = inidoc_find(doc, s, "idle_warning");
        diag_add(diags, path, e ? e->line : 1, DIAG_ERROR,
                 "[kiosk]: idle_warning (%d s) must be shorter than idle_timeout (%d s)",
                 config->idle_warning, config->idle_timeout);
    }
    const IniEntry *pin = inidoc_find(doc, s, "staff_pin");
    if (pin && pin->value[0]) {
        size_t n = strlen(pin->value);
        bool digits = n >= 4 && n <= 8;
        for (size_t i = 0; i < n; i++)
            digits = digits && pin->value[i] >= '0' && pin->value[i] <= '9';
        if (!digits)
            diag_add(diags, path, pin->line, DIAG_ERROR, "[kiosk]: staff_pin must be 4 to 8 digits");
        else if (trivial_pin(pin->value))
            diag_add(diags, path, pin->line, DIAG_ERROR,
                     "[kiosk]: staff_pin is one of the first PINs anyone tries (one digit "
                     "repeated, or digits counting up or down); choose another");
    }
    const IniEntry *idle = inidoc_find(doc, s, "idle_reset");
    if (config->profile == PROFILE_KIOSK && !config->idle_reset)
        diag_add(diags, path, idle ? idle->line : 1, DIAG_WARNING,
                 "[kiosk]: idle_reset = no with profile = kiosk: a patron's answers stay on the "
                 "screen for the next person, though the consent screen promises they are "
                 "cleared when you walk away");
    if (config->off_after && config->dim_after && config->off_after < config->dim_after) {
        const IniEntry *e = inidoc_find(doc, inidoc_find_section(doc, "platform"), "off_after");
        diag_add(diags, path, e ? e->line : 1, DIAG_ERROR,
                 "[platform]: off_after (%d s) must not be shorter than dim_after (%d s)",
                 config->off_after, config->dim_after);
    }
}

bool config_load(Config *config, const char *path, Diags *diags)
{
    int errors_before = diags->errors;
    IniDoc doc;
    if (inidoc_load(&doc, path, &config->arena, diags))
        read_config(config, &doc, diags);
    inidoc_free(&doc);
    return diags->errors == errors_before;
}

bool config_load_text(Config *config, const char *path, const char *text, size_t len, Diags *diags)
{
    int errors_before = diags->errors;
    IniDoc doc;
    if (inidoc_load_text(&doc, path, text, len, &config->arena, diags))
        read_config(config, &doc, diags);
    inidoc_free(&doc);
    return diags->errors == errors_before;
}

void config_dump(const Config *c, FILE *out)
{
    for (const KeySpec *k = config_keys; k->section; k++) {
        const char *field = (const char *)c + k->offset;
        fprintf(out, "%s.%s = ", k->section, k->key);
        if (strcmp(k->key, "rotation") == 0) {
            fprintf(out, "%d\n", c->rotation);
            continue;
        }
        if (strcmp(k->key, "profile") == 0) {
            fprintf(out, "%s\n", profile_policy(c->profile)->name);
            continue;
        }
        switch (k->kind) {
        case VALUE_INT: fprintf(out, "%d\n", *(const int *)(const void *)field); break;
        case VALUE_NUMBER: fprintf(out, "%g\n", *(const double *)(const void *)field); break;
        case VALUE_BOOL: fprintf(out, "%s\n", *(const bool *)(const void *)field ? "yes" : "no"); break;
        case VALUE_COLOUR: fprintf(out, "#%06x\n", (unsigned)*(const uint32_t *)(const void *)field); break;
        default: fprintf(out, "%s\n", *(const char *const *)(const void *)field); break;
        }
    }
}

void config_free(Config *config)
{
    arena_free(&config->arena);
    config_defaults(config);
}
