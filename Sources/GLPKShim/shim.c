/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "GLPKShim.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>

enum { TAIL_CAPACITY = 2048 };

/* GLPK keeps one environment per thread in Debian's build; so does the shim. */
static _Thread_local int terminal_to_stderr;
static _Thread_local char terminal_tail[TAIL_CAPACITY];
static _Thread_local size_t terminal_tail_length;
static _Thread_local unsigned long generation;

static int terminal_hook(void *info, const char *text)
{
    (void)info;
    size_t n = strlen(text);
    if (n >= TAIL_CAPACITY) {
        text += n - (TAIL_CAPACITY - 1);
        n = TAIL_CAPACITY - 1;
    }
    if (terminal_tail_length + n >= TAIL_CAPACITY) {
        size_t drop = terminal_tail_length + n - (TAIL_CAPACITY - 1);
        memmove(terminal_tail, terminal_tail + drop, terminal_tail_length - drop);
        terminal_tail_length -= drop;
    }
    memcpy(terminal_tail + terminal_tail_length, text, n);
    terminal_tail_length += n;
    terminal_tail[terminal_tail_length] = '\0';
    if (terminal_to_stderr)
        fputs(text, stderr);
    return 1; /* handled: GLPK must not write to stdout */
}

static void error_hook(void *info)
{
    longjmp(*(jmp_buf *)info, 1);
}

void allocate_glpk_set_terminal(int to_stderr)
{
    terminal_to_stderr = to_stderr;
}

unsigned long allocate_glpk_generation(void)
{
    return generation;
}

int allocate_glpk_guarded(allocate_glpk_body body, void *context,
                          char *message, size_t capacity)
{
    jmp_buf target;
    terminal_tail_length = 0;
    terminal_tail[0] = '\0';
    glp_term_out(GLP_ON);
    glp_term_hook(terminal_hook, NULL);
    if (setjmp(target) != 0) {
        if (message != NULL && capacity > 0) {
            strncpy(message, terminal_tail, capacity - 1);
            message[capacity - 1] = '\0';
        }
        glp_error_hook(NULL, NULL);
        glp_free_env();
        generation += 1;
        return 1;
    }
    glp_error_hook(error_hook, &target);
    body(context);
    glp_error_hook(NULL, NULL);
    return 0;
}
