/* common.c — the platform helpers both builds share, in plain C and POSIX with no SDL, so
 * that tests/test_platform.c runs them against fake sysfs folders: the backlight
 * and the dimming policy, the DRM card with a connected display, and the input wait.
 * See platform.h for what each function promises; the comments here say why. */
#define _DEFAULT_SOURCE /* scandir, alphasort, O_CLOEXEC */
#include "platform.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <stdint.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <unistd.h>

/* --- small file helpers ------------------------------------------------------------- */

/* Reads the start of a (sysfs) file into `buf` as a string without its trailing
 * whitespace. Returns false when it cannot be read. */
static bool read_line(const char *path, char *buf, size_t size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    ssize_t n = read(fd, buf, size - 1);
    close(fd);
    if (n < 0)
        return false;
    while (n > 0 && isspace((unsigned char)buf[n - 1]))
        n--;
    buf[n] = '\0';
    return true;
}

static bool read_int(const char *path, int *out)
{
    char buf[32], *end;
    if (!read_line(path, buf, sizeof(buf)) || !buf[0])
        return false;
    long v = strtol(buf, &end, 10);
    if (*end || v < 0 || v > 1000000000L)
        return false;
    *out = (int)v;
    return true;
}

/* --- backlight ---------------------------------------------------------------------- */

/* Takes `dir` when it holds a usable backlight. */
static bool try_backlight(PlatBacklight *bl, const char *dir)
{
    char path[sizeof(bl->dir) + 32];
    struct stat st;
    int max, value;
    if (strlen(dir) >= sizeof(bl->dir))
        return false;
    snprintf(path, sizeof(path), "%s/max_brightness", dir);
    if (!read_int(path, &max) || max <= 0)
        return false;
    snprintf(path, sizeof(path), "%s/brightness", dir);
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    /* Found even when brightness is not writable: plat_backlight_set then says why. */
    snprintf(bl->dir, sizeof(bl->dir), "%s", dir);
    bl->max = max;
    bl->value = read_int(path, &value) ? value : -1;
    bl->found = true;
    return true;
}

static int not_hidden(const struct dirent *e)
{
    return e->d_name[0] != '.';
}

bool plat_backlight_open(PlatBacklight *bl, const char *root, const char *name)
{
    memset(bl, 0, sizeof(*bl));
    bl->value = -1;
    char path[sizeof(bl->dir) * 2];
    if (name && *name) {
        /* A path as the config gives it (made absolute next to the config file when it
         * was relative), else only its last part under root. */
        char own[sizeof(bl->dir)];
        snprintf(own, sizeof(own), "%s", name);
        size_t n = strlen(own);
        while (n > 1 && own[n - 1] == '/')
            own[--n] = '\0';
        if (strchr(own, '/') && try_backlight(bl, own))
            return true;
        const char *base = strrchr(own, '/') ? strrchr(own, '/') + 1 : own;
        if (root && *base) {
            snprintf(path, sizeof(path), "%s/%s", root, base);
            try_backlight(bl, path);
        }
        return bl->found;
    }
    if (!root)
        return false;
    struct dirent **list;
    int count = scandir(root, &list, not_hidden, alphasort);
    for (int i = 0; i < count; i++) {
        if (!bl->found) {
            snprintf(path, sizeof(path), "%s/%s", root, list[i]->d_name);
            try_backlight(bl, path);
        }
        free(list[i]);
    }
    if (count >= 0)
        free(list);
    return bl->found;
}

bool plat_backlight_set(PlatBacklight *bl, int percent)
{
    if (!bl->found) {
        errno = ENODEV;
        return false;
    }
    percent = percent < 0 ? 0 : percent > 100 ? 100 : percent;
    long value = ((long)percent * bl->max + 50) / 100;
    if (percent > 0 && value < 1)
        value = 1;
    if (value == bl->value)
        return true;
    char path[sizeof(bl->dir) + 16], text[24];
    snprintf(path, sizeof(path), "%s/brightness", bl->dir);
    int len = snprintf(text, sizeof(text), "%ld\n", value);
    int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0)
        return false;
    /* sysfs takes the whole value in one write and reports a refusal there or at close */
    bool ok = write(fd, text, (size_t)len) == len;
    int saved = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (!ok) {
        errno = saved;
        return false;
    }
    bl->value = (int)value;
    return true;
}

