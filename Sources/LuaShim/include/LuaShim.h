/* LuaShim: every piece of the Lua runtime that may raise a Lua error (longjmp) lives behind this header, in C.
 * Swift calls these functions only outside any Lua call, or through the protected drivers below, so a raise
 * never crosses a Swift frame. One lua_State per thread; nothing here is thread-safe. */
#ifndef PARCHECK_LUASHIM_H
#define PARCHECK_LUASHIM_H

#include <stddef.h>
#include <stdint.h>

typedef struct lua_State lua_State;

/* ---- Dossier records: columns the Engine fills and keeps alive during a run. ---- */
enum { LS_COL_STRING = 0, LS_COL_DAY = 1, LS_COL_BOOL = 2, LS_COL_SMALLINT = 3,
       LS_COL_CODE = 4, LS_COL_CODE8 = 5, LS_COL_BIT = 6 };

/** One named column. Only the pointers of its kind are read; all point into the engine's store (no copies). */
typedef struct LSColumn {
    const char *name;        /* NUL-terminated field name as scripts write it (d.received_at) */
    int kind;                /* LS_COL_* */
    const uint8_t *bytes;    /* STRING: bytes[offsets[row] ..< offsets[row] + lengths[row]] */
    const int64_t *offsets;  /*   CODE, CODE8: the same, indexed by the row's code (a dictionary) */
    const int32_t *lengths;  /* STRING: lengths[row] < 0 → nil */
    const int32_t *days;     /* DAY: days since 1970-01-01, INT32_MIN → nil; pushed as "YYYY-MM-DD" */
    const uint8_t *u8;       /* BOOL: 0/1 → false/true; SMALLINT: 0 → nil, else the integer; CODE8: codes; BIT: bits */
    const uint32_t *codes;   /* CODE: the row's dictionary entry */
    uint8_t mask;            /* BIT: u8[row] & mask != 0 → true */
} LSColumn;

/** The rows one run may see: rows[i] is a row number into every column. */
typedef struct LSRecordView {
    int ncols;
    const LSColumn *cols;
    int64_t nrows;
    const int32_t *rows;
} LSRecordView;

/* ---- Status of a protected call (luashim_compile / luashim_run). ---- */
enum {
    LS_OK = 0,
    LS_ERR_SYNTAX = 1,     /* message at the top of the stack */
    LS_ERR_RUNTIME = 2,    /* message at the top (already a string) */
    LS_ERR_MEMORY = 3,
    LS_ERR_TIMEOUT = 4,
    LS_ERR_BINARY = 5,     /* a precompiled chunk was given */
    LS_ERR_NOT_FUNCTION = 6 /* the chunk did not return a function; its type name at the top */
};

/** Limits of one compile or run. 0 disables a limit. */
typedef struct LSBudget {
    long long instructions;  /* VM instructions (count hook, checked every 1000) */
    size_t memory;           /* heap bytes of the whole state, enforced only while the script runs */
    double seconds;          /* wall-clock safety net, checked in the same hook */
} LSBudget;

/** Creates a sandboxed state (base, table, string, math, utf8; frozen libraries). NULL if out of memory. */
lua_State *luashim_newstate(void);
/** Closes the state and frees its context. */
void luashim_close(lua_State *L);

/** Loads `src` (text only) as `name`, runs it once in a fresh environment under the budget and checks it
 *  returns a function. On LS_OK `*ref` is a registry reference to the loaded chunk (free with luashim_unref). */
int luashim_compile(lua_State *L, const char *src, size_t len, const char *name, LSBudget budget, int *ref);
/** Loads only (no execution) for a syntax check; the message (if any) is at the top. Returns LS_OK or an error. */
int luashim_load_only(lua_State *L, const char *src, size_t len, const char *name);
/** Releases a chunk reference. */
void luashim_unref(lua_State *L, int ref);

/** Runs chunk `ref`: a fresh environment, the chunk re-executed, the returned function called with the value at
 *  the top of the stack (ctx; replaced by the result on LS_OK or by a message on error). `view` may be NULL. */
int luashim_run(lua_State *L, int ref, const LSRecordView *view, LSBudget budget);
/** After a run: pushes the run's findings list (a sequence of {fields = table, line = integer|nil}) or nil. */
int luashim_push_findings(lua_State *L);
/** Line (in the chunk) of the innermost Lua frame when the last error was raised, or 0. */
int luashim_error_line(lua_State *L);
/** Peak heap bytes during the last run/compile, and the current heap bytes. */
size_t luashim_memory_peak(lua_State *L);
size_t luashim_memory_used(lua_State *L);
/** Drops what a run left behind: stack to `top`, the findings list, and (if `collect`) all garbage. */
void luashim_reset(lua_State *L, int top, int collect);

/** Day number of a strict "YYYY-MM-DD" date (1 on success), and the reverse (buffer of at least 16 bytes). */
int luashim_parse_day(const char *s, size_t len, int64_t *day);
int luashim_format_day(int64_t day, char *out);

#endif
