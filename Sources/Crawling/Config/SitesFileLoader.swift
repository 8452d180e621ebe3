import Foundation
import Yams

/// Reads Config/sites.yaml with Yams and validates it, reporting every problem with its line.
public enum SitesFileLoader {
    /// Loads and validates a file. Throws `ConfigErrors` (every problem, each with a line) or a
    /// `ConfigError` when the file cannot be read or is not YAML.
    public static func load(_ url: URL) throws -> SitesFile {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ConfigError(file: url.path, line: nil, message: "cannot read: \(error.localizedDescription)")
        }
        return try parse(text, file: url.path)
    }

    /// Parses and validates YAML text (`file` names it in messages).
    public static func parse(_ text: String, file: String? = nil) throws -> SitesFile {
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch let error as YamlError {
            throw ConfigError(file: file, line: yamlLine(error), message: "not valid YAML: \(yamlProblem(error))")
        }
        var reader = NodeReader(file: file)
        guard let root = node, let top = root.mapping else {
            throw ConfigErrors(errors: [ConfigError(file: file, line: node?.mark?.line ?? 1,
                                                    message: "expected a mapping with `defaults:` and `sites:`")])
        }
        reader.checkKeys(top, allowed: ["defaults", "sites"], context: "top level")
        let defaults = top["defaults"].map { reader.defaults($0) } ?? CrawlDefaults()
        var sites: [SiteConfig] = []
        if let sitesNode = top["sites"] {
            if let seq = sitesNode.sequence {
                for item in seq { if let s = reader.site(item, defaults: defaults) { sites.append(s) } }
            } else {
                reader.error(sitesNode, "`sites` must be a list")
            }
        } else {
            reader.errors.append(ConfigError(file: file, line: root.mark?.line, message: "missing `sites:` list"))
        }
        var seen: [String: Int] = [:]
        for s in sites {
            if let first = seen[s.id] {
                reader.errors.append(ConfigError(file: file, line: s.line,
                                                 message: "duplicate site id \"\(s.id)\" (first at line \(first))"))
            } else {
                seen[s.id] = s.line ?? 0
            }
        }
        if !reader.errors.isEmpty {
            throw ConfigErrors(errors: reader.errors.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element))
        }
        return SitesFile(defaults: defaults, sites: sites)
    }

    static func yamlLine(_ e: YamlError) -> Int? {
        switch e {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    static func yamlProblem(_ e: YamlError) -> String {
        switch e {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _): return problem
        default: return "\(e)"
        }
    }
}