/* --- dimming ------------------------------------------------------------------------ */

PlatLevel plat_level_wanted(bool attract, long idle_ms, int dim_after, int off_after)
{
    if (!attract)
        return PLAT_LEVEL_FULL;
    if (off_after > 0 && idle_ms >= off_after * 1000L)
        return PLAT_LEVEL_OFF;
    if (dim_after > 0 && idle_ms >= dim_after * 1000L)
        return PLAT_LEVEL_DIM;
    return PLAT_LEVEL_FULL;
}

PlatShow plat_level_show(PlatLevel level, int brightness, bool has_backlight)
{
    brightness = brightness < 0 ? 0 : brightness > 100 ? 100 : brightness;
    int dim = (brightness + 2) / 5;
    PlatShow show = { has_backlight ? brightness : -1, 0 };
    if (level == PLAT_LEVEL_DIM) {
        if (has_backlight)
            show.backlight = dim < 1 ? 1 : dim;
        else
            show.shade = 204; /* the picture at a fifth */
    } else if (level == PLAT_LEVEL_OFF) {
        /* black even with the backlight off: many panels still glow at 0 */
        show.backlight = has_backlight ? 0 : -1;
        show.shade = 255;
    }
    return show;
}

void plat_dimmer_init(PlatDimmer *d, int dim_after, int off_after)
{
    d->dim_after = dim_after;
    d->off_after = off_after;
    d->level = PLAT_LEVEL_FULL;
}

bool plat_dimmer_update(PlatDimmer *d, bool attract, long idle_ms)
{
    PlatLevel want = plat_level_wanted(attract, idle_ms, d->dim_after, d->off_after);
    if (want == d->level)
        return false;
    d->level = want;
    return true;
}

bool plat_dimmer_wake(PlatDimmer *d)
{
    bool was_down = d->level != PLAT_LEVEL_FULL;
    d->level = PLAT_LEVEL_FULL;
    return was_down;
}

long plat_dimmer_next_ms(const PlatDimmer *d, bool attract, long idle_ms)
{
    if (plat_level_wanted(attract, idle_ms, d->dim_after, d->off_after) != d->level)
        return 0;
    if (!attract)
        return -1;
    long next = -1;
    int after[2] = { d->dim_after, d->off_after };
    for (int i = 0; i < 2; i++) {
        long left = after[i] * 1000L - idle_ms;
        if (after[i] > 0 && left > 0 && (next < 0 || left < next))
            next = left;
    }
    return next;
}

/* --- DRM card ----------------------------------------------------------------------- */

/* How much a connector type is wanted: a panel built into the kiosk over an external
 * screen; 0 for connectors that are never a display (writeback). */
static int connector_rank(const char *type)
{
    static const struct { const char *prefix; int rank; } ranks[] = {
        { "DSI-", 4 }, { "DPI-", 3 }, { "eDP-", 3 }, { "LVDS-", 3 }, { "Writeback-", 0 },
    };
    for (size_t i = 0; i < sizeof(ranks) / sizeof(ranks[0]); i++)
        if (strncmp(type, ranks[i].prefix, strlen(ranks[i].prefix)) == 0)
            return ranks[i].rank;
    return 1;
}

int plat_drm_card(const char *root, char *connector, size_t size)
{
    if (!root)
        root = "/sys/class/drm";
    DIR *dir = opendir(root);
    if (!dir)
        return -1;
    int best = -1, best_rank = 0;
    char best_name[256] = "";
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        const char *name = e->d_name;
        if (strncmp(name, "card", 4) != 0 || !isdigit((unsigned char)name[4]))
            continue;
        char *end;
        long card = strtol(name + 4, &end, 10);
        if (*end != '-' || card > 99) /* cardN alone is the card; SDL takes 0..99 */
            continue;
        int rank = connector_rank(end + 1);
        if (rank == 0)
            continue;
        char path[512], status[32];
        snprintf(path, sizeof(path), "%s/%s/status", root, name);
        if (!read_line(path, status, sizeof(status)) || strcmp(status, "connected") != 0)
            continue;
        if (rank > best_rank || (rank == best_rank && (card < best ||
                                 (card == best && strcmp(name, best_name) < 0)))) {
            best = (int)card;
            best_rank = rank;
            snprintf(best_name, sizeof(best_name), "%s", name);
        }
    }
    closedir(dir);
    if (connector && size > 0)
        snprintf(connector, size, "%s", best_name);
    return best;
}

