import Foundation

/// Paths to the shared material beside the repository and to the committed fixtures.
public enum Fixtures {
    /// The repository root (found from this source file's location).
    public static let repoRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }   // Sources/TestSupport/Fixtures.swift
        return url
    }()

    /// ../shared beside the repository (seeds, samples, docs).
    public static let shared: URL = repoRoot.deletingLastPathComponent().appendingPathComponent("shared")

    public static func seed(_ prefix: String) -> URL {
        let dir = shared.appendingPathComponent("seeds")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        guard let name = names.sorted().first(where: { $0.hasPrefix(prefix) }) else {
            return dir.appendingPathComponent(prefix)
        }
        return dir.appendingPathComponent(name)
    }

    public static func seedText(_ prefix: String) throws -> String {
        try String(contentsOf: seed(prefix), encoding: .utf8)
    }

    /// Committed fixtures under Tests/Fixtures.
    public static func fixture(_ relativePath: String) -> URL {
        repoRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relativePath)
    }
}
