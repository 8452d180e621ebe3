import Foundation
import Testing
import NianbaoCore
@testable import Archiving

@Suite struct RawStoreTests {
    @Test func createsLayout() throws {
        let a = try makeArchive()
        for sub in ["raw", "captures", "reports", "state", "tmp"] {
            var isDir: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: a.root.appendingPathComponent(sub).path, isDirectory: &isDir) && isDir.boolValue)
        }
        #expect(a.tempDirectory.lastPathComponent == "tmp")
        #expect(a.stateDirectory.lastPathComponent == "state")
    }

    @Test func storesByHashDedupedAndReadOnly() throws {
        let a = try makeArchive()
        // sha256("abc") from FIPS 180-2 appendix B.1
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        let o = try a.storeRaw(data: Data("abc".utf8))
        #expect(o.sha256 == abc)
        #expect(o.size == 3)
        #expect(o.url.path.hasSuffix("raw/ba/\(abc)"))
        #expect(try Data(contentsOf: o.url) == Data("abc".utf8))
        let perms = try FileManager.default.attributesOfItem(atPath: o.url.path)[.posixPermissions] as? Int
        #expect(perms == 0o444)
        // Moving a temp file with the same content: deduplicated, temp removed.
        let tmp = a.tempDirectory.appendingPathComponent("body.part")
        try Data("abc".utf8).write(to: tmp)
        let o2 = try a.storeRaw(movingFile: tmp)
        #expect(o2 == o)
        #expect(!FileManager.default.fileExists(atPath: tmp.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: a.rawDirectory.appendingPathComponent("ba").path) == [abc])
    }

    @Test func movesNewBodyWithGivenHash() throws {
        let a = try makeArchive()
        let tmp = a.tempDirectory.appendingPathComponent("x.part")
        try Data("hello".utf8).write(to: tmp)
        let sha = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"   // sha256("hello")
        let o = try a.storeRaw(movingFile: tmp, sha256: sha)
        #expect(o.url == a.rawURL(sha256: sha))
        #expect(o.size == 5)
        #expect(!FileManager.default.fileExists(atPath: tmp.path))
    }

    @Test func malformedDigestCannotEscape() throws {
        let a = try makeArchive()
        let u = a.rawURL(sha256: "../../../etc/passwd")
        #expect(PathSanitizer.isInside(u, root: a.rawDirectory))
        #expect(throws: ArchiveError.self) { try a.storeRaw(movingFile: a.tempDirectory.appendingPathComponent("nope"), sha256: "../x") }
    }

    @Test func lockIsExclusive() async throws {
        let a = try makeArchive()
        let inner: String = try await a.withLock("crawl") {
            do {
                _ = try await a.withLock("crawl") { "second" }
                return "not refused"
            } catch ArchiveError.lockHeld(let name) {
                return "refused \(name)"
            }
        }
        #expect(inner == "refused crawl")
        // Released afterwards.
        #expect(try await a.withLock("crawl") { 1 } == 1)
    }
}
