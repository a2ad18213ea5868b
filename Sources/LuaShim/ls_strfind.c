/* string.find/match/gmatch over the budgeted matcher (gsub: ls_strgsub.c), with lstrlib's (5.4) arguments,
 * results and errors. They replace the stock functions in the string library, so s:find(...) reaches them too. */
#define _GNU_SOURCE /* memmem: linear-time plain search, where a naive one is quadratic on 'aaa…ab' */
#include "ls_match.h"
#include <string.h>

/* lstrlib's posrelatI: a 1-based start position, negative from the end, clipped to 1. */
static size_t start_index(lua_Integer pos, size_t len) {
    if (pos > 0) return (size_t)pos;
    if (pos == 0 || pos < -(lua_Integer)len) return 1;
    return len + (size_t)pos + 1;
}

static int no_specials(const char *p, size_t lp) {
    for (size_t i = 0; i < lp; i++)
        if (p[i] != '\0' && strchr("^$*+?.([%-", p[i])) return 0;
    return 1;
}

static int find_aux(lua_State *L, int find) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_index(luaL_optinteger(L, 3, 1), ls) - 1;
    if (init > ls) { luaL_pushfail(L); return 1; }
    if (find && (lua_toboolean(L, 4) || no_specials(p, lp))) {
        ls_charge(L, (long long)((ls - init) / 16 + 1), "string.find");
        const char *hit = lp == 0 ? s + init : memmem(s + init, ls - init, p, lp);
        if (hit) {
            lua_pushinteger(L, (hit - s) + 1);
            lua_pushinteger(L, (lua_Integer)((size_t)(hit - s) + lp));
            return 2;
        }
    } else {
        LSMatch ms;
        const char *s1 = s + init;
        int anchor = lp > 0 && *p == '^';
        if (anchor) { p++; lp--; }
        ls_match_init(&ms, L, find ? "string.find" : "string.match", s, ls, p, lp);
        do {
            ls_match_reset(&ms);
            const char *e = ls_match(&ms, s1, p);
            if (e) {
                ls_match_settle(&ms);
                if (!find) return ls_push_captures(&ms, s1, e);
                lua_pushinteger(L, (s1 - s) + 1);
                lua_pushinteger(L, e - s);
                return ls_push_captures(&ms, NULL, NULL) + 2;
            }
        } while (s1++ < ms.src_end && !anchor);
        ls_match_settle(&ms);
    }
    luaL_pushfail(L);
    return 1;
}

int ls_str_find(lua_State *L) { return find_aux(L, 1); }
int ls_str_match(lua_State *L) { return find_aux(L, 0); }

/* gmatch's iterator state; upvalues 1 and 2 keep the subject and pattern alive. */
typedef struct LSGmatch {
    LSMatch ms;
    const char *src, *p, *lastmatch;
} LSGmatch;

static int gmatch_next(lua_State *L) {
    LSGmatch *gm = lua_touserdata(L, lua_upvalueindex(3));
    gm->ms.L = L;
    gm->ms.credit = gm->ms.taken = 0;         /* the first step checks the budget, which Lua code has spent */
    for (const char *src = gm->src; src <= gm->ms.src_end; src++) {
        ls_match_reset(&gm->ms);
        const char *e = ls_match(&gm->ms, src, gm->p);
        if (e && e != gm->lastmatch) {        /* an empty match right after the last one does not count */
            gm->src = gm->lastmatch = e;
            ls_match_settle(&gm->ms);
            return ls_push_captures(&gm->ms, src, e);
        }
    }
    ls_match_settle(&gm->ms);
    return 0;
}

int ls_str_gmatch(lua_State *L) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_index(luaL_optinteger(L, 3, 1), ls) - 1;
    lua_settop(L, 2);
    LSGmatch *gm = lua_newuserdatauv(L, sizeof *gm, 0);
    if (init > ls) init = ls + 1;             /* start past the end: no match at all */
    ls_match_init(&gm->ms, L, "string.gmatch", s, ls, p, lp);
    gm->src = s + init;
    gm->p = p;
    gm->lastmatch = NULL;
    lua_pushcclosure(L, gmatch_next, 3);
    return 1;
}