/* --- waiting for input -------------------------------------------------------------- */

static void close_devices(PlatInput *in)
{
    for (int i = 0; i < in->count; i++)
        close(in->fd[i]);
    in->count = 0;
}

/* Opens every eventN in the folder afresh. Returns the errno of the last refusal, or 0. */
static int scan_devices(PlatInput *in)
{
    close_devices(in);
    in->denied = 0;
    int refused = 0;
    DIR *dir = opendir(in->dir);
    if (!dir)
        return 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL && in->count < PLAT_INPUT_MAX) {
        if (strncmp(e->d_name, "event", 5) != 0 || !isdigit((unsigned char)e->d_name[5]))
            continue;
        char path[sizeof(in->dir) + 300];
        snprintf(path, sizeof(path), "%s/%s", in->dir, e->d_name);
        int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            if (errno == EACCES || errno == EPERM) {
                in->denied++;
                refused = errno;
            }
            continue;
        }
        /* A regular file is always readable and would end every wait at once. Devices
         * are character devices; the tests use FIFOs. */
        struct stat st;
        if (fstat(fd, &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) {
            close(fd);
            continue;
        }
        in->fd[in->count++] = fd;
    }
    closedir(dir);
    return refused;
}

/* Reads and drops what is waiting. Returns false when the device is gone (an error, or
 * the end of a FIFO), so the caller scans again. */
static bool drain(int fd)
{
    char buf[4096]; /* a whole number of input_events fits; evdev fills it with whole ones */
    for (int i = 0; i < 64; i++) {
        ssize_t n = read(fd, buf, sizeof(buf));
        if (n > 0)
            continue;
        if (n < 0 && errno == EINTR)
            continue;
        return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
    return true; /* still more: a flood; the next wait drains the rest */
}

bool plat_input_open(PlatInput *in, const char *dir, char *error, size_t error_size)
{
    memset(in, 0, sizeof(*in));
    in->watch = -1;
    in->signals = in->display = in->files = -1;
    if (!dir)
        dir = "/dev/input";
    if (strlen(dir) >= sizeof(in->dir)) {
        snprintf(error, error_size, "the input folder name is too long: %s", dir);
        return false;
    }
    snprintf(in->dir, sizeof(in->dir), "%s", dir);
    if (!in->dir[0])
        return true;
    /* Added devices appear, then udev gives them to the input group (an attribute change);
     * removed ones disappear. Each is worth a new scan, and nothing else wakes us. */
    in->watch = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (in->watch >= 0 && inotify_add_watch(in->watch, in->dir, IN_CREATE | IN_DELETE |
                                            IN_ATTRIB | IN_MOVED_TO | IN_MOVED_FROM) < 0) {
        close(in->watch);
        in->watch = -1;
    }
    int refused = scan_devices(in);
    if (in->count == 0 && in->denied > 0) {
        snprintf(error, error_size, "cannot read the touch screen or keyboard (%s/event*: %s): %s",
                 in->dir, strerror(refused), PLAT_GROUPS_ADVICE);
        return false;
    }
    return true;
}

int plat_input_wait(PlatInput *in, int timeout_ms)
{
    struct pollfd p[PLAT_INPUT_MAX + 1];
    int n = 0;
    for (int i = 0; i < in->count; i++)
        p[n++] = (struct pollfd){ .fd = in->fd[i], .events = POLLIN };
    int watch_at = n;
    if (in->watch >= 0)
        p[n++] = (struct pollfd){ .fd = in->watch, .events = POLLIN };
    int signal_at = n;
    if (in->signals >= 0)
        p[n++] = (struct pollfd){ .fd = in->signals, .events = POLLIN };
    if (in->display >= 0) /* left unread: the display's library reads it */
        p[n++] = (struct pollfd){ .fd = in->display, .events = POLLIN };
    if (in->files >= 0) /* left unread: plat_files_changed reads it */
        p[n++] = (struct pollfd){ .fd = in->files, .events = POLLIN };
    int ready = poll(p, (nfds_t)n, timeout_ms < 0 ? -1 : timeout_ms);
    if (ready == 0)
        return 0;
    if (ready < 0) {
        if (errno != EINTR)
            return -1;
        in->woken++;
        return 1;
    }
    bool rescan = false;
    for (int i = 0; i < in->count; i++) {
        if (p[i].revents & (POLLERR | POLLHUP | POLLNVAL))
            rescan = true;          /* unplugged */
        else if ((p[i].revents & POLLIN) && !drain(p[i].fd))
            rescan = true;
    }
    bool signalled = in->signals >= 0 && p[signal_at].revents; /* left for plat_signals_read */
    if (in->watch >= 0 && p[watch_at].revents) {
        drain(in->watch);
        rescan = true;
    }
    if (rescan)
        scan_devices(in);
    if (signalled)
        return 2;
    in->woken++;
    return 1;
}

/* A PlatInput zeroed with its owner (never opened) has watch 0 and dir "": fd 0 is not
 * ours to close, so only an opened one (dir set) closes its watch. */
void plat_input_close(PlatInput *in)
{
    close_devices(in);
    if (in->dir[0] && in->watch >= 0)
        close(in->watch);
    in->watch = -1;
    in->dir[0] = '\0';
}

/* --- the content folder's watch ---------------------------------------------------- */

int plat_files_watch(const char *dir)
{
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0)
        return -1;
    if (inotify_add_watch(fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |
                          IN_DELETE | IN_ATTRIB) < 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

/* A content file's name: *.ini, not hidden (an editor's swap file) and not a backup. */
static bool content_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".ini") == 0;
}

