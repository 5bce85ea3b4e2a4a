import CWhisper
import Synchronization

/// Tells a running `whisper_full` to stop: whisper.cpp asks its abort callback before each
/// encoder graph and each decoder step, so a decode nobody will read ends within
/// milliseconds instead of holding the model (and the captions queued behind it).
final class WhisperAbortSignal: Sendable {
    private let raised = Atomic<Bool>(false)

    var isRaised: Bool {
        raised.load(ordering: .relaxed)
    }

    func raise() {
        raised.store(true, ordering: .relaxed)
    }

    /// Points `parameters` at this signal, which must outlive the `whisper_full` call (the
    /// caller's decode closure and cancellation handler both hold it until the call returns).
    func install(in parameters: inout whisper_full_params) {
        parameters.abort_callback = { data in
            guard let data else { return false }
            return Unmanaged<WhisperAbortSignal>.fromOpaque(data).takeUnretainedValue().isRaised
        }
        parameters.abort_callback_user_data = Unmanaged.passUnretained(self).toOpaque()
    }
}
