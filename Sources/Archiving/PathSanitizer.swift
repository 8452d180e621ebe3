import Foundation
import NianbaoCore

/// Turns names that come from outside (URLs, file names, agency names, site ids) into single,
/// safe path components, and checks that joined paths stay inside the archive.
public enum PathSanitizer {
    /// Longest component in UTF-8 bytes (filesystems allow 255; room is left for suffixes and temp names).
    public static let maxComponentBytes = 120

    /// One safe path component: no "/", "\\", NUL or other control characters, no leading dot
    /// (so never "." or ".."), no surrounding whitespace, at most `maxBytes` UTF-8 bytes. A name that
    /// had to be shortened gets "-" + 8 hex of its hash so distinct long names stay distinct.
    /// An empty result becomes "_".
    public static func component(_ raw: String, maxBytes: Int = maxComponentBytes) -> String {
        var out = ""
        for scalar in raw.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                out.unicodeScalars.append("_")
                continue
            default: break
            }
            if scalar == "/" || scalar == "\\" || scalar == ":" { out.unicodeScalars.append("_") } else { out.unicodeScalars.append(scalar) }
        }
        out = out.trimmingCharacters(in: .whitespacesAndNewlines)
        while out.hasPrefix(".") { out.removeFirst(); out = "_" + out }
        if out.isEmpty { out = "_" }
        if out.utf8.count > maxBytes {
            let suffix = "-" + SHA256.hex(raw).prefix(8)
            var cut = ""
            for ch in out {
                if cut.utf8.count + ch.utf8.count + suffix.utf8.count > maxBytes { break }
                cut.append(ch)
            }
            out = cut + suffix
        }
        return out
    }

    /// `root` joined with sanitised components; throws if the result is somehow outside `root`.
    public static func join(_ root: URL, _ components: [String]) throws -> URL {
        var url = root
        for c in components { url.appendPathComponent(component(c)) }
        guard isInside(url, root: root) else { throw ArchiveError.unsafePath(url.path) }
        return url
    }

    /// True when `url` (after resolving "." and "..") lies inside `root`.
    public static func isInside(_ url: URL, root: URL) -> Bool {
        let base = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        return path == base || path.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }

    /// True for a 64-character lower-case hex digest.
    public static func isSHA256(_ s: String) -> Bool {
        s.utf8.count == 64 && s.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
