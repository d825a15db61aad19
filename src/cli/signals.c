/* Interruption (SIGINT, SIGTERM, SIGHUP): the handler only records the
 * signal; the commands look at it between steps, discard their temporary
 * files and exit with 128 + the signal's number, so a run cut short never
 * leaves a half-written output. A second signal acts at once (the default
 * action: a temporary file may stay behind).
 *
 * The flag is the one piece of mutable global state outside main(): a
 * signal handler has nowhere else to write (STYLE 7). */
#include <igraph.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>

#include "cli/cli.h"

static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
    caught = sig;
}

/* igraph asks between steps of long computations (betweenness on a large
 * graph): stop them too */
static igraph_error_t igraph_interrupted(void *data)
{
    (void)data;
    return caught ? IGRAPH_INTERRUPTED : IGRAPH_SUCCESS;
}

void dg_cli_signals_init(void)
{
    static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
    struct sigaction sa;
    size_t i;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    /* reads and writes go on where they were; the commands check between */
    sa.sa_flags = SA_RESTART | SA_RESETHAND;
    for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        struct sigaction old;
        /* a signal ignored by the parent (nohup) stays ignored */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(sigs[i], &sa, NULL);
    }
    igraph_set_interruption_handler(igraph_interrupted);
}

int dg_cli_interrupted(void)
{
    return caught;
}

void dg_cli_signals_block(sigset_t *old)
{
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &set, old);
}

void dg_cli_signals_restore(const sigset_t *old)
{
    pthread_sigmask(SIG_SETMASK, old, NULL);
}
