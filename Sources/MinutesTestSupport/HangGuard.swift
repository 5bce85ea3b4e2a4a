import Testing

extension Trait where Self == TimeLimitTrait {
    /// The time limit every suite carries: ten minutes, to end a test that hangs.
    ///
    /// It is no speed check. On a 2-core machine the whole run shares two threads, the
    /// engine tests load models and the command-line tests start the binary; a quick test
    /// can wait minutes for its turn, and a tighter limit failed CI on tests that were only
    /// queued. Speed is measured by `minutes bench`.
    public static var hangGuard: Self { .timeLimit(.minutes(10)) }
}
