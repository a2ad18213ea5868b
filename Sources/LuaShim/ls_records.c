/* Dossier records: one light userdata per row (row + 1) sharing one metatable whose __index is C.
 * Nothing is allocated per record; a field is pushed only when the script reads it. Also the `pc` helpers. */
#include "ls_internal.h"
#include <stdlib.h>
#include <string.h>

/* Interns the view's field names once per run and anchors them (registry LS_KEY_NAMES), so __index can
 * match a short-string key by pointer: Lua interns short strings, equal text means equal pointer. */
void ls_bind_view(lua_State *L, const LSRecordView *view) {
    LuaShimCtx *c = ls_ctx(L);
    int n = view ? view->ncols : 0;
    if (n > c->interned_cap) {
        const char **names = realloc(c->interned, (size_t)n * sizeof *names);
        if (names) c->interned = names;
        size_t *lens = realloc(c->name_len, (size_t)n * sizeof *lens);
        if (lens) c->name_len = lens;
        if (!names || !lens) luaL_error(L, "not enough memory");
        c->interned_cap = n;
    }
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        const char *name = view->cols[i].name ? view->cols[i].name : "";
        lua_pushstring(L, name);
        c->interned[i] = lua_tolstring(L, -1, &c->name_len[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_rawsetp(L, LUA_REGISTRYINDEX, &LS_KEY_NAMES);
}

/* Day numbers of 0000-01-01 and 9999-12-31: the range formatted by hand below. */
#define LS_DAY_0000 (-719528)
#define LS_DAY_9999 2932896

/* "YYYY-MM-DD" of a day in years 0..9999 (same algorithm as luashim_format_day). Written by hand because
 * snprintf was a fifth of a per-dossier check that reads a date (profiled). Returns the length, 10. */
static size_t format_iso(int32_t day, char *out) {
    int64_t z = (int64_t)day + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    int y = (int)(yoe + era * 400 + (m <= 2));
    out[0] = (char)('0' + y / 1000); out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10); out[3] = (char)('0' + y % 10);
    out[4] = '-'; out[5] = (char)('0' + m / 10); out[6] = (char)('0' + m % 10);
    out[7] = '-'; out[8] = (char)('0' + d / 10); out[9] = (char)('0' + d % 10);
    return 10;
}

void ls_push_field(lua_State *L, const LSColumn *col, int64_t row) {
    switch (col->kind) {
    case LS_COL_STRING: {
        int32_t len = col->lengths[row];
        if (len < 0) lua_pushnil(L);
        else lua_pushlstring(L, (const char *)col->bytes + col->offsets[row], (size_t)len);
        break;
    }
    case LS_COL_DAY: {
        char iso[24];
        int32_t day = col->days[row];
        if (day == INT32_MIN) lua_pushnil(L);
        else if (day >= LS_DAY_0000 && day <= LS_DAY_9999) lua_pushlstring(L, iso, format_iso(day, iso));
        else if (luashim_format_day(day, iso)) lua_pushstring(L, iso);
        else lua_pushnil(L);
        break;
    }
    case LS_COL_BOOL: lua_pushboolean(L, col->u8[row] != 0); break;
    case LS_COL_BIT: lua_pushboolean(L, (col->u8[row] & col->mask) != 0); break;
    case LS_COL_CODE:
    case LS_COL_CODE8: {
        int64_t code = col->kind == LS_COL_CODE ? (int64_t)col->codes[row] : (int64_t)col->u8[row];
        int32_t len = col->lengths[code];
        if (len < 0) lua_pushnil(L);
        else lua_pushlstring(L, (const char *)col->bytes + col->offsets[code], (size_t)len);
        break;
    }
    case LS_COL_SMALLINT:
        if (col->u8[row] == 0) lua_pushnil(L);
        else lua_pushinteger(L, col->u8[row]);
        break;
    default: lua_pushnil(L);
    }
}

static int find_column(LuaShimCtx *c, const char *key, size_t len) {
    int n = c->view->ncols;
    for (int i = 0; i < n; i++) if (c->interned[i] == key) return i;
    for (int i = 0; i < n; i++)   /* long strings are not interned */
        if (c->name_len[i] == len && memcmp(c->interned[i], key, len) == 0) return i;
    return -1;
}

static int rec_index(lua_State *L) {
    LuaShimCtx *c = ls_ctx(L);
    if (!c->view || lua_type(L, 2) != LUA_TSTRING) { lua_pushnil(L); return 1; }
    int64_t row = (int64_t)(intptr_t)lua_touserdata(L, 1) - 1;
    size_t len;
    const char *key = lua_tolstring(L, 2, &len);
    int col = find_column(c, key, len);
    if (col < 0) lua_pushnil(L);
    else ls_push_field(L, &c->view->cols[col], row);
    return 1;
}

static int rec_newindex(lua_State *L) { return luaL_error(L, "dossier records are read-only"); }

void ls_push_record_id(lua_State *L, void *handle) {
    LuaShimCtx *c = ls_ctx(L);
    int col = c->view ? find_column(c, "id", 2) : -1;
    if (col < 0 || c->view->cols[col].kind != LS_COL_STRING) { lua_pushnil(L); return; }
    ls_push_field(L, &c->view->cols[col], (int64_t)(intptr_t)handle - 1);
}

/* Iterator closure; upvalue 1 is the next index into view->rows. */
static int rec_iter(lua_State *L) {
    LuaShimCtx *c = ls_ctx(L);
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(1));
    if (!c->view || i >= c->view->nrows) return 0;
    lua_pushinteger(L, i + 1);
    lua_replace(L, lua_upvalueindex(1));
    lua_pushlightuserdata(L, (void *)(intptr_t)((int64_t)c->view->rows[i] + 1));
    return 1;
}

