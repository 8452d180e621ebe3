import Foundation
import ZIPFoundation

/// The parts of a .docx (a ZIP package) that the reader needs, read with a size cap on every
/// entry: the declared size is checked first, and the bytes are counted while inflating, so an
/// entry that lies about its size cannot expand past the cap either.
struct DocxPackage {
    /// Why a package could not be read; turned into an ExtractionError by DocxExtractor.
    enum Failure: Error, Equatable {
        case notZip
        case missingPart(String)
        case tooLarge(String, Int)
        case damaged(String, String)
        case tooManyEntries(Int)
    }

    let archive: Archive
    let maxEntryBytes: Int
    static let maxEntries = 10_000

    init(file: URL, maxEntryBytes: Int) throws {
        do {
            archive = try Archive(url: file, accessMode: .read)
        } catch {
            throw Failure.notZip
        }
        self.maxEntryBytes = maxEntryBytes
        var count = 0
        for _ in archive {
            count += 1
            if count > Self.maxEntries { throw Failure.tooManyEntries(Self.maxEntries) }
        }
    }

    /// The bytes of one part, or nil when the package has no such part.
    func part(_ path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        let cap = maxEntryBytes
        if entry.uncompressedSize > UInt64(cap) { throw Failure.tooLarge(path, cap) }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if data.count + chunk.count > cap { throw Failure.tooLarge(path, cap) }
                data.append(chunk)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.damaged(path, "\(error)")
        }
        return data
    }

    /// A required part.
    func requiredPart(_ path: String) throws -> Data {
        guard let data = try part(path) else { throw Failure.missingPart(path) }
        return data
    }
}
