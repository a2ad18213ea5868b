/* string.gsub over the budgeted matcher, with lstrlib's (5.4) arguments, results and errors. */
#include "ls_match.h"
#include <ctype.h>
#include <string.h>

/* Appends the replacement string (argument 3) with %0-%9 and %% expanded. */
static void add_string(LSMatch *ms, luaL_Buffer *b, const char *s, const char *e) {
    lua_State *L = ms->L;
    size_t l;
    const char *news = lua_tolstring(L, 3, &l), *p;
    ls_match_charge(ms, (long long)(l / 8) + 1);
    while ((p = memchr(news, '%', l)) != NULL) {
        luaL_addlstring(b, news, (size_t)(p - news));
        p++;                                  /* a trailing '%' reads the string's terminating '\0' */
        if (*p == '%') luaL_addchar(b, *p);
        else if (*p == '0') luaL_addlstring(b, s, (size_t)(e - s));
        else if (isdigit((unsigned char)*p)) { ls_push_capture(ms, *p - '1', s, e); luaL_addvalue(b); }
        else luaL_error(L, "invalid use of '%c' in replacement string", '%');
        l -= (size_t)(p + 1 - news);
        news = p + 1;
    }
    luaL_addlstring(b, news, l);
}

/* Appends the replacement for match [s, e); returns whether anything other than the match itself went in. */
static int add_value(LSMatch *ms, luaL_Buffer *b, const char *s, const char *e, int tr) {
    lua_State *L = ms->L;
    if (tr == LUA_TFUNCTION) {
        ls_match_settle(ms);
        ms->credit = ms->taken = 0;           /* the callback spends budget too: check it on the next step */
        lua_pushvalue(L, 3);
        int n = ls_push_captures(ms, s, e);
        lua_call(L, n, 1);
    } else if (tr == LUA_TTABLE) {
        ls_push_capture(ms, 0, s, e);
        lua_gettable(L, 3);
    } else {
        add_string(ms, b, s, e);
        return 1;
    }
    if (!lua_toboolean(L, -1)) {              /* nil or false: keep the original text */
        lua_pop(L, 1);
        luaL_addlstring(b, s, (size_t)(e - s));
        return 0;
    }
    if (!lua_isstring(L, -1)) return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    luaL_addvalue(b);
    return 1;
}

int ls_str_gsub(lua_State *L) {
    size_t srcl, lp;
    const char *src = luaL_checklstring(L, 1, &srcl);
    const char *p = luaL_checklstring(L, 2, &lp);
    const char *lastmatch = NULL;
    int tr = lua_type(L, 3);
    lua_Integer max_s = luaL_optinteger(L, 4, (lua_Integer)srcl + 1);
    int anchor = lp > 0 && *p == '^', changed = 0;
    lua_Integer n = 0;
    luaL_argexpected(L, tr == LUA_TNUMBER || tr == LUA_TSTRING || tr == LUA_TFUNCTION || tr == LUA_TTABLE, 3,
                     "string/function/table");
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    if (anchor) { p++; lp--; }
    LSMatch ms;
    ls_match_init(&ms, L, "string.gsub", src, srcl, p, lp);
    while (n < max_s) {
        ls_match_reset(&ms);
        const char *e = ls_match(&ms, src, p);
        if (e && e != lastmatch) {
            n++;
            changed = add_value(&ms, &b, src, e, tr) | changed;
            src = lastmatch = e;
        } else if (src < ms.src_end) luaL_addchar(&b, *src++);
        else break;
        if (anchor) break;
    }
    ls_match_settle(&ms);
    if (!changed) lua_pushvalue(L, 1);        /* nothing replaced: the subject itself */
    else { luaL_addlstring(&b, src, (size_t)(ms.src_end - src)); luaL_pushresult(&b); }
    lua_pushinteger(L, n);
    return 2;
}
