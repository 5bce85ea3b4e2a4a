#ifndef MINUTES_CMALLOCTUNING_H
#define MINUTES_CMALLOCTUNING_H

/// Caps the number of glibc malloc arenas (mallopt M_ARENA_MAX); a no-op returning 0 where
/// the C library is not glibc. Swift's Glibc module does not export malloc.h.
int minutes_limit_malloc_arenas(int count);

#endif
