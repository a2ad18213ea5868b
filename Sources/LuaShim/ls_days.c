/* Day numbers (days since 1970-01-01, proleptic Gregorian) <-> "YYYY-MM-DD", no locale or time zone.
 * Algorithms from Howard Hinnant's "chrono-compatible low-level date algorithms". */
#include "LuaShim.h"
#include <stdio.h>

/* About ±27,000 years: far beyond any real date, small enough that nothing overflows. */
#define LS_DAY_LIMIT 10000000LL

static int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int digits(const char *s, int n, int64_t *out) {
    int64_t v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

int luashim_parse_day(const char *s, size_t len, int64_t *day) {
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int64_t y, m, d;
    if (len != 10 || s[4] != '-' || s[7] != '-') return 0;
    if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d)) return 0;
    if (m < 1 || m > 12 || d < 1) return 0;
    if (d > mdays[m - 1] + (m == 2 && is_leap(y))) return 0;
    *day = days_from_civil(y, m, d);
    return 1;
}

int luashim_format_day(int64_t day, char *out) {
    if (day > LS_DAY_LIMIT || day < -LS_DAY_LIMIT) return 0;
    int64_t z = day + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    int64_t y = yoe + era * 400 + (m <= 2);
    if (y >= 0 && y <= 9999) snprintf(out, 16, "%04d-%02d-%02d", (int)y, (int)m, (int)d);
    else snprintf(out, 16, "%lld-%02d-%02d", (long long)y, (int)m, (int)d);
    return 1;
}
