/* Character classes of the pattern matcher: %a-style classes, [sets], and the single-character test that every
 * pattern item makes. Reads past the pattern's end see '\0', as lstrlib's reads of the terminator do. */
#include "ls_match.h"
#include <ctype.h>

#define ESC '%'

int ls_pat_at(const LSMatch *ms, const char *p) { return p < ms->p_end ? (unsigned char)*p : 0; }

/* The end of the single-character class starting at p (an escape, a set, or one character). */
const char *ls_class_end(LSMatch *ms, const char *p) {
    const char *start = p;
    if (*p == ESC) {
        if (p + 1 >= ms->p_end) luaL_error(ms->L, "malformed pattern (ends with '%%')");
        return p + 2;
    }
    if (*p++ != '[') return p;
    if (ls_pat_at(ms, p) == '^') p++;
    do {                                   /* the first character after [ or [^ is always literal */
        if (p >= ms->p_end) luaL_error(ms->L, "malformed pattern (missing ']')");
        if (*p++ == ESC && p < ms->p_end) p++;
    } while (ls_pat_at(ms, p) != ']');
    ls_match_charge(ms, (p - start) / 8);
    return p + 1;
}

static int class_match(int c, int cl) {
    int res;
    switch (tolower(cl)) {
    case 'a': res = isalpha(c); break;
    case 'c': res = iscntrl(c); break;
    case 'd': res = isdigit(c); break;
    case 'g': res = isgraph(c); break;
    case 'l': res = islower(c); break;
    case 'p': res = ispunct(c); break;
    case 's': res = isspace(c); break;
    case 'u': res = isupper(c); break;
    case 'w': res = isalnum(c); break;
    case 'x': res = isxdigit(c); break;
    case 'z': res = c == 0; break;         /* deprecated in the manual, still accepted by lstrlib */
    default: return cl == c;
    }
    return islower(cl) ? res : !res;
}

/* Whether c is in the set [p, ec] (p at '[', ec at its ']'). */
int ls_set_match(LSMatch *ms, int c, const char *p, const char *ec) {
    int in = 1;
    if (*(p + 1) == '^') { in = 0; p++; }
    ls_match_charge(ms, (ec - p) / 4);
    while (++p < ec) {
        if (*p == ESC) {
            p++;
            if (class_match(c, (unsigned char)*p)) return in;
        } else if (*(p + 1) == '-' && p + 2 < ec) {
            p += 2;
            if ((unsigned char)*(p - 2) <= c && c <= (unsigned char)*p) return in;
        } else if ((unsigned char)*p == c) return in;
    }
    return !in;
}

int ls_single_match(LSMatch *ms, const char *s, const char *p, const char *ep) {
    if (s >= ms->src_end) return 0;
    ls_match_charge(ms, 1);
    int c = (unsigned char)*s;
    switch (*p) {
    case '.': return 1;
    case ESC: return class_match(c, ls_pat_at(ms, p + 1));
    case '[': return ls_set_match(ms, c, p, ep - 1);
    default: return (unsigned char)*p == c;
    }
}
