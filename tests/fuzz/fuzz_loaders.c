/* fuzz_loaders.c — libFuzzer over everything that reads a file a person wrote: the
 * config and each bundle file, through inih, the schema checks and the loaders, then the
 * report and the dump; and the headless script parser. The first byte of an input picks
 * (0 = the config, 1..8 = the bundle's files in order, 9 = a script); the rest is its
 * text. `make fuzz` runs it. */
#include <stdint.h>
#include <stdio.h>

#include "../../app/core/bundle.h"
#include "../../app/core/config.h"
#include "../../app/core/script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static FILE *sink;
    if (!sink)
        sink = fopen("/dev/null", "w");
    int files = 0;
    while (bundle_file_name(files))
        files++;
    int pick = data[0] % (files + 2);
    const char *text = (const char *)data + 1;
    Diags diags = { 0 };
    if (pick == files + 1) {
        Script script;
        script_parse(&script, "fuzz.txt", text, size - 1, &diags);
        script_free(&script);
    } else if (pick == 0) {
        Config config;
        config_defaults(&config);
        config_load_text(&config, "config.ini", text, size - 1, &diags);
        config_dump(&config, sink);
        config_free(&config);
    } else {
        Bundle bundle = { 0 };
        bundle_load_text(&bundle, bundle_file_name(pick - 1), text, size - 1, &diags);
        bundle_dump(&bundle, sink);
        bundle_free(&bundle);
    }
    diag_print(&diags, sink);
    diag_free(&diags);
    return 0;
}
