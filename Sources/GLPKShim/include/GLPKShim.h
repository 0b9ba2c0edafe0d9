/* GLPKShim: GLPK's C API plus the few lines that Swift cannot write itself.
 *
 * Swift cannot call setjmp, yet GLPK reacts to a bad argument or an internal
 * failure by calling its error hook and then abort(). allocate_glpk_guarded
 * runs a piece of work with an error hook installed that longjmps back out,
 * frees the thread's GLPK environment (as R's Rglpk does) and reports the
 * message GLPK printed, so the process never aborts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef ALLOCATE_GLPK_SHIM_H
#define ALLOCATE_GLPK_SHIM_H

#include <glpk.h>
#include <stddef.h>

/** A unit of GLPK work: called with the context given to allocate_glpk_guarded. */
typedef void (*allocate_glpk_body)(void *context);

/** Runs body(context) with GLPK's error hook armed.
 *
 * Returns 0 when body returned normally. Returns 1 when GLPK reported an
 * error: the thread's GLPK environment has then been freed (every glp_prob of
 * this thread is gone) and message holds the last lines GLPK printed. */
int allocate_glpk_guarded(allocate_glpk_body body, void *context,
                          char *message, size_t capacity);

/** Where GLPK's terminal output goes on this thread: 1 to stderr, 0 nowhere.
 * Never to stdout. The last lines are always kept for error messages. */
void allocate_glpk_set_terminal(int to_stderr);

/** Increases each time allocate_glpk_guarded freed this thread's environment;
 * a glp_prob created under an older generation no longer exists. */
unsigned long allocate_glpk_generation(void);

#endif
