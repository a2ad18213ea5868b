/* State lifecycle, the allocator cap and the instruction/time budget hook. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "ls_internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char LS_KEY_LIB, LS_KEY_ENVMT, LS_KEY_RECMT, LS_KEY_NAMES, LS_KEY_READONLY, LS_KEY_FINDINGS, LS_KEY_SEED;

/* The cap applies only while a script runs (mem_enforce): host-side pushes outside a pcall must never fail,
 * or Lua would panic and abort the process. */
static void *ls_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    LuaShimCtx *c = ud;
    size_t old = ptr ? osize : 0; /* ptr == NULL: osize is a type tag, not a size */
    if (nsize == 0) { free(ptr); c->mem_used -= old; return NULL; }
    if (c->mem_enforce && c->mem_limit && nsize > old && c->mem_used - old + nsize > c->mem_limit) {
        if (!c->tripped) c->tripped = LS_TRIP_MEMORY;
        return NULL; /* Lua collects garbage, retries, then raises LUA_ERRMEM */
    }
    void *p = realloc(ptr, nsize);
    if (p) {
        c->mem_used = c->mem_used - old + nsize;
        if (c->mem_used > c->mem_peak) c->mem_peak = c->mem_used;
    }
    return p;
}

static int ls_panic(lua_State *L) {
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "parcheck: unprotected Lua error: %s\n", msg ? msg : "?");
    return 0; /* Lua aborts after this */
}

static double ls_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Once the budget is spent the hook fires on every instruction, so a script that catches the error with
 * pcall cannot keep running: the next instruction outside the pcall raises again. The clock check (a few
 * tens of ns per 1000 instructions) catches loops whose time goes into many bounded C calls. */
static void ls_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    LuaShimCtx *c = ls_ctx(L);
    if (!c->timed_out) {
        int spent = c->instr_budget > 0 && (c->instr_left -= c->hook_every) <= 0;
        int late = c->seconds > 0 && ls_now() > c->deadline;
        if (!spent && !late) return;
        c->timed_out = spent ? 1 : 2;
        if (!c->tripped) c->tripped = LS_TRIP_TIMEOUT;
        lua_sethook(L, ls_hook, LUA_MASKCOUNT, 1);
    }
    if (c->timed_out == 1) luaL_error(L, "instruction budget exceeded (%I)", (lua_Integer)c->instr_budget);
    luaL_error(L, "time limit exceeded (%f s)", (lua_Number)c->seconds);
}

static int ls_setup(lua_State *L) { ls_open_sandbox(L); return 0; }

lua_State *luashim_newstate(void) {
    LuaShimCtx *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    lua_State *L = lua_newstate(ls_alloc, c);
    if (!L) { free(c); return NULL; }
    *(LuaShimCtx **)lua_getextraspace(L) = c;
    lua_atpanic(L, ls_panic);
    lua_pushcfunction(L, ls_setup);
    if (lua_pcall(L, 0, 0, 0) != LUA_OK) { luashim_close(L); return NULL; }
    return L;
}

void luashim_close(lua_State *L) {
    LuaShimCtx *c = ls_ctx(L);
    lua_close(L);
    free(c->interned);
    free(c->name_len);
    free(c);
}

/* Starts enforcing `b`: counters reset, hook installed, memory cap on. */
void ls_arm(lua_State *L, const LSBudget *b) {
    LuaShimCtx *c = ls_ctx(L);
    c->tripped = 0; c->timed_out = 0; c->err_line = 0;
    c->instr_budget = c->instr_left = b->instructions;
    c->hook_every = b->instructions > 0 && b->instructions < 1000 ? (int)b->instructions : 1000;
    c->seconds = b->seconds; c->deadline = ls_now() + b->seconds;
    c->mem_limit = b->memory; c->mem_peak = c->mem_used; c->mem_enforce = 1;
    if (b->instructions > 0 || b->seconds > 0) lua_sethook(L, ls_hook, LUA_MASKCOUNT, c->hook_every);
}

/* Stops enforcing: no hook, no cap (the host may push values freely again). */
void ls_disarm(lua_State *L) {
    lua_sethook(L, NULL, 0, 0);
    ls_ctx(L)->mem_enforce = 0;
}

size_t luashim_memory_peak(lua_State *L) { return ls_ctx(L)->mem_peak; }
size_t luashim_memory_used(lua_State *L) { return ls_ctx(L)->mem_used; }
