import Logging

/// The request a task is serving, visible to every log line written while serving it.
///
/// Components such as the session orchestrator keep the logger they were built with, so a
/// request id in the route's logger alone would miss their lines. The id lives in a task-local
/// instead and ``metadataProvider`` adds it to every line logged in the request's task tree,
/// whoever logs it. Install the provider when bootstrapping logging (``JSONLogHandler``).
public enum RequestScope {
    @TaskLocal public static var requestID: String?

    /// Adds `request.id` to log lines written while serving a request.
    public static let metadataProvider = Logger.MetadataProvider {
        guard let requestID else { return [:] }
        return ["request.id": .string(requestID)]
    }
}
