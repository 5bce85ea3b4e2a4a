import MinutesCore

/// Whether `minutes serve` may listen where it was asked to, and what to say about it.
///
/// Without an API key anyone who reaches the port can read every stored meeting, so, like
/// Redis' protected mode and Jupyter's token, the service listens without a key only on a
/// loopback address, unless the operator says explicitly that the network is theirs.
public enum NetworkExposure: Sendable, Equatable {
    /// A key guards the API, or only this machine can reach it.
    case guarded
    /// Reachable from the network with no key, as the operator asked
    /// (`--allow-unauthenticated`): warned about at every start and in `/health`.
    case unauthenticated

    /// What listening on `configuration.host` means.
    /// - Throws: `.invalidInput` for a non-loopback address without a key or permission.
    public static func check(_ configuration: ServerConfiguration) throws -> NetworkExposure {
        if configuration.apiKey != nil || isLoopback(configuration.host) { return .guarded }
        guard configuration.allowsUnauthenticated else {
            throw MinutesError(
                .invalidInput,
                "refusing to listen on \(configuration.host) without an API key: anyone who can reach the port "
                    + "could read and change every meeting. Set MINUTES_API_KEY, listen on 127.0.0.1, or pass "
                    + "--allow-unauthenticated (MINUTES_ALLOW_UNAUTHENTICATED=1) if the network is yours alone"
            )
        }
        return .unauthenticated
    }

    /// The warning for an unauthenticated service on a network address.
    public static let warning =
        "listening on a network address without an API key: anyone who can reach the port can read every meeting"

    /// 127.0.0.0/8, ::1 and localhost.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if bare == "localhost" || bare == "::1" { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
