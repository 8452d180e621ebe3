import ArgumentParser
import Foundation

/// Options shared by every command that works on an archive.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: "Archive root directory (default: the config's defaults.archive, else ./Archive).")
    var archive: String?

    var archiveURL: URL { URL(fileURLWithPath: archive ?? "Archive") }
}
