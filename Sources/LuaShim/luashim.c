/* The protected drivers: compile (load + run the top level once) and run (fresh _ENV, top level, then fn(ctx)). */
#include "ls_internal.h"

/* Message handler: a string message, plus the innermost Lua line for messages that carry no position. */
static int ls_msgh(lua_State *L) {
    LuaShimCtx *c = ls_ctx(L);
    int t = lua_type(L, 1);
    if (t != LUA_TSTRING && t != LUA_TNUMBER)
        lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    else
        lua_pushstring(L, lua_tostring(L, 1));
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "l", &ar) && ar.currentline > 0) { c->err_line = ar.currentline; break; }
    }
    return 1;
}

/* Protected body: (fn, ctx, call). Gives fn a fresh environment, runs it; it must return a function, which is
 * called with ctx when `call` is true. Returns (true, result) or (false, type name of what fn returned). */
static int ls_body(lua_State *L) {
    LuaShimCtx *c = ls_ctx(L);
    lua_newtable(L);                                   /* 4: this run's findings */
    lua_rawsetp(L, LUA_REGISTRYINDEX, &LS_KEY_FINDINGS);
    ls_bind_view(L, c->view);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &LS_KEY_SEED);
    lua_pushinteger(L, 0);
    lua_call(L, 1, 0);
    lua_newtable(L);                                   /* 4: fresh _ENV */
    lua_rawgetp(L, LUA_REGISTRYINDEX, &LS_KEY_ENVMT);
    lua_setmetatable(L, 4);
    lua_pushvalue(L, 4);
    lua_setfield(L, 4, "_G");
    if (!lua_setupvalue(L, 1, 1)) lua_pop(L, 1);       /* pops the env: a text chunk's first upvalue is _ENV */
    if (lua_istable(L, 2)) {                           /* ctx.finding / ctx.dossiers / ctx.dossier_count */
        static const char *const fns[] = {"finding", "dossiers", "dossier_count", NULL};
        lua_rawgetp(L, LUA_REGISTRYINDEX, &LS_KEY_LIB);
        for (const char *const *f = fns; *f; f++) {
            lua_getfield(L, -1, *f);
            lua_setfield(L, 2, *f);
        }
        lua_pop(L, 1);
    }
    lua_pushvalue(L, 1);
    lua_call(L, 0, 1);                                 /* 4: what the chunk returned */
    if (!lua_isfunction(L, 4)) {
        lua_pushboolean(L, 0);
        lua_pushstring(L, luaL_typename(L, 4));
        return 2;
    }
    lua_pushboolean(L, 1);
    if (lua_toboolean(L, 3)) {
        lua_pushvalue(L, 4);
        lua_pushvalue(L, 2);
        lua_call(L, 1, 1);
    } else {
        lua_pushnil(L);
    }
    return 2;
}

/* Replaces the message at the top with the canonical one for budget errors (a caught-and-rethrown or
 * swallowed error must not change what is reported), naming the library function that spent the last of it. */
static void ls_budget_message(lua_State *L, int result, const LSBudget *b) {
    LuaShimCtx *c = ls_ctx(L);
    const char *in = c->trip_where ? " in " : "", *where = c->trip_where ? c->trip_where : "";
    if (result == LS_ERR_TIMEOUT && c->timed_out == 1)
        lua_pushfstring(L, "instruction budget exceeded (%I)%s%s", (lua_Integer)b->instructions, in, where);
    else if (result == LS_ERR_TIMEOUT)
        lua_pushfstring(L, "time limit exceeded (%f s)%s%s", (lua_Number)b->seconds, in, where);
    else if (result == LS_ERR_MEMORY)
        lua_pushfstring(L, "memory limit exceeded (%I bytes)", (lua_Integer)b->memory);
    else if (result == LS_ERR_RUNTIME && lua_type(L, -1) != LUA_TSTRING)
        lua_pushliteral(L, "error in error handling");
    else return;
    lua_replace(L, -2);
}

