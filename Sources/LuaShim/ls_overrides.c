/* Base functions the sandbox replaces: rawset (would write into the read-only proxies), setmetatable (would
 * register __gc finalizers) and xpcall (its handler could run unstoppable inside the budget hook). */
#include "ls_internal.h"

/* rawset would bypass a proxy's __newindex and write into the shared proxy itself. */
static int ls_rawset(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    luaL_checkany(L, 3);
    if (lua_getmetatable(L, 1)) {
        if (lua_rawgetp(L, -1, &LS_KEY_READONLY) != LUA_TNIL)
            return luaL_error(L, "forbidden: rawset on a read-only parcheck sandbox table");
        lua_pop(L, 2);
    }
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 1;
}

/* A __gc finalizer could run later, outside any run and its budget (e.g. during the host's full collection).
 * Lua only honours __gc present when setmetatable is called, so refusing it there is enough. */
static int ls_setmetatable(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);               /* here, so the error names 'setmetatable' */
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "forbidden: __gc metamethods are not available in the parcheck sandbox");
        lua_pop(L, 1);
    }
    lua_settop(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, 2, 1);
    return 1;
}

/* A message handler runs before the error unwinds. When the budget hook raised the error, that is still inside
 * the hook, where Lua disables hooks: a handler that loops would never be stopped. Once the budget is spent
 * the script's handler is skipped and the message passes through. Upvalue: the script's handler. */
static int guarded_handler(lua_State *L) {
    if (ls_ctx(L)->timed_out) return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* xpcall(f, handler, ...) with the handler guarded. Upvalue: the stock xpcall. */
static int ls_xpcall(lua_State *L) {
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, guarded_handler, 1);
    lua_replace(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* Replaces rawset, setmetatable and xpcall in the globals table at `globals` (before it is copied to the library). */
void ls_override_base(lua_State *L, int globals) {
    globals = lua_absindex(L, globals);
    lua_pushcfunction(L, ls_rawset);
    lua_setfield(L, globals, "rawset");
    lua_getfield(L, globals, "setmetatable");
    lua_pushcclosure(L, ls_setmetatable, 1);
    lua_setfield(L, globals, "setmetatable");
    lua_getfield(L, globals, "xpcall");
    lua_pushcclosure(L, ls_xpcall, 1);
    lua_setfield(L, globals, "xpcall");
}