/* A flag filter of dossiers{...}: up to 8 tests "flag column is true/false", all of which must hold. */
#define LS_MAX_TESTS 8
typedef struct { int n; const uint8_t *u8[LS_MAX_TESTS]; uint8_t mask[LS_MAX_TESTS], want[LS_MAX_TESTS]; } LSFilter;

static int passes(const LSFilter *f, int64_t row) {
    for (int k = 0; k < f->n; k++)
        if (((f->u8[k][row] & f->mask[k]) != 0) != f->want[k]) return 0;
    return 1;
}

/* Filtered iterator; upvalue 1 is the next index, upvalue 2 the LSFilter userdata. The rows that fail are
 * skipped here in C, so the script never sees them: one comparison per row instead of a metamethod call. */
static int rec_iter_filtered(lua_State *L) {
    LuaShimCtx *c = ls_ctx(L);
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(1));
    const LSFilter *f = lua_touserdata(L, lua_upvalueindex(2));
    if (!c->view) return 0;
    while (i < c->view->nrows && !passes(f, c->view->rows[i])) i++;
    if (i >= c->view->nrows) {
        lua_pushinteger(L, i);
        lua_replace(L, lua_upvalueindex(1));
        return 0;
    }
    lua_pushinteger(L, i + 1);
    lua_replace(L, lua_upvalueindex(1));
    lua_pushlightuserdata(L, (void *)(intptr_t)((int64_t)c->view->rows[i] + 1));
    return 1;
}

/* Reads dossiers{flag = true|false, ...} into a filter; raises on anything else. */
static void read_filter(lua_State *L, LuaShimCtx *c, LSFilter *f) {
    f->n = 0;
    if (!c->view) return;                          /* outside a run there are no rows to filter */
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        if (lua_type(L, -2) != LUA_TSTRING) luaL_error(L, "dossiers: filter keys must be flag names");
        size_t len;
        const char *key = lua_tolstring(L, -2, &len);
        int col = find_column(c, key, len);
        const LSColumn *cc = col >= 0 ? &c->view->cols[col] : NULL;
        if (!cc || (cc->kind != LS_COL_BIT && cc->kind != LS_COL_BOOL))
            luaL_error(L, "dossiers: '%s' is not a flag (filters test flags such as fee_required)", key);
        if (lua_type(L, -1) != LUA_TBOOLEAN)
            luaL_error(L, "dossiers: the filter value of '%s' must be true or false", key);
        if (f->n == LS_MAX_TESTS) luaL_error(L, "dossiers: at most %d flags in a filter", LS_MAX_TESTS);
        f->u8[f->n] = cc->u8;
        f->mask[f->n] = cc->kind == LS_COL_BIT ? cc->mask : 0xFF;
        f->want[f->n] = (uint8_t)lua_toboolean(L, -1);
        f->n++;
        lua_pop(L, 1);
    }
}

int ls_dossiers(lua_State *L) {
    if (lua_isnoneornil(L, 1)) {
        lua_pushinteger(L, 0);
        lua_pushcclosure(L, rec_iter, 1);
        return 1;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    LSFilter *f = lua_newuserdatauv(L, sizeof *f, 0);
    read_filter(L, ls_ctx(L), f);
    lua_pushinteger(L, 0);
    lua_insert(L, -2);
    lua_pushcclosure(L, rec_iter_filtered, 2);
    return 1;
}

int ls_dossier_count(lua_State *L) {
    LuaShimCtx *c = ls_ctx(L);
    lua_pushinteger(L, c->view ? (lua_Integer)c->view->nrows : 0);
    return 1;
}

static int pc_days(lua_State *L) {
    size_t len;
    int64_t day;
    const char *s = lua_type(L, 1) == LUA_TSTRING ? lua_tolstring(L, 1, &len) : NULL;
    if (s && luashim_parse_day(s, len, &day)) lua_pushinteger(L, day);
    else lua_pushnil(L);
    return 1;
}

static int pc_iso(lua_State *L) {
    lua_Integer day = luaL_checkinteger(L, 1);
    char iso[24];
    if (!luashim_format_day(day, iso)) return luaL_argerror(L, 1, "day number out of range");
    lua_pushstring(L, iso);
    return 1;
}

void ls_open_records(lua_State *L, int lib) {
    lua_createtable(L, 0, 3);                  /* the one metatable of every light userdata */
    lua_pushcfunction(L, rec_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, rec_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &LS_KEY_RECMT);
    lua_pushlightuserdata(L, NULL);
    lua_insert(L, -2);
    lua_setmetatable(L, -2);
    lua_pop(L, 1);
    lua_pushcfunction(L, ls_dossiers);
    lua_setfield(L, lib, "dossiers");
    lua_pushcfunction(L, ls_dossier_count);
    lua_setfield(L, lib, "dossier_count");
    static const luaL_Reg pc[] = {{"days", pc_days}, {"iso", pc_iso}, {NULL, NULL}};
    luaL_newlib(L, pc);
    ls_push_proxy(L, -1, "pc.");
    lua_setfield(L, lib, "pc");
    lua_pop(L, 1);
}