/* Stack on entry: ... fn ctx. On exit: ... value (result, or message / type name on error). */
static int ls_protected(lua_State *L, int call, const LSBudget *b) {
    LuaShimCtx *c = ls_ctx(L);
    int base = lua_gettop(L) - 2;
    if (!lua_checkstack(L, 8)) {                       /* keep the contract: one value replaces fn ctx */
        lua_settop(L, base + 1);
        lua_pushliteral(L, "Lua stack exhausted");
        lua_replace(L, -2);
        return LS_ERR_RUNTIME;
    }
    lua_pushboolean(L, call);
    lua_pushcfunction(L, ls_body);
    lua_insert(L, base + 1);                           /* body fn ctx call */
    lua_pushcfunction(L, ls_msgh);
    lua_insert(L, base + 1);                           /* msgh body fn ctx call */
    ls_arm(L, b);
    int status = lua_pcall(L, 3, 2, base + 1);
    ls_disarm(L);
    int result;
    if (c->tripped == LS_TRIP_TIMEOUT) result = LS_ERR_TIMEOUT;
    else if (c->tripped == LS_TRIP_MEMORY || status == LUA_ERRMEM) result = LS_ERR_MEMORY;
    else if (status != LUA_OK) result = LS_ERR_RUNTIME;
    else result = lua_toboolean(L, -2) ? LS_OK : LS_ERR_NOT_FUNCTION;
    lua_copy(L, -1, base + 1);                         /* the result, type name or message */
    lua_settop(L, base + 1);
    ls_budget_message(L, result, b);
    return result;
}

/* Loads a text chunk named `name`; with a budget, its memory cap applies to the parser (which is protected). */
static int ls_load(lua_State *L, const char *src, size_t len, const char *name, const LSBudget *b) {
    if (len > 0 && src[0] == LUA_SIGNATURE[0]) { lua_pushliteral(L, "binary chunk"); return LS_ERR_BINARY; }
    lua_pushfstring(L, "=%s", name);                   /* "=": Lua shows the name verbatim (up to 59 bytes) */
    LuaShimCtx *c = ls_ctx(L);
    if (b) { c->mem_limit = b->memory; c->mem_peak = c->mem_used; c->mem_enforce = 1; }
    int status = luaL_loadbufferx(L, src, len, lua_tostring(L, -1), "t");
    c->mem_enforce = 0;
    lua_remove(L, -2);
    if (status == LUA_OK) return LS_OK;
    if (status != LUA_ERRMEM) return LS_ERR_SYNTAX;
    if (b) { c->timed_out = 0; ls_budget_message(L, LS_ERR_MEMORY, b); }
    return LS_ERR_MEMORY;
}

int luashim_load_only(lua_State *L, const char *src, size_t len, const char *name) {
    return ls_load(L, src, len, name, NULL);
}

int luashim_compile(lua_State *L, const char *src, size_t len, const char *name, LSBudget budget, int *ref) {
    int status = ls_load(L, src, len, name, &budget);
    if (status != LS_OK) return status;
    lua_pushvalue(L, -1);                              /* chunk chunk */
    lua_pushnil(L);                                    /* chunk chunk ctx */
    ls_ctx(L)->view = NULL;
    status = ls_protected(L, 0, &budget);              /* chunk value */
    if (status != LS_OK) { lua_remove(L, -2); return status; }
    lua_pop(L, 1);
    *ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return LS_OK;
}

void luashim_unref(lua_State *L, int ref) { luaL_unref(L, LUA_REGISTRYINDEX, ref); }

int luashim_run(lua_State *L, int ref, const LSRecordView *view, LSBudget budget) {
    LuaShimCtx *c = ls_ctx(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);            /* the host guarantees LUA_MINSTACK free slots */
    lua_insert(L, -2);                                 /* fn ctx */
    c->view = view;
    int status = ls_protected(L, 1, &budget);
    c->view = NULL;
    return status;
}

int luashim_push_findings(lua_State *L) { return lua_rawgetp(L, LUA_REGISTRYINDEX, &LS_KEY_FINDINGS); }
int luashim_error_line(lua_State *L) { return ls_ctx(L)->err_line; }

void luashim_reset(lua_State *L, int top, int collect) {
    lua_settop(L, top);
    lua_pushnil(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &LS_KEY_FINDINGS);
    /* One full collection frees the garbage, but the string table and the CallInfo list that a deep recursion
     * grew shrink by half per cycle: collect until the heap stops shrinking, so the next run starts from the
     * baseline and gets the whole memory budget. */
    LuaShimCtx *c = ls_ctx(L);
    for (int i = 0; collect && i < 32; i++) {
        size_t before = c->mem_used;
        lua_gc(L, LUA_GCCOLLECT);
        if (c->mem_used >= before) break;
    }
}
