/* The sandbox: which libraries exist, read-only library proxies, and the environment's __index that turns
 * known-dangerous names into "forbidden" errors. Modelled on Redis' script_lua.c. */
#include "ls_internal.h"
#include <string.h>

/* Names a script might reasonably try; reading one raises instead of yielding nil, so the author learns why. */
static const char *const forbidden[] = {
    "io", "os", "debug", "package", "require", "load", "loadfile", "dofile", "collectgarbage", "print",
    "coroutine", "loadstring", "setfenv", "getfenv", "module", "string.dump", NULL};
/* Removed silently (nil): warn writes to stderr when enabled. */
static const char *const dropped[] = {"warn", "_G", NULL};
static const char *const proxied[] = {"string", "table", "math", "utf8", NULL};

static int in_list(const char *const *list, const char *name) {
    for (; *list; list++) if (strcmp(*list, name) == 0) return 1;
    return 0;
}

/* __index of the environment and of every library proxy. Upvalues: real table, qualifier ("" or "string."). */
static int ro_index(lua_State *L) {
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL || lua_type(L, 2) != LUA_TSTRING) return 1;
    size_t klen;
    const char *key = lua_tolstring(L, 2, &klen);
    const char *qual = lua_tostring(L, lua_upvalueindex(2));
    char name[64];
    if (klen + strlen(qual) >= sizeof name) return 1;
    strcpy(name, qual);
    strcat(name, key);
    if (in_list(forbidden, name))
        return luaL_error(L, "forbidden: '%s' is not available in the parcheck sandbox", name);
    return 1;
}

static int ro_newindex(lua_State *L) {
    const char *qual = lua_tostring(L, lua_upvalueindex(1));
    return luaL_error(L, "forbidden: '%s%s' is read-only in the parcheck sandbox", qual, luaL_tolstring(L, 2, NULL));
}

/* pairs(string) iterates the real table without ever handing it out. Upvalue: real table. */
static int ro_next(lua_State *L) {
    lua_settop(L, 2);
    if (lua_next(L, lua_upvalueindex(1))) return 2;
    lua_pushnil(L);
    return 1;
}

static int ro_pairs(lua_State *L) {
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "__index");
    lua_getupvalue(L, -1, 1);                  /* the real table, read from our own closure in C */
    lua_pushcclosure(L, ro_next, 1);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* Pushes an empty proxy for the table at `real` whose metatable reads through to it and refuses writes. */
void ls_push_proxy(lua_State *L, int real, const char *qualifier) {
    real = lua_absindex(L, real);
    lua_newtable(L);                            /* proxy */
    lua_createtable(L, 0, 5);                   /* its metatable */
    lua_pushvalue(L, real);
    lua_pushstring(L, qualifier);
    lua_pushcclosure(L, ro_index, 2);
    lua_setfield(L, -2, "__index");
    lua_pushstring(L, qualifier);
    lua_pushcclosure(L, ro_newindex, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, ro_pairs);
    lua_setfield(L, -2, "__pairs");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pushboolean(L, 1);
    lua_rawsetp(L, -2, &LS_KEY_READONLY);       /* marks it for ls_rawset */
    lua_setmetatable(L, -2);
}

static void open_libs(lua_State *L) {
    static const luaL_Reg libs[] = {{LUA_GNAME, luaopen_base}, {LUA_TABLIBNAME, luaopen_table},
        {LUA_STRLIBNAME, luaopen_string}, {LUA_MATHLIBNAME, luaopen_math}, {LUA_UTF8LIBNAME, luaopen_utf8},
        {NULL, NULL}};
    for (const luaL_Reg *l = libs; l->func; l++) { luaL_requiref(L, l->name, l->func, 1); lua_pop(L, 1); }
}

/* Builds the shared library table (registry LS_KEY_LIB) and the environment metatable (LS_KEY_ENVMT). */
void ls_open_sandbox(lua_State *L) {
    open_libs(L);
    lua_pushglobaltable(L);
    int globals = lua_gettop(L);
    lua_getfield(L, globals, "string");
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
    lua_getfield(L, globals, "table");
    ls_guard_functions(L, -2, -1);
    lua_getfield(L, globals, "math");          /* reseeded before every run: math.random is deterministic */
    lua_getfield(L, -1, "randomseed");
    lua_rawsetp(L, LUA_REGISTRYINDEX, &LS_KEY_SEED);
    lua_pop(L, 3);
    ls_override_base(L, globals);
    lua_pushliteral(L, "");                     /* getmetatable("") now returns false: __index is untouchable */
    lua_getmetatable(L, -1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);

    lua_newtable(L);
    int lib = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, globals)) {
        const char *name = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
        if (!name || in_list(dropped, name) || in_list(forbidden, name)) { lua_pop(L, 1); continue; }
        if (in_list(proxied, name)) {
            char qual[16];
            strcpy(qual, name);
            strcat(qual, ".");
            ls_push_proxy(L, -1, qual);
            lua_replace(L, -2);
        }
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, lib);
    }
    ls_open_records(L, lib);
    ls_open_findings(L, lib);
    lua_pushvalue(L, lib);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &LS_KEY_LIB);

    lua_createtable(L, 0, 2);                   /* environment metatable: reads fall through to lib */
    lua_pushvalue(L, lib);
    lua_pushliteral(L, "");
    lua_pushcclosure(L, ro_index, 2);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_rawsetp(L, LUA_REGISTRYINDEX, &LS_KEY_ENVMT);
    lua_pop(L, 2);
}
