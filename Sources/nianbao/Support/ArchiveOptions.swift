import ArgumentParser
import Crawling
import Foundation

/// Options shared by every command that works on an archive.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: "Archive root directory (default: defaults.archive of Config/sites.yaml when that file exists, else ./Archive).")
    var archive: String?

    /// --archive, else the default sites file's `defaults.archive` (as `crawl` and `fetch` use it),
    /// else ./Archive. A sites file that does not load is left to `crawl`/`sites --check` to report.
    var archiveURL: URL {
        if let archive { return URL(fileURLWithPath: archive) }
        let configured = (try? SitesFileLoader.load(URL(fileURLWithPath: ConfigOption.defaultPath)))?.defaults.archive
        return URL(fileURLWithPath: configured ?? "Archive")
    }
}
