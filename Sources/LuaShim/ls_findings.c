/* finding{...}: records a deep copy of the table (scalars and nested tables only) with the caller's line. */
#include "ls_internal.h"

#define LS_FINDING_DEPTH 16

static void copy_value(lua_State *L, int src, int depth, const char *field);

static const char *key_text(lua_State *L, int key) {
    return lua_type(L, key) == LUA_TSTRING ? lua_tostring(L, key) : "?";
}

/* Pushes a copy of the table at `src`. Iterates with raw lua_next, never converting keys in place. */
static void copy_table(lua_State *L, int src, int depth) {
    if (depth > LS_FINDING_DEPTH) luaL_error(L, "finding: table nested deeper than %d levels", LS_FINDING_DEPTH);
    luaL_checkstack(L, 6, "finding: table nested too deeply");
    src = lua_absindex(L, src);
    lua_newtable(L);
    int dst = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, src)) {
        int kt = lua_type(L, -2);
        if (kt != LUA_TSTRING && kt != LUA_TNUMBER)
            luaL_error(L, "finding: table keys must be strings or numbers, got %s", luaL_typename(L, -2));
        lua_pushvalue(L, -2);
        copy_value(L, lua_gettop(L) - 1, depth, key_text(L, -3));
        lua_rawset(L, dst);
        lua_pop(L, 1);
    }
}

static void copy_value(lua_State *L, int src, int depth, const char *field) {
    switch (lua_type(L, src)) {
    case LUA_TBOOLEAN:
    case LUA_TNUMBER:
    case LUA_TSTRING: lua_pushvalue(L, src); break;
    case LUA_TTABLE: copy_table(L, src, depth + 1); break;
    case LUA_TLIGHTUSERDATA: ls_push_record_id(L, lua_touserdata(L, src)); break; /* finding{dossier = d} */
    default:
        luaL_error(L, "finding: field '%s' has unsupported type %s", field, luaL_typename(L, src));
    }
}

int ls_finding(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_Debug ar;
    int line = 0;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar) && ar.currentline > 0) line = ar.currentline;
    if (luashim_push_findings(L) != LUA_TTABLE) {  /* outside a run (cannot happen); start a list */
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &LS_KEY_FINDINGS);
    }
    lua_createtable(L, 0, 2);
    copy_table(L, 1, 1);
    lua_setfield(L, -2, "fields");
    if (line > 0) {
        lua_pushinteger(L, line);
        lua_setfield(L, -2, "line");
    }
    lua_rawseti(L, 2, (lua_Integer)lua_rawlen(L, 2) + 1);
    return 0;
}

void ls_open_findings(lua_State *L, int lib) {
    lua_pushcfunction(L, ls_finding);
    lua_setfield(L, lib, "finding");
}
