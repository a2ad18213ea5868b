/* Library functions whose work inside ONE C call the instruction hook cannot see:
 *  - string.find/match/gmatch/gsub are replaced by the budgeted matcher (ls_match.c): a backtracking pattern
 *    spends the instruction budget step by step and stops with a timeout, like a Lua loop would;
 *  - string.rep("", n) loops n times without allocating, so the memory cap never stops it: answered directly;
 *  - table.insert/remove/sort/move/concat loop over a length that a __len metamethod (or move's and concat's
 *    arguments) can make huge: the span is charged to the budget up front (sort: n·log2 n), and spans over
 *    LS_TABLE_SPAN are refused even with no budget. */
#include "ls_match.h"

#define LS_TABLE_SPAN (1 << 23)

/* Calls upvalue 1 (the wrapped library function) with all arguments, returning all its results. */
static int call_original(lua_State *L) {
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
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

/* Elements in [f, e], saturating. */
static lua_Integer span_of(lua_Integer f, lua_Integer e) {
    if (e < f) return 0;
    if (f <= 0 && e > LUA_MAXINTEGER + f) return LUA_MAXINTEGER;
    return e - f + 1;
}

static long long log2_ceil(lua_Integer n) {
    long long bits = 1;
    while (n > 1) { n >>= 1; bits++; }
    return bits;
}

/* The work a shifting/sorting/joining call does, in instructions. Upvalues: the original function, its
 * qualified name. insert/remove shift the elements after `pos` (appending or popping shifts none); sort
 * compares about n·log2 n times (charged at a quarter: a comparison is cheaper than an instruction); move
 * copies [f, e]; concat joins [i, j] (default 1, #t). */
static lua_Integer work_of(lua_State *L, char op, lua_Integer *span) {
    if (op == 'm') return *span = span_of(luaL_checkinteger(L, 2), luaL_checkinteger(L, 3));
    luaL_checktype(L, 1, LUA_TTABLE);
    if (op == 'c') {
        lua_Integer i = luaL_optinteger(L, 3, 1);
        return *span = span_of(i, lua_isnoneornil(L, 4) ? luaL_len(L, 1) : luaL_checkinteger(L, 4));
    }
    lua_Integer n = *span = luaL_len(L, 1);
    if (op == 's') return n > LS_TABLE_SPAN ? n : n * log2_ceil(n) / 4;
    int has_pos = op == 'i' ? lua_gettop(L) >= 3 : lua_gettop(L) >= 2;
    if (!has_pos || !lua_isinteger(L, 2)) return 1;
    return span_of(lua_tointeger(L, 2), n);
}

static int guarded_span(lua_State *L) {
    const char *name = lua_tostring(L, lua_upvalueindex(2));
    lua_Integer span;
    lua_Integer work = work_of(L, name[6], &span);
    if (span > LS_TABLE_SPAN)
        return luaL_error(L, "forbidden: %s over more than %d elements", name, LS_TABLE_SPAN);
    ls_charge(L, work, name);
    return call_original(L);
}

static void wrap(lua_State *L, int lib, const char *name, const char *qualified, lua_CFunction f) {
    lua_getfield(L, lib, name);
    lua_pushstring(L, qualified);
    lua_pushcclosure(L, f, 2);
    lua_setfield(L, lib, name);
}

/* Installs the guards in the real library tables; the string table is also the string metatable's __index. */
void ls_guard_functions(lua_State *L, int strlib, int tablib) {
    strlib = lua_absindex(L, strlib);
    tablib = lua_absindex(L, tablib);
    static const luaL_Reg patterns[] = {{"find", ls_str_find}, {"match", ls_str_match}, {"gmatch", ls_str_gmatch},
                                        {"gsub", ls_str_gsub}, {NULL, NULL}};
    lua_pushvalue(L, strlib);
    luaL_setfuncs(L, patterns, 0);
    lua_pop(L, 1);
    wrap(L, strlib, "rep", "string.rep", guarded_rep);
    static const char *const spans[][2] = {{"insert", "table.insert"}, {"remove", "table.remove"},
        {"sort", "table.sort"}, {"move", "table.move"}, {"concat", "table.concat"}};
    for (size_t i = 0; i < sizeof spans / sizeof spans[0]; i++) wrap(L, tablib, spans[i][0], spans[i][1], guarded_span);
}
