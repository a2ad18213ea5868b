/* CLua: the Lua 5.4 C API for Swift. Swift cannot import function-like macros, so the few the runtime needs
 * are re-exported here as static inline functions with a clua_ prefix. None of these raise a Lua error
 * (no luaL_check*, no metamethod-running accessors): Swift code must never sit between a pcall and a longjmp. */
#ifndef PARCHECK_CLUA_SHIM_H
#define PARCHECK_CLUA_SHIM_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

static const int CLUA_REGISTRYINDEX = LUA_REGISTRYINDEX;

static inline void clua_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline void clua_newtable(lua_State *L) { lua_newtable(L); }
static inline int clua_isnil(lua_State *L, int i) { return lua_isnil(L, i); }
static inline int clua_istable(lua_State *L, int i) { return lua_istable(L, i); }
static inline int clua_isfunction(lua_State *L, int i) { return lua_isfunction(L, i); }
static inline lua_Number clua_tonumber(lua_State *L, int i) { return lua_tonumberx(L, i, NULL); }
static inline lua_Integer clua_tointeger(lua_State *L, int i) { return lua_tointegerx(L, i, NULL); }
/* Only call on values whose type is LUA_TSTRING: on numbers lua_tolstring converts in place (breaks lua_next). */
static inline const char *clua_tolstring(lua_State *L, int i, size_t *len) { return lua_tolstring(L, i, len); }
static inline int clua_rawgetfield(lua_State *L, int t, const char *k) {
    t = lua_absindex(L, t);
    lua_pushstring(L, k);
    return lua_rawget(L, t);
}
static inline void *clua_getextraspace(lua_State *L) { return lua_getextraspace(L); }
static inline int clua_gc(lua_State *L, int what) { return lua_gc(L, what, 0); } /* lua_gc is variadic in 5.4 */

#endif
