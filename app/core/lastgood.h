/* lastgood.h — the last content and config that passed the check, kept in a state folder
 * (under systemd, StateDirectory: /var/lib/attune), so that a kiosk whose content or
 * config was broken by an edit runs the last good one instead of "Back soon".
 *
 * The copies live in STATE/last-good/: `content` (a link to a folder content-XXXXXX holding
 * the bundle's own INI files, nothing else), `config.ini` and `overrides.ini` (the owner's
 * attune.ini from the boot partition, laid over the config). Each is replaced whole or not
 * at all: the files are read (regular files only, each at most INIDOC_MAX_FILE bytes),
 * written into a fresh folder (or a temp file) and flushed, checked again as the loaders
 * read them, and only then put in place by one rename. So a copy cut short (a full disk, a
 * power cut, a file edited while it was copied) never becomes the last good one. Nothing
 * but content and settings is kept: no answer, no tally. The config holds the staff PIN,
 * so the folder and files are the app user's alone (0700, 0600). */
#ifndef ATTUNE_LASTGOOD_H
#define ATTUNE_LASTGOOD_H

#include <stdbool.h>
#include <stddef.h>

#include "bundle.h"
#include "config.h"
#include "diag.h"

/* What a keep did. */
typedef enum LastGoodKept {
    LASTGOOD_FAILED,     /* nothing replaced: `error` says why; the old copy (if any) stays */
    LASTGOOD_UNCHANGED,  /* the copy already held exactly these bytes: nothing written */
    LASTGOOD_WRITTEN,    /* the copy is now these files */
} LastGoodKept;

/* Keeps the bundle in `bundle_dir` (which has just passed the check) as the last good
 * content under `state`. `error` gets one sentence when it fails. */
LastGoodKept lastgood_keep_content(const char *state, const char *bundle_dir, char *error, size_t size);

/* Keeps the config file `path` (which has just passed the check) as the last good config. */
LastGoodKept lastgood_keep_config(const char *state, const char *path, char *error, size_t size);

/* Keeps the owner's overrides file `path` (which has just passed the check, read over the
 * config file `base`) as the last good overrides. */
LastGoodKept lastgood_keep_overrides(const char *state, const char *base, const char *path, char *error,
                                     size_t size);

/* Forgets the last good overrides (the owner removed the file: no overrides now). */
void lastgood_forget_overrides(const char *state);

/* Reads the last good overrides over `config`, as if they were the file `path`; true when
 * a copy is kept and adds no error. On false `config` may hold part of them: the caller
 * reads the config again. */
bool lastgood_use_overrides(Config *config, const char *state, const char *path);

/* Replaces `bundle` by the last good content and returns true, when a copy is kept and
 * passes the check now (an upgrade may have made a rule stricter); else leaves it. */
bool lastgood_use_content(Bundle *bundle, const char *state);

/* Replaces `config` by the last good config, read as if it were the file `path` (so that
 * relative paths in it mean what they meant there), and returns true, when a copy is kept,
 * passes the check now and its profile stays up (a desktop app with errors stops instead);
 * else leaves it. */
bool lastgood_use_config(Config *config, const char *state, const char *path);

/* The folder the last good content is read from (STATE/last-good/content), for messages. */
void lastgood_content_path(const char *state, char *out, size_t size);

#endif
