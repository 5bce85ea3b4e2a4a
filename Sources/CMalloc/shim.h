// glibc's heap tuning (mallopt, malloc_trim), which Swift's Glibc module does not export.
#ifndef MINUTES_CMALLOC_SHIM_H
#define MINUTES_CMALLOC_SHIM_H

#include <malloc.h>

#endif
