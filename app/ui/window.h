/* window.h — the app's window (for now: the attract words from the bundle). */
#ifndef ATTUNE_WINDOW_H
#define ATTUNE_WINDOW_H

#include <stdbool.h>

#include "../core/bundle.h"
#include "../core/config.h"

/* Opens the window the config describes and shows the bundle's attract screen until the
 * window is closed. Returns false, after one clear sentence on stderr, when there is no
 * display or no font. */
bool window_run(const Config *config, const Bundle *bundle);

#endif
