// ALSA's PCM, control and configuration API (Debian: libasound2-dev, pkg-config: alsa).
//
// Swift cannot call variadic C functions, write a variadic callback or use function-like
// macros, so the few ALSA entry points that need one are wrapped here as static inline
// functions. Allocation uses the *_malloc/*_free pairs instead of the *_alloca macros.
#ifndef MINUTES_CALSA_SHIM_H
#define MINUTES_CALSA_SHIM_H

#include <alsa/asoundlib.h>
#include <sys/prctl.h>

/// An error handler that drops ALSA's diagnostics instead of printing them to stderr, where
/// they would tear the console's full-screen display. Errors still reach Swift as return codes.
static void minutes_alsa_silent_error_handler(
    const char *file, int line, const char *function, int err, const char *fmt, ...)
{
    (void)file;
    (void)line;
    (void)function;
    (void)err;
    (void)fmt;
}

/// Installs the silent handler (process-wide; ALSA has no per-handle handler).
static inline int minutes_alsa_silence_errors(void)
{
    return snd_lib_error_set_handler(minutes_alsa_silent_error_handler);
}

/// Restores ALSA's default handler, which prints to stderr.
static inline int minutes_alsa_restore_error_output(void)
{
    return snd_lib_error_set_handler(NULL);
}

/// Names the calling thread (as `top -H` and debuggers show it; at most 15 bytes are kept).
/// `pthread_setname_np` needs _GNU_SOURCE, which Swift's Glibc module is built without, and
/// `prctl` is variadic; the capture thread calls this before it starts capturing.
static inline int minutes_alsa_name_current_thread(const char *name)
{
    return prctl(PR_SET_NAME, (unsigned long)name, 0UL, 0UL, 0UL);
}

#endif
