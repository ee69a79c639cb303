/* replay.c — runs a fuzz target (fuzz_loaders.c) over files given on the command line,
 * without libFuzzer: `make test` replays every kept crash in tests/fuzz/regress/ under
 * ASan and UBSan, so a fixed crash stays fixed. Prints one line per file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 2;
        }
        static uint8_t data[1 << 20];
        size_t n = fread(data, 1, sizeof(data), f);
        fclose(f);
        uint8_t *copy = malloc(n ? n : 1); /* exactly n bytes, so ASan sees an overrun */
        for (size_t k = 0; k < n; k++)
            copy[k] = data[k];
        LLVMFuzzerTestOneInput(copy, n);
        free(copy);
        printf("replayed %s (%zu bytes)\n", argv[i], n);
    }
    return 0;
}
