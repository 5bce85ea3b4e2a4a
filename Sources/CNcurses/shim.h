// ncurses with the wide-character API (Debian: libncursesw5-dev / libncurses-dev, pkg-config:
// ncursesw).
//
// SwiftPM drops the -D flags pkg-config reports, so the wide API is switched on here, before
// the header is read. Swift 6 rejects mutable C globals (stdscr, LINES, COLS, COLORS,
// COLOR_PAIRS, stdout) and cannot call function-like macros (A_BOLD, getmaxyx), so each one
// the console needs is wrapped in a static inline function. All of them, like ncurses itself,
// must be called from one thread: the console calls them only on the main actor.
#ifndef MINUTES_CNCURSES_SHIM_H
#define MINUTES_CNCURSES_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

/// The standard screen window.
static inline WINDOW *minutes_curses_stdscr(void)
{
    return stdscr;
}

/// Rows of the screen (updated by ncurses after KEY_RESIZE).
static inline int minutes_curses_lines(void)
{
    return LINES;
}

/// Columns of the screen (updated by ncurses after KEY_RESIZE).
static inline int minutes_curses_cols(void)
{
    return COLS;
}

/// Colours the terminal has once start_color succeeded (8, 16, 256, or 2^24 for direct colour).
static inline int minutes_curses_colors(void)
{
    return COLORS;
}

/// Colour pairs the terminal has once start_color succeeded.
static inline int minutes_curses_color_pairs(void)
{
    return COLOR_PAIRS;
}

/// Starts curses on the process's standard output and input.
///
/// newterm instead of initscr: initscr prints an error and exits the process when TERM names
/// an unknown terminal, newterm returns NULL so the caller can fall back or report it.
static inline SCREEN *minutes_curses_newterm(void)
{
    return newterm(NULL, stdout, stdin);
}

/// The attribute bits for the three attributes a CellStyle has.
static inline attr_t minutes_curses_attributes(bool bold, bool dim, bool reverse)
{
    attr_t attributes = A_NORMAL;
    if (bold) attributes |= A_BOLD;
    if (dim) attributes |= A_DIM;
    if (reverse) attributes |= A_REVERSE;
    return attributes;
}

/// Defines colour pair `pair` (1 or more); -1 is the terminal's default colour.
///
/// The extended variant takes int pair numbers, so terminals with more than 32767 pairs work.
static inline int minutes_curses_init_pair(int pair, int foreground, int background)
{
    return init_extended_pair(pair, foreground, background);
}

/// Writes one grapheme (`count` wide characters: a spacing one, then combining ones) at
/// (`row`, `col`) of the standard screen, through a cchar_t so wide characters take two cells.
///
/// A cchar_t holds at most CCHARW_MAX characters, the first spacing and the rest non-spacing;
/// a cluster that does not fit that shape (a ZWJ emoji sequence, a flag) is drawn as its first
/// character, and one that has no spacing character at all as U+FFFD.
static inline int minutes_curses_put_cell(
    int row, int col, const wchar_t *text, int count, attr_t attributes, int pair)
{
    wchar_t buffer[CCHARW_MAX + 1];
    cchar_t cell;
    int length = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int index = 0; index < length; index++) {
        buffer[index] = text[index];
    }
    buffer[length < 0 ? 0 : length] = L'\0';
    if (length <= 0 || setcchar(&cell, buffer, attributes, (short)pair, &pair) == ERR) {
        buffer[0] = length > 0 ? text[0] : L' ';
        buffer[1] = L'\0';
        if (setcchar(&cell, buffer, attributes, (short)pair, &pair) == ERR) {
            buffer[0] = 0xFFFD;
            if (setcchar(&cell, buffer, attributes, (short)pair, &pair) == ERR) {
                return ERR;
            }
        }
    }
    return mvwadd_wch(stdscr, row, col, &cell);
}

/// The column of the standard screen's cursor.
static inline int minutes_curses_cursor_col(void)
{
    return getcurx(stdscr);
}

/// Reads one key from the standard screen: OK with a character, KEY_CODE_YES with a function
/// key code, or ERR when none is waiting (the screen is in no-delay mode).
static inline int minutes_curses_read_key(wint_t *key)
{
    return wget_wch(stdscr, key);
}

#endif
