/* The pattern matcher: Lua 5.4 pattern semantics (manual §6.4.1), written for the shim so that every step
 * (a match attempt, a character tested, a set element scanned) is charged to the instruction budget.
 * Character classes and sets are in ls_match_class.c. */
#include "ls_match.h"
#include <string.h>

#define ESC '%'

static const char *match_balance(LSMatch *ms, const char *s, const char *p) {
    if (p + 1 >= ms->p_end) luaL_error(ms->L, "malformed pattern (missing arguments to '%%b')");
    if (s >= ms->src_end || *s != *p) return NULL;
    int open = *p, close = *(p + 1), depth = 1;
    while (++s < ms->src_end) {
        ls_match_charge(ms, 1);
        if (*s == close) { if (--depth == 0) return s + 1; }
        else if (*s == open) depth++;
    }
    return NULL;
}

static int capture_index(LSMatch *ms, int l) {
    l -= '1';
    if (l < 0 || l >= ms->level || ms->capture[l].len == LS_CAP_UNFINISHED)
        return luaL_error(ms->L, "invalid capture index %%%d", l + 1);
    return l;
}

static const char *match_backref(LSMatch *ms, const char *s, int l) {
    l = capture_index(ms, l);
    ptrdiff_t len = ms->capture[l].len;    /* a position capture (negative) never matches, as in lstrlib */
    ls_match_charge(ms, 1 + len / 32);
    if (len >= 0 && ms->src_end - s >= len && memcmp(ms->capture[l].init, s, (size_t)len) == 0) return s + len;
    return NULL;
}

static const char *max_expand(LSMatch *ms, const char *s, const char *p, const char *ep) {
    ptrdiff_t i = 0;
    while (ls_single_match(ms, s + i, p, ep)) i++;
    for (; i >= 0; i--) {                  /* longest first, backing off one item at a time */
        const char *res = ls_match(ms, s + i, ep + 1);
        if (res) return res;
    }
    return NULL;
}

static const char *min_expand(LSMatch *ms, const char *s, const char *p, const char *ep) {
    for (;;) {
        const char *res = ls_match(ms, s, ep + 1);
        if (res) return res;
        if (!ls_single_match(ms, s, p, ep)) return NULL;
        s++;
    }
}

static const char *open_capture(LSMatch *ms, const char *s, const char *p, ptrdiff_t what) {
    int level = ms->level;
    if (level >= LS_MAXCAPTURES) luaL_error(ms->L, "too many captures");
    ms->capture[level].init = s;
    ms->capture[level].len = what;
    ms->level = level + 1;
    const char *res = ls_match(ms, s, p);
    if (!res) ms->level--;
    return res;
}

static const char *close_capture(LSMatch *ms, const char *s, const char *p) {
    int l = ms->level - 1;
    while (l >= 0 && ms->capture[l].len != LS_CAP_UNFINISHED) l--;
    if (l < 0) luaL_error(ms->L, "invalid pattern capture");
    ms->capture[l].len = s - ms->capture[l].init;
    const char *res = ls_match(ms, s, p);
    if (!res) ms->capture[l].len = LS_CAP_UNFINISHED;
    return res;
}

/* %f[set]: the transition from a character not in the set to one in it ('\0' outside the subject). */
static const char *frontier(LSMatch *ms, const char *s, const char **pp) {
    const char *p = *pp + 2;
    if (ls_pat_at(ms, p) != '[') luaL_error(ms->L, "missing '[' after '%%f' in pattern");
    const char *ep = ls_class_end(ms, p);
    int prev = s == ms->src_init ? 0 : (unsigned char)*(s - 1);
    int cur = s < ms->src_end ? (unsigned char)*s : 0;
    if (ls_set_match(ms, prev, p, ep - 1) || !ls_set_match(ms, cur, p, ep - 1)) return NULL;
    *pp = ep;
    return s;
}

/* One pattern item at p (p < p_end): a character class, maybe followed by a quantifier. */
static const char *match_item(LSMatch *ms, const char *s, const char **pp, int *again) {
    const char *p = *pp, *ep = ls_class_end(ms, p);
    int q = ls_pat_at(ms, ep);
    if (!ls_single_match(ms, s, p, ep)) {
        if (q == '*' || q == '?' || q == '-') { *pp = ep + 1; *again = 1; return s; }
        return NULL;
    }
    switch (q) {
    case '?': {
        const char *res = ls_match(ms, s + 1, ep + 1);
        if (res) return res;
        *pp = ep + 1; *again = 1; return s;
    }
    case '+': return max_expand(ms, s + 1, p, ep);
    case '*': return max_expand(ms, s, p, ep);
    case '-': return min_expand(ms, s, p, ep);
    default: *pp = ep; *again = 1; return s + 1;
    }
}

const char *ls_match(LSMatch *ms, const char *s, const char *p) {
    if (ms->depth-- == 0) luaL_error(ms->L, "pattern too complex");
    ls_match_charge(ms, 1);
    int again = 1;
    while (again && s && p < ms->p_end) {      /* tail positions loop instead of recursing */
        again = 0;
        switch (*p) {
        case '(':
            s = ls_pat_at(ms, p + 1) == ')' ? open_capture(ms, s, p + 2, LS_CAP_POSITION)
                                         : open_capture(ms, s, p + 1, LS_CAP_UNFINISHED);
            break;
        case ')': s = close_capture(ms, s, p + 1); break;
        case '$':
            if (p + 1 != ms->p_end) { s = match_item(ms, s, &p, &again); break; }
            s = s == ms->src_end ? s : NULL;
            break;
        case ESC:
            switch (ls_pat_at(ms, p + 1)) {
            case 'b':
                s = match_balance(ms, s, p + 2);
                if (s) { p += 4; again = 1; }
                break;
            case 'f':
                s = frontier(ms, s, &p);
                again = s != NULL;
                break;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
                s = match_backref(ms, s, ls_pat_at(ms, p + 1));
                if (s) { p += 2; again = 1; }
                break;
            default: s = match_item(ms, s, &p, &again);
            }
            break;
        default: s = match_item(ms, s, &p, &again);
        }
    }
    ms->depth++;
    return s;
}

void ls_match_reset(LSMatch *ms) {
    ms->level = 0;
    ms->depth = LS_MATCHDEPTH;
}

void ls_match_init(LSMatch *ms, lua_State *L, const char *fname, const char *s, size_t ls, const char *p, size_t lp) {
    ms->L = L;
    ms->fname = fname;
    ms->src_init = s;
    ms->src_end = s + ls;
    ms->p_end = p + lp;
    ms->credit = ms->taken = 0;
    ls_match_reset(ms);
}

ptrdiff_t ls_push_capture(LSMatch *ms, int i, const char *s, const char *e) {
    if (i >= ms->level) {
        if (i != 0) luaL_error(ms->L, "invalid capture index %%%d", i + 1);
        lua_pushlstring(ms->L, s, (size_t)(e - s));
        return e - s;
    }
    ptrdiff_t len = ms->capture[i].len;
    if (len == LS_CAP_UNFINISHED) luaL_error(ms->L, "unfinished capture");
    if (len == LS_CAP_POSITION) lua_pushinteger(ms->L, (ms->capture[i].init - ms->src_init) + 1);
    else lua_pushlstring(ms->L, ms->capture[i].init, (size_t)len);
    return len;
}

int ls_push_captures(LSMatch *ms, const char *s, const char *e) {
    int n = (ms->level == 0 && s) ? 1 : ms->level;
    luaL_checkstack(ms->L, n, "too many captures");
    for (int i = 0; i < n; i++) ls_push_capture(ms, i, s, e);
    return n;
}
