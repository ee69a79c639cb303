/* imgdiff.c — compares two pictures (PNG) channel by channel, with a tolerance:
 *
 *     imgdiff [--tolerance N] A.png B.png
 *
 * prints `A.png B.png: max difference D, P pixels differ` and exits 0 when both have the
 * same size and no channel of any pixel differs by more than N (default 1), 1 when they
 * differ more, 2 when one cannot be read. tests/arm64.sh uses it: the same screen drawn by
 * the amd64 and the arm64 build may differ by 1 where floating point rounds differently. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <SDL_image.h>

static SDL_Surface *load(const char *path)
{
    SDL_Surface *raw = IMG_Load(path);
    if (!raw) {
        fprintf(stderr, "imgdiff: cannot read %s: %s\n", path, IMG_GetError());
        return NULL;
    }
    SDL_Surface *rgba = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_RGBA32, 0);
    SDL_FreeSurface(raw);
    if (!rgba)
        fprintf(stderr, "imgdiff: cannot convert %s: %s\n", path, SDL_GetError());
    return rgba;
}

int main(int argc, char **argv)
{
    int tolerance = 1;
    int arg = 1;
    if (argc == 5 && strcmp(argv[1], "--tolerance") == 0) {
        tolerance = atoi(argv[2]);
        arg = 3;
    } else if (argc != 3) {
        fputs("usage: imgdiff [--tolerance N] A.png B.png\n", stderr);
        return 2;
    }
    const char *pa = argv[arg], *pb = argv[arg + 1];
    int status = 2;
    SDL_Surface *a = load(pa), *b = load(pb);
    if (!a || !b)
        goto done;
    if (a->w != b->w || a->h != b->h) {
        printf("%s %s: sizes differ (%dx%d, %dx%d)\n", pa, pb, a->w, a->h, b->w, b->h);
        status = 1;
        goto done;
    }
    int worst = 0;
    long differ = 0;
    for (int y = 0; y < a->h; y++) {
        const Uint8 *ra = (const Uint8 *)a->pixels + (size_t)y * (size_t)a->pitch;
        const Uint8 *rb = (const Uint8 *)b->pixels + (size_t)y * (size_t)b->pitch;
        for (int x = 0; x < a->w; x++) {
            int most = 0;
            for (int c = 0; c < 4; c++) {
                int d = abs(ra[4 * x + c] - rb[4 * x + c]);
                most = d > most ? d : most;
            }
            differ += most > 0;
            worst = most > worst ? most : worst;
        }
    }
    printf("%s %s: max difference %d, %ld pixels differ\n", pa, pb, worst, differ);
    status = worst <= tolerance ? 0 : 1;
done:
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    return status;
}