int plat_files_changed(int fd)
{
    int changed = 0;
    _Alignas(struct inotify_event) char buf[4096];
    for (ssize_t n; fd >= 0 && (n = read(fd, buf, sizeof(buf))) > 0;) {
        for (char *at = buf; at < buf + n;) {
            const struct inotify_event *e = (const struct inotify_event *)at;
            if ((e->mask & IN_Q_OVERFLOW) || (e->len && content_name(e->name)))
                changed++;
            at += sizeof(*e) + e->len;
        }
    }
    return changed;
}

/* --- signals ------------------------------------------------------------------------- */

static void handled_signals(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGHUP);
}

int plat_signals_open(void)
{
    sigset_t set;
    handled_signals(&set);
    if (sigprocmask(SIG_BLOCK, &set, NULL) != 0)
        return -1;
    int fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        sigprocmask(SIG_UNBLOCK, &set, NULL);
        errno = e;
    }
    return fd;
}

int plat_signals_read(int fd)
{
    struct signalfd_siginfo info;
    if (fd < 0 || read(fd, &info, sizeof(info)) != (ssize_t)sizeof(info))
        return 0;
    return (int)info.ssi_signo;
}

void plat_signals_close(int fd)
{
    if (fd < 0)
        return;
    while (plat_signals_read(fd) > 0) /* taken: unblocked, they would end the process */
        ;
    close(fd);
    sigset_t set;
    handled_signals(&set);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

/* --- the session's memory ------------------------------------------------------------ */

bool plat_no_core(void)
{
    const char *allow = getenv(PLAT_ALLOW_CORE);
    if (allow && strcmp(allow, "1") == 0)
        return false;
    return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
}

bool plat_private_memory(void *addr, size_t size, char *note, size_t note_size)
{
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t start = (uintptr_t)addr & ~(page - 1);
    uintptr_t end = ((uintptr_t)addr + size + page - 1) & ~(page - 1);
    madvise((void *)start, end - start, MADV_DONTDUMP); /* whole pages: a little more is fine */
    if (mlock((void *)start, end - start) == 0)
        return true;
    int why = errno;
    struct rlimit limit = { 0, 0 };
    getrlimit(RLIMIT_MEMLOCK, &limit);
    if (limit.rlim_cur == RLIM_INFINITY)
        snprintf(note, note_size, "the session's memory is not locked in RAM (%s); where the "
                 "system has swap, it may be written there", strerror(why));
    else
        snprintf(note, note_size, "the session's memory (%zu KiB) is not locked in RAM: the "
                 "memory lock limit is %llu KiB (LimitMEMLOCK= in the service raises it); where "
                 "the system has swap, it may be written there", (size_t)(end - start) / 1024,
                 (unsigned long long)limit.rlim_cur / 1024);
    return false;
}
