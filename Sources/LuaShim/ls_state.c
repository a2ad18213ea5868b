/* State lifecycle and the allocator cap (the instruction/time budget is in ls_budget.c). */
#include "ls_internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
        if (c->mem_enforce && c->mem_used > c->mem_peak) c->mem_peak = c->mem_used; /* the script's peak only */
    }
    return p;
}

static int ls_panic(lua_State *L) {
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "parcheck: unprotected Lua error: %s\n", msg ? msg : "?");
    return 0; /* Lua aborts after this */
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

size_t luashim_memory_peak(lua_State *L) { return ls_ctx(L)->mem_peak; }
size_t luashim_memory_used(lua_State *L) { return ls_ctx(L)->mem_used; }
