/* Internal to LuaShim: a Lua 5.4 pattern matcher that charges every step of its work to the run's budget.
 * The stock one (lstrlib) backtracks inside one C call where no hook reaches; this one has the same
 * semantics (find/match/gmatch/gsub give the same results and errors) but calls ls_match_step as it goes. */
#ifndef PARCHECK_LS_MATCH_H
#define PARCHECK_LS_MATCH_H

#include "ls_internal.h"
#include <stddef.h>

#define LS_MAXCAPTURES 32   /* as lstrlib's LUA_MAXCAPTURES */
#define LS_MATCHDEPTH 200   /* as lstrlib's MAXCCALLS: recursion depth of one match attempt */
#define LS_CAP_UNFINISHED (-1)
#define LS_CAP_POSITION (-2)

/** One match in progress over subject [src_init, src_end) with pattern [.., p_end). */
typedef struct LSMatch {
    const char *src_init, *src_end, *p_end;
    lua_State *L;
    const char *fname;       /* "find", "match", "gmatch" or "gsub": named when the budget runs out */
    int depth;               /* recursion left in this attempt */
    int level;               /* captures opened so far */
    struct { const char *init; ptrdiff_t len; } capture[LS_MAXCAPTURES];
    long long credit;        /* steps left before the next budget checkpoint */
    long long taken;         /* steps granted at the last checkpoint */
} LSMatch;

/** Prepares `ms` for subject `s` (length ls) and pattern `p` (length lp); starts a budget window. */
void ls_match_init(LSMatch *ms, lua_State *L, const char *fname, const char *s, size_t ls, const char *p, size_t lp);
/** Resets the per-attempt state (depth, captures) before trying a new start position. */
void ls_match_reset(LSMatch *ms);
/** Tries to match pattern `p` at `s`: the end of the match, or NULL. May raise (malformed pattern, budget). */
const char *ls_match(LSMatch *ms, const char *s, const char *p);
/** Charges the steps taken since the last checkpoint to the instruction budget (call before returning). */
void ls_match_settle(LSMatch *ms);
/** Slow path of ls_match_charge: settles the window, raises if the budget or time is spent, opens a new one. */
void ls_match_checkpoint(LSMatch *ms);

/** Charges `n` steps; a checkpoint runs every few thousand steps (or sooner when the budget is nearly spent). */
static inline void ls_match_charge(LSMatch *ms, long long n) {
    if ((ms->credit -= n) < 0) ls_match_checkpoint(ms);
}

/** Pushes capture `i` (or the whole match [s, e) when there are none); returns its length or LS_CAP_POSITION. */
ptrdiff_t ls_push_capture(LSMatch *ms, int i, const char *s, const char *e);
/** Pushes all captures (the whole match when there are none and `s` is given); returns how many. */
int ls_push_captures(LSMatch *ms, const char *s, const char *e);

/** Character classes (ls_match_class.c): the pattern byte at p or '\0' past the end; the end of the class at p
 *  (raises on a malformed one); whether c is in the set [p, ec]; whether the class [p, ep) matches at s. */
int ls_pat_at(const LSMatch *ms, const char *p);
const char *ls_class_end(LSMatch *ms, const char *p);
int ls_set_match(LSMatch *ms, int c, const char *p, const char *ec);
int ls_single_match(LSMatch *ms, const char *s, const char *p, const char *ep);

/** lstrlib's entry points over this matcher (ls_strfind.c, ls_strgsub.c). */
int ls_str_find(lua_State *L);
int ls_str_match(lua_State *L);
int ls_str_gmatch(lua_State *L);
int ls_str_gsub(lua_State *L);

#endif
