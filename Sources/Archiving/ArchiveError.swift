import Foundation

/// Why an archive operation failed. Every case names the path or item involved.
public enum ArchiveError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Another process (or task) holds `state/<name>.lock`.
    case lockHeld(String)
    /// A system call failed on a path.
    case io(path: String, operation: String, errno: Int32)
    /// A name derived from outside input would leave the archive.
    case unsafePath(String)
    /// A stored file could not be decoded.
    case corrupt(path: String, reason: String)

    public var description: String {
        switch self {
        case .lockHeld(let name): return "lock '\(name)' is held by another nianbao process (state/\(name).lock)"
        case .io(let path, let op, let code): return "\(path): \(op) failed: \(String(cString: strerror(code)))"
        case .unsafePath(let p): return "unsafe path rejected: \(p)"
        case .corrupt(let path, let reason): return "\(path): \(reason)"
        }
    }
}
