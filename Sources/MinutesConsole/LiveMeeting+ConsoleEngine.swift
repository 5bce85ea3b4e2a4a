/// The console app drives a live meeting: ``LiveMeeting/events`` and
/// ``LiveMeeting/perform(_:)`` are the engine's two halves.
extension LiveMeeting: ConsoleEngine {}
