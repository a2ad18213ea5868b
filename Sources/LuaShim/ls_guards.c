/* Guards for library functions that can loop for a long time inside ONE C call, where neither the
 * instruction hook nor the time check in it can stop them:
 *  - string.find/match/gmatch/gsub backtrack (measured: 8 `a*` items on a 30-byte subject take ~2 s):
 *    a pattern longer than LS_PATTERN_MAX bytes or with more than LS_PATTERN_QUANTIFIERS quantifiers is refused;
 *  - string.rep("", n) loops n times without allocating, so the memory cap never stops it;
 *  - table.insert/remove/sort/move loop over a length a __len metamethod (or move's arguments) can make huge.
 * These bound the easy cases; they are not a proof of termination. */
#include "ls_internal.h"

#define LS_PATTERN_MAX 256
#define LS_PATTERN_QUANTIFIERS 8
#define LS_TABLE_SPAN (1 << 23)

/* Quantifiers outside escapes (%x) and sets ([...]): a '-' inside a set is a range, "%-" is a literal. */
static int count_quantifiers(const char *p, size_t len) {
    int n = 0;
    for (size_t i = 0; i < len; i++) {
        char ch = p[i];
        if (ch == '%') { i++; continue; }
        if (ch == '[') {
            i++;
            if (i < len && p[i] == '^') i++;
            if (i < len && p[i] == ']') i++;       /* a leading ']' is literal */
            while (i < len && p[i] != ']') { if (p[i] == '%') i++; i++; }
            continue;
        }
        if (ch == '*' || ch == '+' || ch == '-' || ch == '?') n++;
    }
    return n;
}

/* Calls upvalue 1 (the wrapped library function) with all arguments, returning all its results. */
static int call_original(lua_State *L) {
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

/* Upvalues: the original function, its name. Pattern is argument 2; find's 4th argument asks for a plain search. */
static int guarded(lua_State *L) {
    int t = lua_type(L, 2);
    int plain = lua_toboolean(L, lua_upvalueindex(3)) && lua_toboolean(L, 4);
    if ((t == LUA_TSTRING || t == LUA_TNUMBER) && !plain) {
        size_t len;
        const char *p = lua_tolstring(L, 2, &len);
        if (len > LS_PATTERN_MAX)
            return luaL_error(L, "forbidden: pattern for string.%s is longer than %d bytes",
                              lua_tostring(L, lua_upvalueindex(2)), LS_PATTERN_MAX);
        if (count_quantifiers(p, len) > LS_PATTERN_QUANTIFIERS)
            return luaL_error(L, "forbidden: pattern for string.%s has more than %d quantifiers (* + - ?)",
                              lua_tostring(L, lua_upvalueindex(2)), LS_PATTERN_QUANTIFIERS);
    }
    return call_original(L);
}

static int guarded_rep(lua_State *L) {
    size_t len = 0, seplen = 0;
    if (lua_type(L, 1) == LUA_TSTRING) lua_tolstring(L, 1, &len);
    if (lua_type(L, 3) == LUA_TSTRING) lua_tolstring(L, 3, &seplen);
    if (lua_type(L, 1) == LUA_TSTRING && len + seplen == 0 && lua_isinteger(L, 2)) {
        lua_pushliteral(L, "");
        return 1;
    }
    return call_original(L);
}

/* Upvalues: the original function, its name. insert/remove/sort work on #t; move on [f, e]. */
static int guarded_span(lua_State *L) {
    const char *name = lua_tostring(L, lua_upvalueindex(2));
    lua_Integer span;
    if (name[0] == 'm') {
        lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
        span = e < f ? 0 : (f <= 0 && e > LUA_MAXINTEGER + f) ? LUA_MAXINTEGER : e - f + 1;
    } else {
        luaL_checktype(L, 1, LUA_TTABLE);
        span = luaL_len(L, 1);
    }
    if (span > LS_TABLE_SPAN)
        return luaL_error(L, "forbidden: table.%s over more than %d elements", name, LS_TABLE_SPAN);
    return call_original(L);
}

static void wrap(lua_State *L, int lib, const char *name, lua_CFunction f, int plain) {
    lua_getfield(L, lib, name);
    lua_pushstring(L, name);
    lua_pushboolean(L, plain);
    lua_pushcclosure(L, f, 3);
    lua_setfield(L, lib, name);
}

/* Wraps the functions in the real library tables; the string table is also the string metatable's __index. */
void ls_guard_functions(lua_State *L, int strlib, int tablib) {
    strlib = lua_absindex(L, strlib);
    tablib = lua_absindex(L, tablib);
    wrap(L, strlib, "find", guarded, 1);        /* only find has a `plain` flag */
    wrap(L, strlib, "match", guarded, 0);
    wrap(L, strlib, "gmatch", guarded, 0);
    wrap(L, strlib, "gsub", guarded, 0);
    wrap(L, strlib, "rep", guarded_rep, 0);
    static const char *const spans[] = {"insert", "remove", "sort", "move", NULL};
    for (const char *const *n = spans; *n; n++) wrap(L, tablib, *n, guarded_span, 0);
}
