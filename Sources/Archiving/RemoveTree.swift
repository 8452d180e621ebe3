import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Fast removal of a directory tree (unlink, recursing on EISDIR; symlinks are unlinked, never
/// followed). FileManager.removeItem is far slower on Linux for trees of thousands of files.
enum RemoveTree {
    static func remove(_ url: URL) { remove(path: url.path) }

    private static func remove(path: String) {
        if unlink(path) == 0 { return }
        guard errno == EISDIR else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            remove(path: path + "/" + name)
        }
        rmdir(path)
    }
}
