import CCurl
import Foundation

enum CLISupport {
    /// Line-buffer stdout (a crash must not lose printed lines) and ignore SIGPIPE (curl, pipes to head).
    static func prepareProcess() {
        ccurl_line_buffer_stdout()
        ccurl_ignore_sigpipe()
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static var stderrIsTTY: Bool { isatty(2) == 1 }
}
