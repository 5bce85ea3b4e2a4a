/// What `minutes` prints when started with no subcommand, until the live console exists.
enum GuidedHelp {
    static let text = """
        Minutes \(MinutesVersion.current): meeting minutes in your terminal.

        The live console (capture, live captions, "who is this?") is not built yet.
        What works today:

          minutes sessions list                 sessions in the database
          minutes sessions import FILE.json     load a session from a JSON manifest
          minutes sessions show ID              a session's speakers and timeline
          minutes export ID --format md         minutes as Markdown (json, srt, vtt, rttm, txt)
          minutes export ID --store             keep the JSON manifest in MINUTES_STORAGE_DIR
          minutes exports list                  stored exports (pruned after 30 days)
          minutes --help                        every command and option

        Data lives in MINUTES_DATABASE_URL (default ~/.local/share/minutes/minutes.sqlite).
        """
}
