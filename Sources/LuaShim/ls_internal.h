/* Internal to LuaShim: the per-state context and the pieces the .c files share. */
#ifndef PARCHECK_LS_INTERNAL_H
#define PARCHECK_LS_INTERNAL_H

#include "LuaShim.h"
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

enum { LS_TRIP_NONE = 0, LS_TRIP_TIMEOUT = 1, LS_TRIP_MEMORY = 2 };

/** One per state, reached through lua_getextraspace. */
typedef struct LuaShimCtx {
    size_t mem_used, mem_peak, mem_limit;
    int mem_enforce;
    long long instr_budget, instr_left;
    int hook_every;
    double seconds;              /* wall-clock safety net checked in the hook (0 = none) */
    double deadline;             /* monotonic seconds */
    int tripped;                 /* first LS_TRIP_*: decides the error kind even if the script caught the error */
    int timed_out;               /* budget spent: the hook now raises on every instruction */
    int err_line;                /* innermost Lua line when the message handler ran */
    const char *trip_where;      /* library function running when the budget ran out (NULL: Lua code) */
    const LSRecordView *view;    /* set only during luashim_run */
    const char **interned;       /* interned field-name pointers of view->cols (anchored in the registry) */
    size_t *name_len;
    int interned_cap;
} LuaShimCtx;

static inline LuaShimCtx *ls_ctx(lua_State *L) { return *(LuaShimCtx **)lua_getextraspace(L); }

/* Unforgeable registry / metatable keys (addresses of statics). */
extern const char LS_KEY_LIB, LS_KEY_ENVMT, LS_KEY_RECMT, LS_KEY_NAMES, LS_KEY_READONLY, LS_KEY_FINDINGS,
    LS_KEY_SEED;

void ls_arm(lua_State *L, const LSBudget *b);  /* ls_budget.c */
void ls_disarm(lua_State *L);
/* Spends `n` instructions of C work done by library function `where`; raises once the budget or time is spent. */
void ls_charge(lua_State *L, long long n, const char *where);
void ls_open_sandbox(lua_State *L);          /* ls_sandbox.c */
void ls_push_proxy(lua_State *L, int real, const char *qualifier);
void ls_override_base(lua_State *L, int globals); /* ls_overrides.c: rawset, setmetatable, xpcall */
void ls_open_records(lua_State *L, int lib); /* ls_records.c: dossiers, dossier_count, pc, record metatable */
void ls_open_findings(lua_State *L, int lib);/* ls_findings.c: finding */
void ls_guard_functions(lua_State *L, int strlib, int tablib); /* ls_guards.c */
void ls_bind_view(lua_State *L, const LSRecordView *view);
int ls_finding(lua_State *L);
int ls_dossiers(lua_State *L);
int ls_dossier_count(lua_State *L);
void ls_push_field(lua_State *L, const LSColumn *col, int64_t row);
/* The "id" column value of a record handle, or nil (for finding{dossier = d}). */
void ls_push_record_id(lua_State *L, void *handle);

#endif
