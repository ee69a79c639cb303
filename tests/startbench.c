/* startbench.c — `make bench`'s start figures: Attune launched as a person launches it, in a
 * real window (the Makefile runs this under Xvfb when there is no display), timed from
 * just before its process starts to its first frame on screen, and the whole process's
 * proportional memory (PSS, /proc/PID/smaps_rollup) at that moment; beside it the least
 * SDL2 program (tests/least_sdl.c) measured the same way in the same run, as the floor.
 *
 *   build/startbench ATTUNE LEAST_SDL FIRSTFRAME.so [RUNS]
 *
 * "On screen" is the return of the first SDL_RenderPresent, a complete frame in both
 * programs: tests/firstframe.c, preloaded into each, writes the time to a pipe and stops
 * the process there, so that its memory is read at that moment. The runs alternate
 * between the two programs, so that other work on the machine falls on both; the medians
 * count. Attune runs with config/desktop.ini (an 800x480 window) from the repository's
 * top folder; the least program uses the renderer Attune said it chose ("software" or
 * not, from Attune's start line). Prints figures with the goals; exits 0 unless a program
 * cannot be measured at all. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { MAX_RUNS = 31, WAIT_MS = 20000 };
#define GOAL_RATIO 1.3
#define GOAL_PSS_MIB 12.0

typedef struct Sample {
    double ms;      /* process start to first frame */
    double pss_mib; /* the whole process at its first frame */
} Sample;

static long long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static double pss_mib(pid_t pid)
{
    char path[64], line[256];
    snprintf(path, sizeof(path), "/proc/%d/smaps_rollup", (int)pid);
    FILE *in = fopen(path, "r");
    double kib = -1;
    while (in && fgets(line, sizeof(line), in))
        if (sscanf(line, "Pss: %lf kB", &kib) == 1)
            break;
    if (in)
        fclose(in);
    return kib < 0 ? -1 : kib / 1024;
}

/* Runs argv with the preload, its stderr to `log`; fills `out`. False when it gave no
 * first frame within WAIT_MS (its log says why). */
static bool measure(char *const argv[], const char *preload, const char *log, Sample *out)
{
    int fds[2];
    if (pipe(fds) != 0)
        return false;
    long long start = now_ns();
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        char fd[16];
        snprintf(fd, sizeof(fd), "%d", fds[1]);
        setenv("FIRSTFRAME_FD", fd, 1);
        setenv("LD_PRELOAD", preload, 1);
        int err = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (err >= 0) {
            dup2(err, 1);
            dup2(err, 2);
        }
        execv(argv[0], argv);
        _exit(127);
    }
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        return false;
    }
    char text[32] = "";
    struct pollfd p = { fds[0], POLLIN, 0 };
    ssize_t n = poll(&p, 1, WAIT_MS) == 1 ? read(fds[0], text, sizeof(text) - 1) : -1;
    close(fds[0]);
    bool got = n > 0;
    if (got) {
        text[n] = '\0';
        int status;
        waitpid(pid, &status, WUNTRACED); /* stopped at its first frame */
        out->ms = (double)(strtoll(text, NULL, 10) - start) / 1e6;
        out->pss_mib = pss_mib(pid);
    }
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    return got && out->pss_mib > 0;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(const Sample *s, int n, bool memory)
{
    double v[MAX_RUNS];
    for (int i = 0; i < n; i++)
        v[i] = memory ? s[i].pss_mib : s[i].ms;
    qsort(v, (size_t)n, sizeof(v[0]), by_value);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Attune's start line, "attune: renderer: ...", from its log ("" when absent). */
static void renderer_line(const char *log, char *out, size_t size)
{
    FILE *in = fopen(log, "r");
    char line[512];
    out[0] = '\0';
    while (in && fgets(line, sizeof(line), in))
        if (strncmp(line, "attune: renderer: ", 18) == 0) {
            line[strcspn(line, "\n")] = '\0';
            snprintf(out, size, "%.200s", line + 18);
            break;
        }
    if (in)
        fclose(in);
}

static void show_log(const char *name, const char *log)
{
    char command[512];
    printf("bench: %s gave no first frame; its output:\n", name);
    fflush(stdout);
    snprintf(command, sizeof(command), "sed 's/^/    /' '%s'", log);
    if (system(command) != 0)
        printf("    (none)\n");
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: startbench ATTUNE LEAST_SDL FIRSTFRAME.so [RUNS]\n");
        return 2;
    }
    int runs = argc > 4 ? atoi(argv[4]) : 7;
    runs = runs < 1 ? 1 : runs > MAX_RUNS ? MAX_RUNS : runs;
    char preload[1024], dir[] = "/tmp/attune-startbench-XXXXXX", app_log[128], least_log[128];
    if (!realpath(argv[3], preload) || !mkdtemp(dir)) {
        fprintf(stderr, "startbench: %s: %s\n", argv[3], strerror(errno));
        return 2;
    }
    snprintf(app_log, sizeof(app_log), "%s/attune.log", dir);
    snprintf(least_log, sizeof(least_log), "%s/least.log", dir);
    char *app[] = { argv[1], "--config", "config/desktop.ini", NULL };
    Sample a[MAX_RUNS], l[MAX_RUNS];
    char renderer[256] = "";
    for (int i = 0; i < runs; i++) {
        if (!measure(app, preload, app_log, &a[i])) {
            show_log("attune", app_log);
            return 1;
        }
        if (i == 0)
            renderer_line(app_log, renderer, sizeof(renderer));
        char *least[] = { argv[2], strncmp(renderer, "software", 8) == 0 ? "software" : "auto", NULL };
        if (!measure(least, preload, least_log, &l[i])) {
            show_log("least_sdl", least_log);
            return 1;
        }
    }
    unlink(app_log);
    unlink(least_log);
    rmdir(dir);
    double am = median(a, runs, false), lm = median(l, runs, false);
    double ap = median(a, runs, true), lp = median(l, runs, true);
    printf("first frame on screen from launch, 800x480 window: attune %.0f ms, least SDL2 %.0f ms "
           "(%.2fx; goal <= %.1fx) %s\n", am, lm, am / lm, GOAL_RATIO,
           am / lm <= GOAL_RATIO ? "PASS" : "MISS");
    printf("PSS at the first frame: attune %.1f MiB, least SDL2 %.1f MiB (goal <= %.0f MiB at 800x480) %s\n",
           ap, lp, GOAL_PSS_MIB, ap <= GOAL_PSS_MIB ? "PASS" : "MISS");
    printf("    medians of %d runs each, alternating; attune's renderer: %s\n", runs,
           renderer[0] ? renderer : "(it did not say)");
    return 0;
}
