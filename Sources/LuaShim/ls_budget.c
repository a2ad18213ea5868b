/* The instruction/time budget: the count hook for Lua code, and charges for C library work the hook cannot
 * see (pattern matching, table shifts and sorts). Both spend the same instruction count. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "ls_match.h"
#include <limits.h>
#include <time.h>

#define LS_MATCH_WINDOW 4096 /* pattern steps between two budget/clock checkpoints */

static double ls_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void ls_hook(lua_State *L, lua_Debug *ar);

/* Stops the run for good: records why (1 instructions, 2 time) and where (a library function, or NULL for Lua
 * code), makes the hook fire on every instruction so a pcall that catches this cannot keep the script going,
 * and raises. The message is provisional: ls_budget_message rebuilds it from the context. */
static int ls_trip(lua_State *L, int why, const char *where) {
    LuaShimCtx *c = ls_ctx(L);
    if (!c->timed_out) {
        c->timed_out = why;
        if (!c->tripped) { c->tripped = LS_TRIP_TIMEOUT; c->trip_where = where; }
        lua_sethook(L, ls_hook, LUA_MASKCOUNT, 1);
    }
    if (c->timed_out == 1) return luaL_error(L, "instruction budget exceeded (%I)", (lua_Integer)c->instr_budget);
    return luaL_error(L, "time limit exceeded (%f s)", (lua_Number)c->seconds);
}

/* The clock is read once per 1000 instructions (a few tens of ns): it catches loops whose time goes into many
 * bounded C calls that the instruction count undercounts. */
static void ls_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    LuaShimCtx *c = ls_ctx(L);
    if (!c->timed_out) {
        int spent = c->instr_budget > 0 && (c->instr_left -= c->hook_every) <= 0;
        int late = c->seconds > 0 && ls_now() > c->deadline;
        if (!spent && !late) return;
        ls_trip(L, spent ? 1 : 2, NULL);
    }
    ls_trip(L, c->timed_out, NULL);
}

/* Spends `n` instructions of C work done on behalf of `where`; raises when the budget or the time is spent. */
void ls_charge(lua_State *L, long long n, const char *where) {
    LuaShimCtx *c = ls_ctx(L);
    if (c->timed_out) ls_trip(L, c->timed_out, where);
    if (c->instr_budget > 0 && (c->instr_left -= n) <= 0) ls_trip(L, 1, where);
    if (c->seconds > 0 && ls_now() > c->deadline) ls_trip(L, 2, where);
}

void ls_match_settle(LSMatch *ms) {
    LuaShimCtx *c = ls_ctx(ms->L);
    if (c->instr_budget > 0) c->instr_left -= ms->taken - ms->credit;
    ms->taken = ms->credit;
}

/* Settles the window just spent, then opens one no larger than what is left, so the budget runs out on the
 * exact step whatever the window size. */
void ls_match_checkpoint(LSMatch *ms) {
    LuaShimCtx *c = ls_ctx(ms->L);
    long long spent = ms->taken - ms->credit;
    ms->credit = ms->taken = 0;
    ls_charge(ms->L, spent, ms->fname);
    long long window = LS_MATCH_WINDOW;
    if (c->instr_budget > 0 && c->instr_left < window) window = c->instr_left;
    ms->credit = ms->taken = window;
}

/* Starts enforcing `b`: counters reset, hook installed, memory cap on. */
void ls_arm(lua_State *L, const LSBudget *b) {
    LuaShimCtx *c = ls_ctx(L);
    c->tripped = 0; c->timed_out = 0; c->err_line = 0; c->trip_where = NULL;
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
